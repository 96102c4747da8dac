using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// The catalogue's use cases for staff — items, canonical materials, bundles and the catalogue's figures — shared by the
/// pages and the API so both apply the same checks and access rules. Every change is audited with a reason.
/// </summary>
internal sealed class CatalogueService(
    IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user,
    IOrganisationDirectory organisation,
    CatalogueWriter writer,
    CatalogueValidator validator,
    IStringLocalizer<CatalogueStrings> l)
{
    public const int MaxPageSize = 200;

    public bool CanEdit => CatalogueRules.CanEdit(user);

    public bool CanImport => CatalogueRules.CanImport(user);

    public bool CanEditItemOf(Guid? departmentId) => CatalogueRules.CanEditItemOf(user, departmentId);

    public Task<IReadOnlyList<NamedUnit>> DepartmentsAsync(CancellationToken ct = default) => organisation.DepartmentsAsync(ct);

    // ---- items ----

    public async Task<ItemPage> SearchItemsAsync(ItemQuery query, CancellationToken ct = default)
    {
        DemandRead();
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(query.Page, 1, 100_000);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<ServiceItem>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            q = q.Where(i => i.Name.Contains(s) || i.Code.Contains(s));
        }
        if (query.DepartmentId is { } d) q = q.Where(i => i.DepartmentId == d);
        if (query.Kind is { } k) q = q.Where(i => i.Kind == k);
        if (query.Published is { } p) q = q.Where(i => i.Published == p);
        var total = await q.CountAsync(ct);
        q = (query.Sort, query.Descending) switch
        {
            (ItemSort.Name, false) => q.OrderBy(i => i.Name).ThenBy(i => i.Code),
            (ItemSort.Name, true) => q.OrderByDescending(i => i.Name).ThenBy(i => i.Code),
            (ItemSort.Department, false) => q.OrderBy(i => i.DepartmentName).ThenBy(i => i.Code),
            (ItemSort.Department, true) => q.OrderByDescending(i => i.DepartmentName).ThenBy(i => i.Code),
            (ItemSort.Kind, false) => q.OrderBy(i => i.Kind).ThenBy(i => i.Code),
            (ItemSort.Kind, true) => q.OrderByDescending(i => i.Kind).ThenBy(i => i.Code),
            (ItemSort.PromisedLimit, false) => q.OrderBy(i => i.PromisedLimitDays).ThenBy(i => i.Code),
            (ItemSort.PromisedLimit, true) => q.OrderByDescending(i => i.PromisedLimitDays).ThenBy(i => i.Code),
            (_, true) => q.OrderByDescending(i => i.Code),
            _ => q.OrderBy(i => i.Code),
        };
        var rows = await q.Skip((page - 1) * size).Take(size)
            .Select(i => new ItemListRow(i.Id, i.Code, i.Name, i.Kind, i.DepartmentId, i.DepartmentName, i.StatutoryLimitDays, i.PromisedLimitDays,
                i.Channels, i.Materials.Count, i.Materials.Count(m => m.Deferrable), i.AutoApprovalRules != null, i.Published, i.Version))
            .ToListAsync(ct);
        return new ItemPage(rows, total, page, size);
    }

    public async Task<ItemDetail> GetItemAsync(string code, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Materials).ThenInclude(m => m.Material)
            .FirstOrDefaultAsync(i => i.Code == code, ct) ?? throw ItemNotFound(code);
        var codes = item.Materials.Where(m => m.Material is not null).ToDictionary(m => m.MaterialId, m => m.Material!.Code);
        var names = item.Materials.Where(m => m.Material is not null).ToDictionary(m => m.Material!.Code, m => m.Material!.Name, StringComparer.Ordinal);
        var applications = await db.Set<Application>().CountAsync(a => a.ItemId == item.Id, ct);
        var bundles = await db.Set<Bundle>().AsNoTracking().Where(b => b.Items.Any(x => x.ItemId == item.Id)).OrderBy(b => b.Code).Select(b => b.Code).ToListAsync(ct);
        return new ItemDetail(item.Id, item.Version, item.DepartmentId, CatalogueMapping.ToEntry(item, codes), names, applications, bundles,
            CatalogueRules.CanEditItemOf(user, item.DepartmentId));
    }

    public async Task<ItemDetail> CreateItemAsync(ItemEntry input, CancellationToken ct = default)
    {
        DemandEdit();
        var zone = Zone();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var departmentId = await CheckItemAsync(db, zone, input, ct);
        var code = input.Code.Trim();
        if (await db.Set<ServiceItem>().AnyAsync(i => i.Code == code, ct)) throw new ConflictException("code", l["CodeTaken", code]);
        var item = new ServiceItem { ZoneId = zone };
        CatalogueMapping.Apply(item, input, departmentId);
        db.Add(item);
        var materialIds = await MaterialIdsAsync(db, input, ct);
        foreach (var m in CatalogueMapping.SyncMaterials(item, input, materialIds, _ => { })) db.Add(m);
        db.AuditReason = l["AuditCreateItem"];
        await SaveAsync(db, ct);
        return await GetItemAsync(item.Code, ct);
    }

    public async Task<ItemDetail> UpdateItemAsync(string code, ItemEntry input, int? version, string? reason, CancellationToken ct = default)
    {
        DemandEdit();
        RequireVersionAndReason(version, reason);
        var zone = Zone();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.Set<ServiceItem>().Include(i => i.Materials).FirstOrDefaultAsync(i => i.Code == code, ct) ?? throw ItemNotFound(code);
        if (!CatalogueRules.CanEditItemOf(user, item.DepartmentId)) throw new ForbiddenException(CatalogueRules.OwnDepartmentRule, l["ForbiddenOtherDepartment", item.DepartmentName]);
        var departmentId = await CheckItemAsync(db, zone, input, ct);
        var newCode = input.Code.Trim();
        if (newCode != item.Code && await db.Set<ServiceItem>().AnyAsync(i => i.Code == newCode, ct)) throw new ConflictException("code", l["CodeTaken", newCode]);
        db.Entry(item).Property(x => x.Version).OriginalValue = version!.Value;
        CatalogueMapping.Apply(item, input, departmentId);
        var materialIds = await MaterialIdsAsync(db, input, ct);
        foreach (var m in CatalogueMapping.SyncMaterials(item, input, materialIds, m => db.Remove(m))) db.Add(m);
        // Only the item row carries the version: a change to its materials alone must still move it (and meet a stale edit).
        db.Entry(item).State = EntityState.Modified;
        db.AuditReason = reason!.Trim();
        await SaveAsync(db, ct);
        return await GetItemAsync(item.Code, ct);
    }

    /// <summary>Deletes an item nobody has applied for; an item with applications is unpublished instead (its 办件 keep their item).</summary>
    public async Task<ItemRemoval> RemoveItemAsync(string code, int? version, string? reason, CancellationToken ct = default)
    {
        DemandEdit();
        RequireVersionAndReason(version, reason);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.Set<ServiceItem>().Include(i => i.Materials).FirstOrDefaultAsync(i => i.Code == code, ct) ?? throw ItemNotFound(code);
        if (!CatalogueRules.CanEditItemOf(user, item.DepartmentId)) throw new ForbiddenException(CatalogueRules.OwnDepartmentRule, l["ForbiddenOtherDepartment", item.DepartmentName]);
        db.Entry(item).Property(x => x.Version).OriginalValue = version!.Value;
        var applications = await db.Set<Application>().CountAsync(a => a.ItemId == item.Id, ct);
        db.AuditReason = reason!.Trim();
        if (applications > 0)
        {
            item.Published = false;
            await SaveAsync(db, ct);
            return new ItemRemoval(item.Code, false, true, applications);
        }
        var bundles = await db.Set<Bundle>().AsNoTracking().Where(b => b.Items.Any(x => x.ItemId == item.Id)).Select(b => b.Code).ToListAsync(ct);
        if (bundles.Count > 0) throw new ConflictException("code", l["ItemInBundles", string.Join("、", bundles)]);
        db.Remove(item);
        await SaveAsync(db, ct);
        return new ItemRemoval(item.Code, true, false, 0);
    }

    private async Task<Guid> CheckItemAsync(PlatformDbContext db, Guid zone, ItemEntry input, CancellationToken ct)
    {
        var problems = new CatalogueProblems();
        validator.Item(input, 0, await writer.ContextAsync(db, zone, null, ct), FormPlaces.Instance, problems);
        problems.ThrowIfAny();
        var department = (await organisation.UnitsAsync(zone, ct)).First(u => u.Kind == UnitKind.Department && u.Name == input.Department.Trim());
        // Department staff keep their own department's items: they may not create one for, or move one to, another department.
        if (!CatalogueRules.CanEditItemOf(user, department.Id)) throw new ForbiddenException(CatalogueRules.OwnDepartmentRule, l["ForbiddenOtherDepartment", department.Name]);
        return department.Id;
    }

    private static async Task<Dictionary<string, Guid>> MaterialIdsAsync(PlatformDbContext db, ItemEntry input, CancellationToken ct)
    {
        var codes = input.Materials.Select(m => m.Material.Trim()).ToList();
        return await db.Set<Material>().AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Id, StringComparer.Ordinal, ct);
    }

    // ---- materials ----

    public async Task<IReadOnlyList<MaterialView>> MaterialsAsync(string? search = null, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Material>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(m => m.Name.Contains(s) || m.Code.Contains(s));
        }
        var materials = await q.OrderBy(m => m.Code).ToListAsync(ct);
        var used = await UsedByAsync(db, ct);
        return materials.Select(m => View(m, used)).ToList();
    }

    public async Task<MaterialView> GetMaterialAsync(string code, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var m = await db.Set<Material>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw MaterialNotFound(code);
        return View(m, await UsedByAsync(db, ct));
    }

    public async Task<MaterialView> CreateMaterialAsync(MaterialEntry input, CancellationToken ct = default)
    {
        DemandEdit();
        var zone = Zone();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await CheckMaterialAsync(db, zone, input, ct);
        var code = input.Code.Trim();
        if (await db.Set<Material>().AnyAsync(m => m.Code == code, ct)) throw new ConflictException("code", l["CodeTaken", code]);
        var m = new Material { ZoneId = zone };
        CatalogueMapping.Apply(m, input);
        db.Add(m);
        db.AuditReason = l["AuditCreateMaterial"];
        await SaveAsync(db, ct);
        return await GetMaterialAsync(m.Code, ct);
    }

    public async Task<MaterialView> UpdateMaterialAsync(string code, MaterialEntry input, int? version, string? reason, CancellationToken ct = default)
    {
        DemandEdit();
        RequireVersionAndReason(version, reason);
        var zone = Zone();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var m = await db.Set<Material>().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw MaterialNotFound(code);
        await CheckMaterialAsync(db, zone, input, ct);
        var newCode = input.Code.Trim();
        if (newCode != m.Code && await db.Set<Material>().AnyAsync(x => x.Code == newCode, ct)) throw new ConflictException("code", l["CodeTaken", newCode]);
        db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
        CatalogueMapping.Apply(m, input);
        db.AuditReason = reason!.Trim();
        await SaveAsync(db, ct);
        return await GetMaterialAsync(m.Code, ct);
    }

    private async Task CheckMaterialAsync(PlatformDbContext db, Guid zone, MaterialEntry input, CancellationToken ct)
    {
        var problems = new CatalogueProblems();
        validator.Material(input, 0, await writer.ContextAsync(db, zone, null, ct), FormPlaces.Instance, problems);
        problems.ThrowIfAny();
    }

    private static async Task<Dictionary<Guid, int>> UsedByAsync(PlatformDbContext db, CancellationToken ct) =>
        await db.Set<ItemMaterial>().AsNoTracking().GroupBy(m => m.MaterialId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private static MaterialView View(Material m, Dictionary<Guid, int> used) =>
        new(m.Id, m.Code, m.Name, m.NameEn, m.Description, m.LicenceTypes, used.GetValueOrDefault(m.Id), m.Version);

    // ---- bundles ----

    public async Task<IReadOnlyList<BundleListRow>> BundlesAsync(CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bundles = await db.Set<Bundle>().AsNoTracking().Include(b => b.Items).OrderBy(b => b.Code).ToListAsync(ct);
        var items = await ItemsWithMaterialsAsync(db, bundles.SelectMany(b => b.Items.Select(x => x.ItemId)), ct);
        return bundles.Select(b =>
        {
            var merged = Merge(b, items);
            return new BundleListRow(b.Id, b.Code, b.Name, b.Items.Count, merged.Before, merged.After, merged.Reduction, b.Published, b.Version);
        }).ToList();
    }

    public async Task<BundleDetail> GetBundleAsync(string code, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var b = await db.Set<Bundle>().AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw BundleNotFound(code);
        var items = await ItemsWithMaterialsAsync(db, b.Items.Select(x => x.ItemId), ct);
        var merged = Merge(b, items);
        var ordered = b.Items.OrderBy(x => x.SortOrder).Select(x => items[x.ItemId]).ToList();
        return new BundleDetail(b.Id, b.Version, CatalogueMapping.ToEntry(b, items.ToDictionary(p => p.Key, p => p.Value.Code)),
            ordered.Select(i => new BundleItemView(i.Code, i.Name, i.DepartmentName, i.Materials.Count)).ToList(),
            merged.Materials, merged.Before, merged.After, merged.Reduction);
    }

    public async Task<BundleDetail> CreateBundleAsync(BundleEntry input, CancellationToken ct = default)
    {
        DemandEdit();
        var zone = Zone();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await CheckBundleAsync(db, zone, input, ct);
        var code = input.Code.Trim();
        if (await db.Set<Bundle>().AnyAsync(b => b.Code == code, ct)) throw new ConflictException("code", l["CodeTaken", code]);
        var b = new Bundle { ZoneId = zone };
        CatalogueMapping.Apply(b, input);
        db.Add(b);
        foreach (var x in CatalogueMapping.SyncItems(b, input, await ItemIdsAsync(db, input, ct), _ => { })) db.Add(x);
        db.AuditReason = l["AuditCreateBundle"];
        await SaveAsync(db, ct);
        return await GetBundleAsync(b.Code, ct);
    }

    public async Task<BundleDetail> UpdateBundleAsync(string code, BundleEntry input, int? version, string? reason, CancellationToken ct = default)
    {
        DemandEdit();
        RequireVersionAndReason(version, reason);
        var zone = Zone();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var b = await db.Set<Bundle>().Include(x => x.Items).FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw BundleNotFound(code);
        await CheckBundleAsync(db, zone, input, ct);
        var newCode = input.Code.Trim();
        if (newCode != b.Code && await db.Set<Bundle>().AnyAsync(x => x.Code == newCode, ct)) throw new ConflictException("code", l["CodeTaken", newCode]);
        db.Entry(b).Property(x => x.Version).OriginalValue = version!.Value;
        CatalogueMapping.Apply(b, input);
        foreach (var x in CatalogueMapping.SyncItems(b, input, await ItemIdsAsync(db, input, ct), x => db.Remove(x))) db.Add(x);
        db.Entry(b).State = EntityState.Modified;
        db.AuditReason = reason!.Trim();
        await SaveAsync(db, ct);
        return await GetBundleAsync(b.Code, ct);
    }

    private async Task CheckBundleAsync(PlatformDbContext db, Guid zone, BundleEntry input, CancellationToken ct)
    {
        var problems = new CatalogueProblems();
        validator.Bundle(input, 0, await writer.ContextAsync(db, zone, null, ct), FormPlaces.Instance, problems);
        problems.ThrowIfAny();
    }

    private static async Task<Dictionary<string, Guid>> ItemIdsAsync(PlatformDbContext db, BundleEntry input, CancellationToken ct)
    {
        var codes = input.Items.Select(c => c.Trim()).ToList();
        return await db.Set<ServiceItem>().AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
    }

    private static async Task<Dictionary<Guid, ServiceItem>> ItemsWithMaterialsAsync(PlatformDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<ServiceItem>().AsNoTracking().Where(i => list.Contains(i.Id))
            .Include(i => i.Materials).ThenInclude(m => m.Material).AsSplitQuery()
            .ToDictionaryAsync(i => i.Id, ct);
    }

    private static BundleMergeResult Merge(Bundle b, Dictionary<Guid, ServiceItem> items) =>
        BundleMerge.Merge(b.Items.OrderBy(x => x.SortOrder).Select(x => items[x.ItemId]));

    // ---- figures ----

    /// <summary>The catalogue's figures; the reduction is over the published bundles (what applicants see).</summary>
    public async Task<CatalogueFigures> FiguresAsync(CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var items = await db.Set<ServiceItem>().AsNoTracking()
            .Select(i => new { i.Published, Auto = i.AutoApprovalRules != null, Deferrable = i.Materials.Any(m => m.Deferrable) }).ToListAsync(ct);
        var materials = await db.Set<Material>().CountAsync(ct);
        var bundles = await db.Set<Bundle>().AsNoTracking().Include(b => b.Items).Where(b => b.Published).ToListAsync(ct);
        var withMaterials = await ItemsWithMaterialsAsync(db, bundles.SelectMany(b => b.Items.Select(x => x.ItemId)), ct);
        var total = BundleMerge.Total(bundles.Select(b => Merge(b, withMaterials)));
        return new CatalogueFigures(items.Count, items.Count(i => i.Published), materials, total.Bundles, total.Before, total.After, total.Reduction,
            items.Count(i => i.Auto), items.Count(i => i.Deferrable));
    }

    // ---- shared ----

    private void DemandRead()
    {
        if (!CatalogueRules.CanRead(user)) throw new ForbiddenException(CatalogueRules.ReadRule, l["ForbiddenRead"]);
    }

    private void DemandEdit()
    {
        if (!CatalogueRules.CanEdit(user)) throw new ForbiddenException(CatalogueRules.EditRule, l["ForbiddenEdit"]);
    }

    private void RequireVersionAndReason(int? version, string? reason)
    {
        var errors = new ValidationErrors();
        if (version is null) errors.Add("version", l["VersionRequired"]);
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", l["ReasonRequired"]);
        else if (reason.Trim().Length > 500) errors.Add("reason", l["TooLong", 500]);
        errors.ThrowIfAny();
    }

    private Guid Zone() => user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Stale"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("code", l["Stale"]);
        }
    }

    private NotFoundException ItemNotFound(string code) => new(l["ItemNotFound", code]);
    private NotFoundException MaterialNotFound(string code) => new(l["MaterialNotFound", code]);
    private NotFoundException BundleNotFound(string code) => new(l["BundleNotFound", code]);
}
