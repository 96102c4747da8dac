using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// Loads the demo catalogue (Catalogue/DemoCatalogue.json, embedded) into the demo zone through the import path, so
/// the seed meets the same checks as any upload. Once: a zone that already has items keeps what staff made of them.
/// </summary>
internal sealed class CatalogueDemoSeeder(IOrganisationDirectory organisation, CatalogueTransfer transfer) : IModuleSeeder
{
    private const string DemoDivision = "410471";
    public const string Resource = "SmartIsland.Services.Catalogue.DemoCatalogue.json";

    public int Order => 125; // after the demo zone and its departments (100)

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
        var problems = new CatalogueProblems();
        var report = await transfer.ImportAsync(db, zone.Id, document, JsonPlaces.Instance, problems, "demo data: the demo catalogue (Catalogue/DemoCatalogue.json)", cancellationToken);
        // A broken demo catalogue fails the start, where it is seen, instead of leaving an empty catalogue.
        if (!report.Written)
            throw new InvalidOperationException("The demo catalogue does not pass the import checks: " +
                string.Join("; ", report.Errors.Take(20).Select(e => $"{e.Key}: {e.Message}")));
        db.UseAllZones();
    }
}
