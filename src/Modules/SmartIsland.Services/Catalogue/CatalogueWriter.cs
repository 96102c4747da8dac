using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Licences.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Bundles;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// Puts a whole catalogue document into a zone, upserting by code: every material, item and bundle is checked first
/// (against the zone's departments, the codes of the document and of the database, the licence registry) and the
/// document is written in one audited transaction only when nothing is wrong — never a half-imported catalogue.
/// Used by the import (pages, API) and by the demo seeder, which has no signed-in user.
/// </summary>
internal sealed class CatalogueWriter(IOrganisationDirectory organisation, IServiceProvider services, CatalogueValidator validator)
{
    public async Task<CatalogueContext> ContextAsync(PlatformDbContext db, Guid zoneId, CatalogueDocument? document, CancellationToken ct)
    {
        var departments = (await organisation.UnitsAsync(zoneId, ct)).Where(u => u.Kind == UnitKind.Department)
            .GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var materials = (await db.Set<Material>().AsNoTracking().Select(m => m.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var items = (await db.Set<ServiceItem>().AsNoTracking().Select(i => i.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (document is not null)
        {
            materials.UnionWith(document.Materials.Where(m => !string.IsNullOrWhiteSpace(m.Code)).Select(m => m.Code.Trim()));
            items.UnionWith(document.Items.Where(i => !string.IsNullOrWhiteSpace(i.Code)).Select(i => i.Code.Trim()));
        }
        return new CatalogueContext
        {
            Departments = departments,
            MaterialCodes = materials,
            ItemCodes = items,
            LicenceTypes = await LicenceTypesAsync(ct),
        };
    }

    /// <summary>
    /// The licence types the registry knows. The Licences module may not be registered in a given build; then the check
    /// is skipped rather than refusing every type (the registry is the only source of truth for types).
    /// </summary>
    public async Task<IReadOnlySet<string>?> LicenceTypesAsync(CancellationToken ct)
    {
        if (services.GetService<ILicenceRegistry>() is not { } registry) return null;
        return (await registry.TypesAsync(ct)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Checks the whole document; the problems of the file itself (unreadable cells) come in <paramref name="problems"/>.</summary>
    public async Task ValidateAsync(PlatformDbContext db, Guid zoneId, CatalogueDocument document, IProblemPlaces places, CatalogueProblems problems, CancellationToken ct)
    {
        var context = await ContextAsync(db, zoneId, document, ct);
        Twice(document.Materials.Select(m => m.Code), i => places.Material(i, "code"), problems);
        Twice(document.Items.Select(m => m.Code), i => places.Item(i, "code"), problems);
        Twice(document.Bundles.Select(m => m.Code), i => places.Bundle(i, "code"), problems);
        for (var i = 0; i < document.Materials.Count; i++) validator.Material(document.Materials[i], i, context, places, problems);
        for (var i = 0; i < document.Items.Count; i++) validator.Item(document.Items[i], i, context, places, problems);
        for (var i = 0; i < document.Bundles.Count; i++) validator.Bundle(document.Bundles[i], i, context, places, problems);
    }

    private void Twice(IEnumerable<string?> codes, Func<int, ProblemPlace> place, CatalogueProblems problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var code in codes)
        {
            var c = code?.Trim();
            if (!string.IsNullOrEmpty(c) && !seen.Add(c)) problems.Add(place(n), validator.TwiceInFile(c));
            n++;
        }
    }

    /// <summary>Writes a checked document: new rows through the bulk path, changed rows with their before/after, one transaction.</summary>
    public async Task<CatalogueImportReport> WriteAsync(PlatformDbContext db, Guid zoneId, CatalogueDocument document, string reason, CancellationToken ct)
    {
        var departments = (await organisation.UnitsAsync(zoneId, ct)).Where(u => u.Kind == UnitKind.Department)
            .GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        int mc = 0, mu = 0, ic = 0, iu = 0, bc = 0, bu = 0;
        await using var transaction = await db.BeginAuditedTransactionAsync(ct);
        db.AuditReason = reason;

        var materials = await db.Set<Material>().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        var newMaterials = new List<Material>();
        foreach (var e in document.Materials)
        {
            if (!materials.TryGetValue(e.Code.Trim(), out var m))
            {
                m = new Material { ZoneId = zoneId };
                newMaterials.Add(m);
                materials[e.Code.Trim()] = m;
                mc++;
            }
            else mu++;
            CatalogueMapping.Apply(m, e);
        }
        await db.BulkInsertAsync(newMaterials, ct);
        var materialIds = materials.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);

        var items = await db.Set<ServiceItem>().Include(i => i.Materials).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var newItems = new List<ServiceItem>();
        var newItemMaterials = new List<ItemMaterial>();
        foreach (var e in document.Items)
        {
            if (!items.TryGetValue(e.Code.Trim(), out var item))
            {
                item = new ServiceItem { ZoneId = zoneId };
                newItems.Add(item);
                items[e.Code.Trim()] = item;
                ic++;
            }
            else iu++;
            CatalogueMapping.Apply(item, e, departments[e.Department.Trim()]);
            newItemMaterials.AddRange(CatalogueMapping.SyncMaterials(item, e, materialIds, m => db.Remove(m)));
        }
        await db.BulkInsertAsync(newItems, ct);
        await db.SaveChangesAsync(ct);
        await db.BulkInsertAsync(newItemMaterials, ct);
        var itemIds = items.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);

        var bundles = await db.Set<Bundle>().Include(b => b.Items).ToDictionaryAsync(b => b.Code, StringComparer.Ordinal, ct);
        var newBundles = new List<Bundle>();
        var newBundleItems = new List<BundleItem>();
        foreach (var e in document.Bundles)
        {
            if (!bundles.TryGetValue(e.Code.Trim(), out var bundle))
            {
                bundle = new Bundle { ZoneId = zoneId };
                newBundles.Add(bundle);
                bundles[e.Code.Trim()] = bundle;
                bc++;
            }
            else bu++;
            CatalogueMapping.Apply(bundle, e);
            newBundleItems.AddRange(CatalogueMapping.SyncItems(bundle, e, itemIds, x => db.Remove(x)));
        }
        await db.BulkInsertAsync(newBundles, ct);
        await db.SaveChangesAsync(ct);
        await db.BulkInsertAsync(newBundleItems, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new CatalogueImportReport(true, mc, mu, ic, iu, bc, bu, []);
    }
}
