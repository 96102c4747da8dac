using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;

namespace SmartIsland.Services.Guide;

/// <summary>The public guide over JSON: no sign-in, published catalogue content only, nothing about any applicant.</summary>
public static class GuideApi
{
    public static IEndpointRouteBuilder MapGuideApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/guide").WithTags("Guide").AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit);

        api.MapGet("/search", async (string? q, int? limit, GuideService guide, CancellationToken ct) =>
            TypedResults.Ok(await guide.SearchAsync(q, limit ?? 20, ct)))
            .WithName("SearchGuide")
            .WithSummary("Substring search of the published items (finds two-character words): name hits first, then code, keywords, department, materials, conditions.");

        api.MapGet("/items/{code}", async (string code, GuideService guide, CancellationToken ct) =>
            TypedResults.Ok(await guide.ItemAsync(code, ct) ?? throw new NotFoundException($"No published item with code {code}.")))
            .WithName("GetGuideItem")
            .WithSummary("One published item's guide: conditions, materials (required, deferrable, e-licences that exempt them), limits, fee, channels, place, hours, lines, prohibited situations, flow steps.");

        return app;
    }
}
