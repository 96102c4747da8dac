using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;

namespace SmartIsland.Services.Discretion;

/// <summary>Bounded discretion over REST under /api/discretion; overrides take the version read (body or If-Match).</summary>
public static class DiscretionApi
{
    public static IEndpointRouteBuilder MapDiscretionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/discretion").WithTags("Bounded discretion").RequireAuthorization();

        api.MapGet("/items", async (DiscretionService discretion, CancellationToken ct) => TypedResults.Ok(await discretion.ItemsAsync(ct)))
            .WithName("ListDiscretionItems").WithSummary("Penalty items carrying a discretion rule, with the rule's source and the fine the zone sets.");

        api.MapPost("/violations", async (ViolationInput input, DiscretionService discretion, HttpContext http, CancellationToken ct) =>
        {
            var view = await discretion.RecordAsync(input, ct);
            Versions.SetETag(http, view.Version);
            return TypedResults.Created($"/api/discretion/violations/{view.Id}", view);
        }).WithName("RecordViolation")
            .WithSummary("Records a violation {itemCode, plate, place, occurredAt, minor, note}; the item's rule decides (e.g. the first minor parking violation of a vehicle in a half-year is not fined) and says why.");

        api.MapGet("/violations", async (string? plate, string? cycle, string? decision, int? page, int? pageSize, DiscretionService discretion, CancellationToken ct) =>
                TypedResults.Ok(await discretion.ListAsync(new ViolationQuery(plate, cycle, Decision(decision), page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListViolations").WithSummary("Records newest first; filters: plate, cycle (e.g. 2026H2), decision (Exempt, Fine: the final one). Plates masked for roles that do not enforce the item.");

        api.MapGet("/violations/{id:guid}", async (Guid id, DiscretionService discretion, HttpContext http, CancellationToken ct) =>
        {
            var view = await discretion.GetAsync(id, ct);
            Versions.SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetViolation").WithSummary("One record with the platform's and the final decision.");

        api.MapPost("/violations/{id:guid}/override", async (Guid id, OverrideInput input, DiscretionService discretion, HttpContext http, CancellationToken ct) =>
        {
            var view = await discretion.OverrideAsync(id, input, Versions.IfMatch(http), ct);
            Versions.SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("OverrideViolationDecision")
            .WithSummary("An officer replaces the platform's decision {decision, fine, reason, version}; the reason (required) is written to the audit log.");
        return app;
    }

    private static Discretion.PenaltyDecision? Decision(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Enum.TryParse<Discretion.PenaltyDecision>(text, true, out var d) && Enum.IsDefined(d) && !char.IsDigit(text.Trim()[0]) ? d
            : throw new ValidationFailedException("decision", "One of: " + string.Join(", ", Enum.GetNames<Discretion.PenaltyDecision>()) + ".");
    }
}
