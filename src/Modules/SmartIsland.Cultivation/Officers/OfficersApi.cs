using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cultivation.Officers;

/// <summary>
/// 首席服务员 over REST under /api/officers. Edits take the version read (in the body, or If-Match with the ETag)
/// and a stale one is refused; refusals cite their rule; bad input is a problem naming the field.
/// </summary>
public static class OfficersApi
{
    public static IEndpointRouteBuilder MapOfficersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/officers").WithTags("Chief service officers").RequireAuthorization();

        api.MapGet("/", async (OfficerService officers, CancellationToken ct) => TypedResults.Ok(await officers.OfficersAsync(ct)))
            .WithName("ListOfficers").WithSummary("The zone's chief service officers and how many enterprises each serves (staff).");

        api.MapGet("/enterprises", async (string? search, Guid? officerId, bool? overdue, int? page, int? pageSize, OfficerService officers, CancellationToken ct) =>
            TypedResults.Ok(await officers.ServedAsync(new ServedQuery(search, officerId, overdue ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListServedEnterprises").WithSummary("A chief service officer's own enterprises (overseers: everyone's), with the last visit and whether one is overdue.");

        api.MapGet("/assignable", async (string? search, int? page, int? pageSize, OfficerService officers, CancellationToken ct) =>
            TypedResults.Ok(await officers.AssignableAsync(search, page ?? 1, pageSize ?? 20, ct)))
            .WithName("ListAssignableEnterprises").WithSummary("The registry's enterprises with their officer, for assigning (administrators, department and park staff).");

        api.MapGet("/enterprises/{id:guid}/assignment", async (Guid id, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            var view = await officers.AssignmentAsync(id, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetOfficerAssignment").WithSummary("The enterprise's officer and the history of assignments (staff).");

        api.MapPut("/enterprises/{id:guid}/assignment", async (Guid id, AssignInput input, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            input.Version ??= IfMatch(http);
            var view = await officers.AssignAsync(id, input, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("AssignOfficer").WithSummary("Assigns the enterprise's chief service officer, or reassigns it with a reason and the version read.");

        api.MapGet("/enterprises/{id:guid}/card", async (Guid id, OfficerService officers, CancellationToken ct) =>
            await officers.CardAsync(id, ct) is { } card ? Results.Ok(card) : Results.NoContent())
            .WithName("GetOfficerCard").WithSummary("The officer's name, phone (masked where the role does not need it), last visit; 204 when none is assigned.");

        api.MapGet("/enterprises/{id:guid}/service", async (Guid id, OfficerService officers, CancellationToken ct) => TypedResults.Ok(await officers.ServiceAsync(id, ct)))
            .WithName("GetEnterpriseService").WithSummary("The enterprise's officer, visits and goals; an enterprise user reads only its own.");

        api.MapPost("/enterprises/{id:guid}/visits", async (Guid id, HttpRequest request, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            var (input, photos) = await ReadVisitAsync(request, ct);
            var view = await officers.RecordVisitAsync(id, input, photos, ct);
            SetETag(http, view.Version);
            return TypedResults.Created($"/api/officers/visits/{view.Id}", view);
        }).WithName("RecordVisit").DisableAntiforgery().Accepts<VisitInput>("application/json", "multipart/form-data")
            .WithSummary("Records a visit: JSON {visitedOn, notes, requests[]} or multipart/form-data with the same fields and up to 6 photos; each request becomes a case.");

        api.MapPost("/visits/{visitId:guid}/raise-cases", async (Guid visitId, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            var view = await officers.RaisePendingAsync(visitId, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("RaiseVisitRequests").WithSummary("Raises as cases the visit's requests that are not cases yet.");

        api.MapGet("/visits/{visitId:guid}", async (Guid visitId, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            var view = await officers.GetVisitAsync(visitId, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetVisit");

        api.MapPut("/visits/{visitId:guid}", async (Guid visitId, VisitEdit input, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            var view = await officers.EditVisitAsync(visitId, input, IfMatch(http), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("EditVisit").WithSummary("Corrects a visit's date or notes; needs the version read (body or If-Match).");

        api.MapGet("/visits/{visitId:guid}/photos/{photoId:guid}", async (Guid visitId, Guid photoId, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            var content = await officers.PhotoAsync(visitId, photoId, ct);
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return TypedResults.File(content, "image/jpeg");
        }).WithName("GetVisitPhoto");

        api.MapGet("/enterprises/{id:guid}/goals", async (Guid id, OfficerService officers, CancellationToken ct) => TypedResults.Ok(await officers.GoalsAsync(id, ct)))
            .WithName("ListGoals").WithSummary("The enterprise's \"1234\" goals with progress (from qualifications and yearly figures where the platform knows it).");

        api.MapPut("/enterprises/{id:guid}/goals/{kind}", async (Guid id, GoalKind kind, GoalInput input, OfficerService officers, HttpContext http, CancellationToken ct) =>
        {
            input.Version ??= IfMatch(http);
            var view = await officers.SaveGoalAsync(id, kind, input, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("SaveGoal").WithSummary("Sets one goal (PatentFiling, TechSme, AboveDesignatedSize, HighTechEnterprise); an existing one needs the version read.");

        return app;
    }

    private static async Task<(VisitInput Input, IReadOnlyList<PhotoUpload> Photos)> ReadVisitAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            var json = await request.ReadFromJsonAsync<VisitInput>(ct) ?? throw new ValidationFailedException("body", "A visit is required.");
            return (json, []);
        }
        var form = await request.ReadFormAsync(ct);
        var input = new VisitInput { Notes = form["notes"].ToString(), Requests = form["requests"].Where(r => r is not null).Select(r => r!).ToList() };
        var day = form["visitedOn"].ToString();
        if (day.Length > 0)
        {
            input.VisitedOn = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new ValidationFailedException("visitedOn", "A date as yyyy-MM-dd.");
        }
        var photos = new List<PhotoUpload>();
        foreach (var file in form.Files.Where(f => f.Length > 0))
        {
            // Larger files are refused unread; the content check decides the rest.
            if (file.Length > PhotoCheck.MaxBytes) throw new ValidationFailedException("photos", $"{file.FileName}: a photo may be at most {PhotoCheck.MaxBytes / 1024 / 1024} MB.");
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            photos.Add(new PhotoUpload(file.FileName, buffer.ToArray()));
        }
        return (input, photos);
    }

    private static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";

    private static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new ValidationFailedException("If-Match", "If-Match carries the ETag as read, e.g. \"3\".");
    }
}
