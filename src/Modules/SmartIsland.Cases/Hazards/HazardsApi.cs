using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartIsland.Cases.Api;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cases.Hazards;

/// <summary>
/// The hazard ledger over REST: rounds (open, list, read, correct), hazards recorded in a round (JSON, or
/// multipart with photos), the rectification steps, the ledger query and its Excel export. The same use
/// cases as the pages (<see cref="HazardService"/>); hazards carry an ETag and honour If-Match like cases.
/// </summary>
public static class HazardsApi
{
    public static IEndpointRouteBuilder MapHazardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hazards").WithTags("Hazards").RequireAuthorization();

        api.MapGet("/rounds", async (Guid? enterpriseId, bool? mine, int? page, int? pageSize, HazardService hazards, CancellationToken ct) =>
            TypedResults.Ok(await hazards.ListRoundsAsync(enterpriseId, mine ?? false, page ?? 1, pageSize ?? 20, ct)))
            .WithName("ListInspectionRounds").WithSummary("Inspection rounds, newest first, each with its summary (发现隐患N条，立行立改A条，限期整改B条 …).");

        api.MapPost("/rounds", async (RoundInput input, HazardService hazards, CancellationToken ct) =>
        {
            var round = await hazards.OpenRoundAsync(input, ct);
            return TypedResults.Created($"/api/hazards/rounds/{round.Id}", round);
        }).WithName("OpenInspectionRound").WithSummary("Opens a round: the enterprise inspected (or the place), when; the signed-in user is the inspector.");

        api.MapGet("/rounds/{id:guid}", async (Guid id, HazardService hazards, CancellationToken ct) => TypedResults.Ok(await hazards.GetRoundAsync(id, ct)))
            .WithName("GetInspectionRound");

        api.MapPut("/rounds/{id:guid}", async (Guid id, RoundEdit edit, HazardService hazards, CancellationToken ct) => TypedResults.Ok(await hazards.EditRoundAsync(id, edit, ct)))
            .WithName("EditInspectionRound").WithSummary("Corrects the place text and notes (the inspector or an administrator); version as read, 409 when stale.");

        api.MapPost("/rounds/{id:guid}/hazards", async (Guid id, HttpRequest request, HazardService hazards, HttpContext http, CancellationToken ct) =>
        {
            var (input, before, after) = await ReadHazardAsync(request, ct);
            var recorded = await hazards.RecordAsync(id, input, before, after, ct);
            SetETag(http, recorded.Version);
            return TypedResults.Created($"/api/hazards/{recorded.Row.Id}", recorded);
        }).WithName("RecordHazard").DisableAntiforgery()
            .WithSummary("Records a hazard: JSON, or multipart/form-data with the same fields and files 'beforePhotos' / 'afterPhotos' (after: fixed on the spot only). level General|Major, rectification FixedOnTheSpot|RectifyByDeadline, deadline yyyy-MM-dd.");

        api.MapGet("/", async (Guid? roundId, Guid? enterpriseId, HazardLevel? level, HazardStatus? status, bool? overdue, Rectification? rectification,
                HazardSort? sort, bool? desc, int? page, int? pageSize, HazardService hazards, CancellationToken ct) =>
            TypedResults.Ok(await hazards.LedgerAsync(new HazardQuery(roundId, enterpriseId, level, status, overdue ?? false, rectification, sort ?? HazardSort.FoundAt, desc ?? true, page ?? 1, pageSize ?? 20), ct)))
            .WithName("HazardLedger").WithSummary("The hazard ledger (隐患台账), filtered, sorted and paged.");

        api.MapGet("/export", async (Guid? roundId, Guid? enterpriseId, HazardLevel? level, HazardStatus? status, bool? overdue, Rectification? rectification,
                HazardSort? sort, bool? desc, HazardLedgerExport export, HttpContext http, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteAsync(new HazardQuery(roundId, enterpriseId, level, status, overdue ?? false, rectification, sort ?? HazardSort.FoundAt, desc ?? true), buffer, ct);
                http.Response.ContentType = HazardLedgerExport.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"hazard-ledger-{DateTime.Now:yyyyMMdd-HHmm}.xlsx\"";
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("ExportHazardLedger").WithSummary("The filtered ledger as an .xlsx 台账 with a Chinese header row; no phone numbers.");

        api.MapGet("/{id:guid}", async (Guid id, HazardService hazards, HttpContext http, CancellationToken ct) =>
        {
            var view = await hazards.GetAsync(id, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetHazard");

        api.MapPost("/{id:guid}/actions/{action}", async (Guid id, CaseAction action, HttpRequest request, HazardService hazards, HttpContext http, CancellationToken ct) =>
        {
            HazardActionInput input;
            IReadOnlyList<PhotoUpload> after = [];
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                input = new HazardActionInput { Reason = form["reason"].FirstOrDefault() };
                after = await CasesApi.ReadPhotosAsync(Files(form, "afterPhotos"), ct);
            }
            else input = await ReadJsonAsync<HazardActionInput>(request, ct) ?? new HazardActionInput();
            var view = await hazards.ActAsync(id, action, input, after, IfMatch(http), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("ActOnHazard").DisableAntiforgery()
            .WithSummary("Resolve (multipart with 'afterPhotos', required), Verify, FailVerification (reason), Close (销号); 403 citing the rule when the user may not.");

        return app;
    }

    private static async Task<(HazardInput Input, IReadOnlyList<PhotoUpload> Before, IReadOnlyList<PhotoUpload> After)> ReadHazardAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (await ReadJsonAsync<HazardInput>(request, ct) ?? new HazardInput(), [], []);
        var form = await request.ReadFormAsync(ct);
        string? Field(string name) => form[name].FirstOrDefault();
        var input = new HazardInput
        {
            Description = Field("description"), Address = Field("address"), Level = Field("level"), Category = Field("category"),
            Rectification = Field("rectification"), Measure = Field("measure"), ResponsiblePerson = Field("responsiblePerson"), Deadline = Field("deadline"),
        };
        return (input, await CasesApi.ReadPhotosAsync(Files(form, "beforePhotos"), ct), await CasesApi.ReadPhotosAsync(Files(form, "afterPhotos"), ct));
    }

    private static FormFileCollection Files(IFormCollection form, string name)
    {
        var files = new FormFileCollection();
        files.AddRange(form.Files.GetFiles(name));
        return files;
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength == 0) return null;
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await request.ReadFromJsonAsync<T>(options, ct);
        }
        catch (JsonException e)
        {
            throw new ValidationFailedException(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), "The JSON body cannot be read here.");
        }
        catch (InvalidOperationException)
        {
            throw new ValidationFailedException("body", "Send the hazard as JSON or as multipart/form-data.");
        }
    }

    private static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";

    private static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, out var v) ? v : throw new ValidationFailedException("If-Match", "If-Match carries the ETag of the hazard as read, e.g. \"3\".");
    }
}
