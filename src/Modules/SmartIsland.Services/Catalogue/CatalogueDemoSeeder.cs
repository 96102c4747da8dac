using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// Loads the demo catalogue (Catalogue/DemoCatalogue.json, embedded) into the demo zone through the import path, so
/// the seed meets the same checks as any upload. Once: a zone that already has items keeps what staff made of them.
/// </summary>
internal sealed class CatalogueDemoSeeder(IOrganisationDirectory organisation, IServiceScopeFactory scopes) : IModuleSeeder
{
    private const string DemoDivision = "410471";
    public const string Resource = "SmartIsland.Services.Catalogue.DemoCatalogue.json";

    public int Order => 150; // after the demo zone and its departments (100) and the licence types the materials name (140)

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync(DemoDivision, cancellationToken) is not { } zone) return;
        if (await db.Set<ServiceItem>().IgnoreQueryFilters().AnyAsync(i => i.ZoneId == zone.Id, cancellationToken)) return;
        await using var stream = typeof(CatalogueDemoSeeder).Assembly.GetManifestResourceStream(Resource);
        if (stream is null) return;
        var document = await JsonSerializer.DeserializeAsync<CatalogueDocument>(stream, CatalogueDocument.Json, cancellationToken)
            ?? throw new InvalidOperationException("The demo catalogue is empty.");
        db.UseZone(zone.Id);
        // The checks ask the licence registry for the zone's types: they run as a system principal of that zone.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "demo-seeder"), new Claim(PlatformClaims.ZoneId, zone.Id.ToString())], authenticationType: "system")));
        var transfer = scope.ServiceProvider.GetRequiredService<CatalogueTransfer>();
        var problems = new CatalogueProblems();
        var report = await transfer.ImportAsync(db, zone.Id, document, JsonPlaces.Instance, problems, "demo data: the demo catalogue (Catalogue/DemoCatalogue.json)", cancellationToken);
        // A broken demo catalogue fails the start, where it is seen, instead of leaving an empty catalogue.
        if (!report.Written)
            throw new InvalidOperationException("The demo catalogue does not pass the import checks: " +
                string.Join("; ", report.Errors.Take(20).Select(e => $"{e.Key}: {e.Message}")));
        db.UseAllZones();
    }
}
