using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>Reserve pools over REST (issue 4 §3): lists, entries, plans, hand changes, export and screening.</summary>
public static class PoolsApi
{
    public static IEndpointRouteBuilder MapPoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pools").WithTags("Pools").RequireAuthorization();

        api.MapGet("/", async (PoolService pools, CancellationToken ct) => TypedResults.Ok(await pools.OverviewAsync(ct)))
            .WithName("ListPools").WithSummary("One pool per tier in force with its size, the last screening, one running now, and the zone's minimum closeness.");

        api.MapPost("/screen", async (TierScreening screening, CancellationToken ct) => TypedResults.Ok(await screening.RunAsync(ScreeningTriggers.Api, ct)))
            .WithName("ScreenZone").WithSummary("Screens the whole zone now and waits for it (administrators and department staff); 409 while a screening runs.");

        api.MapPut("/settings", async (SettingsInput input, PoolService pools, CancellationToken ct) => TypedResults.Ok(await pools.SaveSettingsAsync(input, ct)))
            .WithName("SavePoolSettings").WithSummary("Changes the least closeness (0.5–1) that puts an enterprise in a pool; takes the settings version and a reason.");

        api.MapGet("/staff", async (PoolService pools, CancellationToken ct) => TypedResults.Ok(await pools.StaffAsync(ct)))
            .WithName("PoolStaff").WithSummary("Staff of the zone who can be responsible for a pool entry.");

        api.MapGet("/of/{enterpriseId:guid}", async (Guid enterpriseId, PoolService pools, CancellationToken ct) => TypedResults.Ok(await pools.PoolsOfEnterpriseAsync(enterpriseId, ct)))
            .WithName("PoolsOfEnterprise").WithSummary("The pools an enterprise is in, with its rank, gaps and plan (an enterprise user: only its own).");

        api.MapGet("/{code}", async (string code, string? search, PoolSort? sort, bool? desc, int? page, int? pageSize, PoolService pools, CancellationToken ct) =>
                TypedResults.Ok(await pools.ListAsync(code, search, sort ?? PoolSort.Rank, desc ?? false, page ?? 1, pageSize ?? 20, ct)))
            .WithName("ListPool").WithSummary("A tier's pool ranked by closeness (ties by name), searchable by name or credit code, paged.");

        api.MapGet("/{code}/export", async (string code, string? search, PoolExport export, HttpContext http, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteAsync(code, search, buffer, ct);
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"pool-{code}-{DateTime.Now:yyyyMMdd-HHmm}.xlsx\"";
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("ExportPool").WithSummary("The pool as an .xlsx ledger: rank, enterprise, credit code, park, closeness, main gaps in words, responsible person, plan.");

        api.MapPost("/{code}/entries", async (string code, HandAddInput input, PoolService pools, CancellationToken ct) =>
                TypedResults.Ok(await pools.AddByHandAsync(code, input, ct)))
            .WithName("AddPoolEntry").WithSummary("Adds an enterprise to the pool by hand with a reason.");

        api.MapGet("/{code}/{enterpriseId:guid}", async (string code, Guid enterpriseId, PoolService pools, CancellationToken ct) =>
                TypedResults.Ok(await pools.EntryAsync(code, enterpriseId, ct)))
            .WithName("GetPoolEntry").WithSummary("One entry: its gaps, responsible person, plan and history.");

        api.MapPut("/{code}/{enterpriseId:guid}/plan", async (string code, Guid enterpriseId, PlanInput input, PoolService pools, CancellationToken ct) =>
                TypedResults.Ok(await pools.SavePlanAsync(code, enterpriseId, input, ct)))
            .WithName("SavePoolPlan").WithSummary("Saves the responsible person and the one-enterprise plan; takes the entry's version (409 when stale).");

        api.MapDelete("/{code}/{enterpriseId:guid}", async (string code, Guid enterpriseId, string? reason, PoolService pools, CancellationToken ct) =>
            {
                await pools.RemoveByHandAsync(code, enterpriseId, reason, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemovePoolEntry").WithSummary("Takes an enterprise out of the pool by hand with a reason; screening does not bring it back.");
        return app;
    }
}
