using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;

namespace SmartIsland.Organisation.Api;

public static class OrganisationApi
{
    public sealed record PublicZone(string DivisionCode, string Name, string ShortName, string? Hotline);

    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        // Public: the citizen pages of later issues address a zone by its division code.
        app.MapGet("/api/zones/{divisionCode}", async Task<Ok<PublicZone>> (string divisionCode, IDbContextFactory<PlatformDbContext> dbs, CancellationToken ct) =>
            {
                if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
                    throw new ValidationFailedException("divisionCode", "A division code is six digits (GB/T 2260).");
                await using var db = await dbs.CreateDbContextAsync(ct);
                var zone = await db.Set<Zone>().AsNoTracking().FirstOrDefaultAsync(z => z.DivisionCode == divisionCode, ct)
                    ?? throw new NotFoundException($"No zone has the division code {divisionCode}.");
                return TypedResults.Ok(new PublicZone(zone.DivisionCode, zone.Name, zone.ShortName, zone.Hotline));
            })
            .AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit)
            .WithTags("Organisation").WithName("GetZone").WithSummary("A zone's public name and hotline by its division code; 404 for an unknown zone.");
        return app;
    }
}
