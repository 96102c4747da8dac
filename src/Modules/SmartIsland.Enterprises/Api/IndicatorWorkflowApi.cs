using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Enterprises.Api;

/// <summary>
/// The review of yearly figures, corrections and declared facts over REST (<see cref="IndicatorWorkflow"/>,
/// <see cref="EnterpriseFacts"/>). A step takes the version read in the body or as If-Match ("3"):
/// a stale body version is 409, a stale If-Match 412. Refusals cite <see cref="EnterpriseAccess"/> rules.
/// </summary>
internal static class IndicatorWorkflowApi
{
    public static RouteGroupBuilder MapIndicatorWorkflowApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/indicators/{year:int}/submit", async (Guid id, int year, IndicatorStepInput? step, IndicatorWorkflow flow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await flow.SubmitAsync(id, year, step ?? new(), IfMatch(http), ct)))
            .WithName("SubmitIndicator")
            .WithSummary("The enterprise submits a draft year for review (Draft → Submitted); send the year's version.");

        api.MapPost("/{id:guid}/indicators/{year:int}/review", async (Guid id, int year, IndicatorStepInput? step, IndicatorWorkflow flow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await flow.ReviewAsync(id, year, step ?? new(), IfMatch(http), ct)))
            .WithName("ReviewIndicator")
            .WithSummary("Staff mark a submitted year reviewed (Submitted → Reviewed); it is then locked and changes only through a correction.");

        api.MapPost("/{id:guid}/indicators/{year:int}/return", async (Guid id, int year, IndicatorStepInput? step, IndicatorWorkflow flow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await flow.ReturnAsync(id, year, step ?? new(), IfMatch(http), ct)))
            .WithName("ReturnIndicator")
            .WithSummary("Staff send a submitted year back to the enterprise (Submitted → Draft) with a reason it reads.");

        api.MapGet("/{id:guid}/corrections", async (Guid id, int? year, IndicatorWorkflow flow, CancellationToken ct) =>
            TypedResults.Ok(await flow.CorrectionsAsync(id, year, ct)))
            .WithName("ListCorrections")
            .WithSummary("Corrections of reviewed years (all, or ?year=), newest first, each with its reason and changed figures old → new.");

        api.MapGet("/{id:guid}/indicators/{year:int}/corrections", async (Guid id, int year, IndicatorWorkflow flow, CancellationToken ct) =>
            TypedResults.Ok(await flow.CorrectionsAsync(id, year, ct)))
            .WithName("ListYearCorrections")
            .WithSummary("Corrections of one reviewed year, newest first.");

        api.MapPost("/{id:guid}/indicators/{year:int}/corrections", async (Guid id, int year, CorrectionInput input, IndicatorWorkflow flow, HttpContext http, CancellationToken ct) =>
            {
                var correction = await flow.CorrectAsync(id, year, input, IfMatch(http), ct);
                return TypedResults.Created($"/api/enterprises/{id}/indicators/{year}/corrections/{correction.Id}", correction);
            })
            .WithName("CorrectIndicator")
            .WithSummary("Corrects a reviewed year: every figure as it should be (figures.version = the year's version) and a reason. Staff's is applied at once; an enterprise user's waits (Pending) for staff.");

        api.MapPost("/{id:guid}/indicators/{year:int}/corrections/{correctionId:guid}/approve", async (Guid id, int year, Guid correctionId, CorrectionDecisionInput? decision, IndicatorWorkflow flow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await flow.ApproveAsync(id, correctionId, decision ?? new(), IfMatch(http), ct)))
            .WithName("ApproveCorrection")
            .WithSummary("Staff approve a requested correction (send its version); 409 if the year changed since it was requested.");

        api.MapPost("/{id:guid}/indicators/{year:int}/corrections/{correctionId:guid}/reject", async (Guid id, int year, Guid correctionId, CorrectionDecisionInput? decision, IndicatorWorkflow flow, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await flow.RejectAsync(id, correctionId, decision ?? new(), IfMatch(http), ct)))
            .WithName("RejectCorrection")
            .WithSummary("Staff reject a requested correction with a note (send its version); the year is unchanged.");

        api.MapPut("/{id:guid}/facts/{key}", async (Guid id, string key, FactInput input, string? reason, EnterpriseFacts facts, CancellationToken ct) =>
            TypedResults.Ok(await facts.DeclareAsync(id, key, input, reason, ct)))
            .WithName("DeclareFact")
            .WithSummary("Declares a fact the rules need (value true/false or a number; evidence required when true; declaredOn not in the future). Send its version to replace it.");

        api.MapDelete("/{id:guid}/facts/{key}", async (Guid id, string key, int? version, string? reason, EnterpriseFacts facts, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await facts.WithdrawAsync(id, key, version, reason, IfMatch(http), ct)))
            .WithName("WithdrawFact")
            .WithSummary("Withdraws a declared fact (?version= or If-Match); the rules then need it confirmed again.");

        return api;
    }

    private static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, out var v) ? v : throw new ValidationFailedException("If-Match", "If-Match carries the version as read, e.g. \"3\".");
    }
}
