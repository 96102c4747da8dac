using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cases.Api;

/// <summary>
/// Cases over REST. Reads carry an ETag (the case's version); a write may send If-Match with it and gets
/// 412 when someone acted in between — the HTTP form of the platform's optimistic concurrency.
/// </summary>
public static class CasesApi
{
    public sealed record CaseTypeView(string Code, CaseKind Kind, string Name, string NameEn);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();

        // For the public report page: open reports of the same kind nearby (possible duplicates), nothing personal.
        app.MapGet("/api/public/cases/nearby", async (string kind, double lat, double lon, CaseService cases, IZoneList zones, IConfiguration config, CancellationToken ct) =>
        {
            if (lat is < -90 or > 90 || lon is < -180 or > 180) throw new ValidationFailedException("lat", "Not a position.");
            var zone = await zones.FindAsync(config["PublicZone:DivisionCode"] ?? "410471", ct) ?? throw new NotFoundException("No public zone is configured.");
            var parts = kind.Split('/', 2);
            return TypedResults.Ok(await cases.NearbyAsync(zone, parts[0], parts.Length > 1 ? parts[1] : null, lat, lon, ct: ct));
        }).WithTags("Cases").AllowAnonymous().RequireRateLimiting(SmartIsland.Platform.Web.PlatformPolicies.PublicRateLimit)
          .WithName("NearbyPublicCases");

        api.MapGet("/{id:guid}/nearby", async (Guid id, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.NearbyOfAsync(id, ct))).WithName("NearbyCases").WithSummary("Possible duplicates of a case: open, same type and category, within 150 m, last 30 days.");

        api.MapGet("/types", async (IDbContextFactory<PlatformDbContext> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return TypedResults.Ok(await db.Set<CaseType>().AsNoTracking().OrderBy(t => t.Code)
                .Select(t => new CaseTypeView(t.Code, t.Kind, t.Name, t.NameEn)).ToListAsync(ct));
        }).WithName("ListCaseTypes");

        api.MapGet("/", async (CaseState? state, bool? overdue, bool? mine, string? search, int? page, int? pageSize, CaseQueue? queue, string? type, bool? sortByDue, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.ListAsync(new CaseQuery(state, overdue ?? false, mine ?? false, search, page ?? 1, pageSize ?? 20, queue ?? CaseQueue.All, type, sortByDue ?? false), ct)))
            .WithName("ListCases").WithSummary("Work queues: the zone's cases for staff (queue=Mine, MyUnit, Overdue, AwaitingVerification, Supervised), a requester's own otherwise.");

        api.MapGet("/types/{code}", async (string code, CaseTypeAdministration types, HttpContext http, CancellationToken ct) =>
        {
            var detail = await types.GetAsync(code, ct);
            SetETag(http, detail.Version);
            return TypedResults.Ok(detail);
        }).WithName("GetCaseType").WithSummary("A case type with its deadline policy, categories and their units, and form fields.");

        api.MapPut("/types/{code}/policy", async (string code, DeadlinePolicyData policy, CaseTypeAdministration types, HttpContext http, CancellationToken ct) =>
        {
            var detail = await types.UpdatePolicyAsync(code, policy, IfMatch(http), ct);
            SetETag(http, detail.Version);
            return TypedResults.Ok(detail);
        }).WithName("UpdateCaseTypePolicy").WithSummary("Administrators: deadlines per priority, pauses, reminders, escalation ladder, keep-in-loop.");

        api.MapPut("/types/{code}/categories", async (string code, CategoryInput input, CaseTypeAdministration types, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await types.SaveCategoryAsync(code, input, IfMatch(http), ct)))
            .WithName("SaveCaseCategory").WithSummary("Administrators: adds a category or changes its names and the unit it is routed to.");

        api.MapGet("/staff", async (CaseService cases, CancellationToken ct) => TypedResults.Ok(await cases.StaffAsync(ct))).WithName("ListCaseStaff");
        api.MapGet("/units", async (CaseService cases, CancellationToken ct) => TypedResults.Ok(await cases.UnitsAsync(ct))).WithName("ListCaseUnits");

        api.MapPost("/", async (CaseSubmission input, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var created = await cases.SubmitAsync(input, null, ct);
            SetETag(http, created.Version);
            return TypedResults.Created($"/api/cases/{created.Id}", created);
        }).WithName("SubmitCase").WithSummary("Submits a case; deadlines are set from the type's policy on the working-day calendar.");

        api.MapGet("/{id:guid}", async (Guid id, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.GetAsync(id, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetCase");

        api.MapPost("/{id:guid}/actions/{action}", async (Guid id, CaseAction action, CaseActionRequest? request, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.ActAsync(id, action, request ?? new CaseActionRequest(), IfMatch(http), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("ActOnCase").WithSummary("Takes a workflow action (Accept, Assign, Start, Resolve, Verify, Close, Reject, Transfer, …); refused with 403 citing the rule when the role may not.");

        api.MapPost("/{id:guid}/rating", async (Guid id, RatingRequest rating, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.RateAsync(id, rating, IfMatch(http), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("RateCase").WithSummary("The requester rates the resolution; dissatisfied or notFixed reopens the case (a second time also reaches the supervisor).");

        api.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest comment, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.CommentAsync(id, comment, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("CommentOnCase").WithSummary("A handler's progress update (keep-in-loop) or the requester's added information.");

        api.MapPost("/{id:guid}/confirm-unit", async (Guid id, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.ConfirmUnitAsync(id, IfMatch(http), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("ConfirmCaseUnit");

        api.MapPost("/{id:guid}/photos", async (Guid id, PhotoStage? stage, HttpRequest request, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            if (!request.HasFormContentType) throw new ValidationFailedException("photos", "Send the photos as multipart/form-data.");
            var form = await request.ReadFormAsync(ct);
            var view = await cases.AddPhotosAsync(id, stage ?? PhotoStage.Progress, await ReadPhotosAsync(form.Files, ct), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("AddCasePhotos").DisableAntiforgery().WithSummary("Adds up to 6 photos per stage; type and size are checked from the content.");

        api.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var (content, contentType) = await cases.PhotoAsync(id, photoId, ct);
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return TypedResults.File(content, contentType);
        }).WithName("GetCasePhoto");

        return app;
    }

    /// <summary>Reads uploaded files whole (each is at most <see cref="PhotoCheck.MaxBytes"/>; larger ones are refused unread).</summary>
    internal static async Task<IReadOnlyList<PhotoUpload>> ReadPhotosAsync(IFormFileCollection files, CancellationToken ct)
    {
        var uploads = new List<PhotoUpload>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            if (file.Length > PhotoCheck.MaxBytes) throw new ValidationFailedException("photos", $"{file.FileName}: a photo may be at most {PhotoCheck.MaxBytes / 1024 / 1024} MB.");
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new PhotoUpload(file.FileName, buffer.ToArray()));
        }
        return uploads;
    }

    private static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";

    private static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, out var v) ? v : throw new ValidationFailedException("If-Match", "If-Match carries the ETag of the case as read, e.g. \"3\".");
    }
}
