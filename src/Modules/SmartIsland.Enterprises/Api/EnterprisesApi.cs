using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;

namespace SmartIsland.Enterprises.Api;

/// <summary>The registry over REST: the same use cases as the pages (<see cref="EnterpriseRegistry"/>).</summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization();

        api.MapGet("/", async (string? search, Guid? parkId, string? industryCode, QualificationKind? qualification,
                EnterpriseSort? sort, bool? desc, int? page, int? pageSize, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.SearchAsync(new EnterpriseQuery(search, parkId, industryCode, qualification,
                sort ?? EnterpriseSort.Name, desc ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListEnterprises").WithSummary("Searches the zone's enterprises (paged).");

        api.MapGet("/export", async (string? search, Guid? parkId, string? industryCode, QualificationKind? qualification,
                EnterpriseSort? sort, bool? desc, EnterpriseExport export, HttpContext http, CancellationToken ct) =>
            {
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"enterprises-{DateTime.Now:yyyyMMdd-HHmm}.xlsx\"";
                using var buffer = new MemoryStream();
                await export.WriteAsync(new EnterpriseQuery(search, parkId, industryCode, qualification, sort ?? EnterpriseSort.Name, desc ?? false), buffer, ct);
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("ExportEnterprises").WithSummary("The filtered list as an .xlsx ledger (masked as on screen).");

        api.MapGet("/{id:guid}", async (Guid id, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.GetAsync(id, ct)))
            .WithName("GetEnterprise");

        api.MapPost("/", async Task<Created<EnterpriseDetail>> (EnterpriseInput input, EnterpriseRegistry registry, CancellationToken ct) =>
            {
                var created = await registry.CreateAsync(input, ct);
                return TypedResults.Created($"/api/enterprises/{created.Id}", created);
            })
            .WithName("CreateEnterprise").WithSummary("Registers an enterprise; 409 if its credit code is already registered.");

        api.MapPut("/{id:guid}", async (Guid id, EnterpriseInput input, string? reason, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.UpdateAsync(id, input, reason, ct)))
            .WithName("UpdateEnterprise").WithSummary("Edits an enterprise; send the version you read, 409 if someone saved in between.");

        return app;
    }
}
