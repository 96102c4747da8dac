using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Licences.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Guide;

/// <summary>
/// The public guide's reads (办事不找关系指南). Nobody is signed in: every read names the public zone explicitly
/// (config <c>PublicZone:DivisionCode</c>, default 410471) and shows published items and bundles only.
/// </summary>
public sealed class GuideService(
    IDbContextFactory<PlatformDbContext> dbs, IOrganisationDirectory organisation, IConfiguration config, GuideIndex index,
    IServiceProvider services)
{
    public const int MaxQueryLength = 50;
    public const int PageSize = 50;

    /// <summary>The public zone's id; 404 when the configured division is not a zone here.</summary>
    public async Task<ZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        var division = config["PublicZone:DivisionCode"] ?? "410471";
        return await organisation.ZoneByDivisionAsync(division, ct) ?? throw new NotFoundException("No public zone is configured.");
    }

    private async Task<Guid> ZoneIdAsync(CancellationToken ct)
    {
        var division = config["PublicZone:DivisionCode"] ?? "410471";
        return await index.ZoneAsync(division, async () => (await organisation.ZoneByDivisionAsync(division, ct))?.Id)
            ?? throw new NotFoundException("No public zone is configured.");
    }

    private async Task<PlatformDbContext> ReadAsync(CancellationToken ct) => await OpenAsync(await ZoneIdAsync(ct), ct);

    private async Task<PlatformDbContext> OpenAsync(Guid zoneId, CancellationToken ct)
    {
        var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        return db;
    }

    /// <summary>Substring search over the published items; the best <paramref name="limit"/> hits and the total.</summary>
    public async Task<GuideSearchResult> SearchAsync(string? query, int limit = 20, CancellationToken ct = default)
    {
        var q = (query ?? "").Trim();
        if (q.Length > MaxQueryLength) throw new ValidationFailedException("q", $"A search is at most {MaxQueryLength} characters.");
        if (limit is < 1 or > 100) throw new ValidationFailedException("limit", "Between 1 and 100.");
        if (q.Length == 0) return new GuideSearchResult(q, 0, []);
        var zoneId = await ZoneIdAsync(ct);
        var entries = await index.EntriesAsync(zoneId, () => OpenAsync(zoneId, ct), ct);
        return GuideIndex.Search(entries, q, limit);
    }

    /// <summary>权力事项清单, by department and kind, optionally filtered; a page of <see cref="PageSize"/>.</summary>
    public async Task<GuidePage<GuideItemSummary>> PowersAsync(string? department, ItemKind? kind, int page, CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        var items = db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published);
        if (!string.IsNullOrWhiteSpace(department)) items = items.Where(i => i.DepartmentName == department);
        if (kind is { } k) items = items.Where(i => i.Kind == k);
        var total = await items.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await items.OrderBy(i => i.DepartmentName).ThenBy(i => i.Kind).ThenBy(i => i.Code)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new GuideItemSummary(i.Code, i.Name, i.NameEn, i.Kind, i.DepartmentName, i.LegalBasis, i.StatutoryLimitDays, i.PromisedLimitDays, i.Channels, i.Visits))
            .ToListAsync(ct);
        return new GuidePage<GuideItemSummary>(rows, total, page, PageSize);
    }

    /// <summary>The departments that publish items, for the filters.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        return await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published).Select(i => i.DepartmentName).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    /// <summary>One item's guide; null when there is no published item with the code.</summary>
    public async Task<GuideItem?> ItemAsync(string code, CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        var item = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Materials).ThenInclude(m => m.Material)
            .FirstOrDefaultAsync(i => i.Code == code && i.Published, ct);
        if (item is null) return null;
        var licences = await LicenceNamesAsync(ct);
        var bundles = await db.Set<Bundle>().AsNoTracking().Where(b => b.Published && b.Items.Any(x => x.ItemId == item.Id))
            .OrderBy(b => b.Code).Select(b => new GuideBundleRef(b.Code, b.Name, b.NameEn)).ToListAsync(ct);
        return new GuideItem(
            item.Code, item.Name, item.NameEn, item.Kind, item.DepartmentName, item.LegalBasis, item.Conditions, item.Prohibited, item.Steps,
            item.Materials.OrderBy(m => m.SortOrder).Select(m => ToGuide(m, licences)).ToList(),
            item.StatutoryLimitDays, item.PromisedLimitDays, item.DeferralDays, item.Fee, item.Channels, item.Visits, item.Place, item.Hours,
            item.ContactPhone, item.ComplaintPhone, item.AutoApprovalRules is not null, bundles);
    }

    /// <summary>办事不找关系路径: per department, its channels, places, hours and public lines.</summary>
    public async Task<GuidePaths> PathsAsync(CancellationToken ct = default)
    {
        var zone = await ZoneAsync(ct);
        await using var db = await ReadAsync(ct);
        var rows = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published)
            .Select(i => new { i.DepartmentName, i.Channels, i.Visits, i.PromisedLimitDays, i.Place, i.Hours, i.ContactPhone, i.ComplaintPhone })
            .ToListAsync(ct);
        static IReadOnlyList<string> Distinct(IEnumerable<string> values) =>
            values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(3).ToList();
        var departments = rows.GroupBy(r => r.DepartmentName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GuideDepartmentPath(
                g.Key, g.Count(),
                g.Count(r => r.Channels.HasFlag(Channels.Online)),
                g.Count(r => r.Channels.HasFlag(Channels.NoVisit)),
                g.Count(r => (r.Channels & (Channels.Online | Channels.NoVisit | Channels.Post)) == 0),
                g.Count(r => r.Visits == 0),
                g.Count(r => r.PromisedLimitDays == 0),
                Distinct(g.Select(r => r.Place)), Distinct(g.Select(r => r.Hours)),
                Distinct(g.Select(r => r.ContactPhone)), Distinct(g.Select(r => r.ComplaintPhone))))
            .ToList();
        return new GuidePaths(zone.Name, zone.Hotline, departments);
    }

    /// <summary>违规禁办事项清单: every published item that lists prohibited situations.</summary>
    public async Task<GuidePage<GuideProhibitedEntry>> ProhibitedAsync(int page, CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        // The situations are a JSON list on the row: read the published items' lists and page here.
        var all = (await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published)
                .OrderBy(i => i.DepartmentName).ThenBy(i => i.Code)
                .Select(i => new { i.Code, i.Name, i.NameEn, i.DepartmentName, i.Prohibited }).ToListAsync(ct))
            .Where(i => i.Prohibited.Count > 0)
            .Select(i => new GuideProhibitedEntry(i.Code, i.Name, i.NameEn, i.DepartmentName, i.Prohibited))
            .ToList();
        return Page(all, page);
    }

    /// <summary>容缺办理事项清单: items with deferrable materials, those materials, and how many of each.</summary>
    public async Task<GuideDeferrableList> DeferrableAsync(int page, CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        var items = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published)
            .Select(i => new { i.Id, i.Code, i.Name, i.NameEn, i.DepartmentName, i.DeferralDays }).ToDictionaryAsync(i => i.Id, ct);
        var links = (await db.Set<ItemMaterial>().AsNoTracking().Where(m => m.Deferrable).Include(m => m.Material).ToListAsync(ct))
            .Where(m => items.ContainsKey(m.ItemId))
            .Select(m => items[m.ItemId] is var i ? new { Link = m, i.Code, i.Name, i.NameEn, i.DepartmentName, i.DeferralDays } : null!)
            .ToList();
        var licences = await LicenceNamesAsync(ct);
        var entries = links.GroupBy(l => l.Code)
            .Select(g => g.First() is var f
                ? new GuideDeferrableEntry(f.Code, f.Name, f.NameEn, f.DepartmentName, f.DeferralDays,
                    g.OrderBy(l => l.Link.SortOrder).Select(l => ToGuide(l.Link, licences)).ToList())
                : null!)
            .OrderBy(e => e.Department, StringComparer.Ordinal).ThenBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
        // Counted as the national 容缺 lists count them: items, and the (item, material) pairs that may come later.
        return new GuideDeferrableList(Page(entries, page), entries.Count, links.Count);
    }

    /// <summary>The published bundles with their merged counts, and the zone's figure over all of them.</summary>
    public async Task<GuideBundleList> BundlesAsync(CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        var bundles = await db.Set<Bundle>().AsNoTracking().Where(b => b.Published).Include(b => b.Items).OrderBy(b => b.Code).ToListAsync(ct);
        var items = await ItemsWithMaterialsAsync(db, bundles.SelectMany(b => b.Items).Select(i => i.ItemId).Distinct().ToList(), ct);
        var merged = bundles.Select(b => (Bundle: b, Merge: BundleMerge.Merge(ItemsOf(b, items)))).ToList();
        var total = BundleMerge.Total(merged.Select(m => m.Merge));
        return new GuideBundleList(
            merged.Select(m => new GuideBundleSummary(m.Bundle.Code, m.Bundle.Name, m.Bundle.NameEn, m.Bundle.Description, m.Bundle.Items.Count, m.Merge.Before, m.Merge.After, m.Merge.Reduction)).ToList(),
            new GuideBundleTotal(total.Bundles, total.Before, total.After, total.Reduction));
    }

    /// <summary>One bundle: its items and its merged material list (before → after); null when not published.</summary>
    public async Task<GuideBundle?> BundleAsync(string code, CancellationToken ct = default)
    {
        await using var db = await ReadAsync(ct);
        var bundle = await db.Set<Bundle>().AsNoTracking().Include(b => b.Items).FirstOrDefaultAsync(b => b.Code == code && b.Published, ct);
        if (bundle is null) return null;
        var items = await ItemsWithMaterialsAsync(db, bundle.Items.Select(i => i.ItemId).ToList(), ct);
        var ordered = ItemsOf(bundle, items);
        var merge = BundleMerge.Merge(ordered);
        var licences = await LicenceNamesAsync(ct);
        var names = ordered.SelectMany(i => i.Materials).Select(m => m.Material!).DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.NameEn);
        return new GuideBundle(
            bundle.Code, bundle.Name, bundle.NameEn, bundle.Description,
            ordered.Select(i => new GuideItemSummary(i.Code, i.Name, i.NameEn, i.Kind, i.DepartmentName, i.LegalBasis, i.StatutoryLimitDays, i.PromisedLimitDays, i.Channels, i.Visits)).ToList(),
            merge.Materials.Select(m => new GuideBundleMaterial(m.Code, m.Name, names.GetValueOrDefault(m.MaterialId), m.Required, m.Deferrable, m.Count, m.ItemCodes, Licences(m.LicenceTypes, licences))).ToList(),
            merge.Before, merge.After, merge.Reduction);
    }

    private static async Task<Dictionary<Guid, ServiceItem>> ItemsWithMaterialsAsync(PlatformDbContext db, List<Guid> ids, CancellationToken ct) =>
        await db.Set<ServiceItem>().AsNoTracking().Where(i => ids.Contains(i.Id)).Include(i => i.Materials).ThenInclude(m => m.Material)
            .AsSplitQuery().ToDictionaryAsync(i => i.Id, ct);

    /// <summary>A bundle's published items in its order (an unpublished item is not offered in the public guide).</summary>
    private static List<ServiceItem> ItemsOf(Bundle bundle, Dictionary<Guid, ServiceItem> items) =>
        bundle.Items.OrderBy(i => i.SortOrder).Select(i => items.GetValueOrDefault(i.ItemId)).OfType<ServiceItem>().Where(i => i.Published).ToList();

    private static GuideMaterial ToGuide(ItemMaterial m, IReadOnlyDictionary<string, LicenceTypeInfo> licences) => new(
        m.Material!.Code, m.Material.Name, m.Material.NameEn, m.Requirement == MaterialRequirement.Required, m.Deferrable, m.Form, m.Count, m.Note,
        Licences(m.Material.LicenceTypes, licences));

    private static List<GuideLicenceType> Licences(IEnumerable<string> codes, IReadOnlyDictionary<string, LicenceTypeInfo> licences) =>
        codes.Select(c => licences.TryGetValue(c, out var t) ? new GuideLicenceType(c, t.Name, t.NameEn) : new GuideLicenceType(c, c, null)).ToList();

    /// <summary>
    /// Licence type names of the public zone from the licence registry; should it fail, the guide shows the codes
    /// rather than fail because of it.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, LicenceTypeInfo>> LicenceNamesAsync(CancellationToken ct)
    {
        if (services.GetService<ILicenceRegistry>() is not { } registry) return new Dictionary<string, LicenceTypeInfo>();
        try
        {
            return (await registry.TypesAsync(await ZoneIdAsync(ct), ct)).DistinctBy(t => t.Code).ToDictionary(t => t.Code);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Dictionary<string, LicenceTypeInfo>();
        }
    }

    private static GuidePage<T> Page<T>(IReadOnlyList<T> all, int page)
    {
        page = Math.Clamp(page, 1, Math.Max(1, (all.Count + PageSize - 1) / PageSize));
        return new GuidePage<T>(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count, page, PageSize);
    }
}
