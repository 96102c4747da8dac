using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cultivation.Performance;

/// <summary>亩均效益 over REST: the same use cases as the pages (<see cref="PerformanceService"/>).</summary>
public static class PerformanceApi
{
    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/performance").WithTags("Performance").RequireAuthorization();

        api.MapGet("/scheme", async (PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.GetSchemeAsync(ct)))
            .WithName("GetPerformanceScheme").WithSummary("The zone's per-mu scheme: indicators, weights, benchmarks, caps, grade cut-offs (revision 0 = the illustrative default).");

        api.MapPut("/scheme", async (PerformanceSchemeInput input, PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.SaveSchemeAsync(input, ct)))
            .WithName("SavePerformanceScheme").WithSummary("Stores a new revision of the scheme (Admin, DepartmentStaff). Send the revision you read; 409 if another was saved since. Weights must add up to 100.");

        api.MapPost("/runs", async (PerformanceRunInput input, PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.RunAsync(input, ct)))
            .WithName("RunPerformanceEvaluation").WithSummary("Scores every enterprise with figures for the period (\"2025\" = yearly grade, \"2025Q3\" = quarterly monitoring on the year's figures) and stores the run.");

        api.MapGet("/runs", async (PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.RunsAsync(ct)))
            .WithName("ListPerformanceRuns").WithSummary("Every run, newest first, with its grade distribution.");

        api.MapGet("/results", async (string? period, string? search, string? grade, PerformanceSort? sort, bool? desc,
                int? page, int? pageSize, PerformanceService s, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(period)) throw new ValidationFailedException("period", "period is required (2025 or 2025Q3)");
                var results = await s.ResultsAsync(new PerformanceQuery(period, search, grade, sort ?? PerformanceSort.Rank, desc ?? false, page ?? 1, pageSize ?? 20), ct);
                return TypedResults.Ok(results ?? throw new NotFoundException($"no run for {period}"));
            })
            .WithName("PerformanceResults").WithSummary("The latest run of a period: ranked enterprises with each indicator's value and points (search, grade filter, sort, paging).");

        api.MapGet("/export", async (string? period, bool? english, PerformanceExport export, HttpContext http, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(period)) throw new ValidationFailedException("period", "period is required (2025 or 2025Q3)");
                using var buffer = new MemoryStream();
                await export.WriteAsync(period, english ?? System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal), buffer, ct);
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"per-mu-{period}.xlsx\"";
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("ExportPerformanceResults").WithSummary("The period's results and the policy each enterprise gets, as an .xlsx ledger for the departments that apply them.");

        api.MapGet("/enterprises/{id:guid}", async (Guid id, PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.CardAsync(id, ct)))
            .WithName("PerformanceGradeCard").WithSummary("An enterprise's latest yearly grade, score and rank, its latest quarterly monitoring, the policies of its grade and its history.");

        api.MapGet("/policies", async (PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.PoliciesAsync(ct)))
            .WithName("ListPerformancePolicies").WithSummary("The differentiated policy of each grade on each lever (illustrative until staff write the zone's own).");

        api.MapPut("/policies/{grade}/{lever}", async (string grade, PolicyLever lever, PolicyInput input, PerformanceService s, CancellationToken ct) =>
                TypedResults.Ok(await s.SavePolicyAsync(grade, lever, input, ct)))
            .WithName("SavePerformancePolicy").WithSummary("Writes one grade's policy on one lever (Admin, DepartmentStaff); send the version you read (0 for a default), 409 if it changed.");

        api.MapGet("/exclusions", async (PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.ExclusionsAsync(ct)))
            .WithName("ListGradingExclusions").WithSummary("Enterprises left out of grading (不定等级), managed as the scheme says.");

        api.MapPost("/exclusions", async (ExclusionInput input, PerformanceService s, CancellationToken ct) => TypedResults.Ok(await s.ExcludeAsync(input, ct)))
            .WithName("AddGradingExclusion").WithSummary("Leaves an enterprise out of grading with a reason (utility, start-up, major project under construction).");

        api.MapDelete("/exclusions/{enterpriseId:guid}", async (Guid enterpriseId, string? reason, PerformanceService s, CancellationToken ct) =>
            {
                await s.RemoveExclusionAsync(enterpriseId, reason, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveGradingExclusion").WithSummary("Grades the enterprise again from the next run.");

        return app;
    }
}
