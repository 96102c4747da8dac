using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// Arranges catalogue items, materials and bundles straight in the database of the public zone (410471); the guide is
/// then read only through HTTP. Codes carry a fresh suffix so tests and the demo catalogue do not collide.
/// </summary>
internal static class GuideSeeds
{
    public sealed record MaterialSpec(string Name, bool Required = true, bool Deferrable = false, MaterialForm Form = MaterialForm.Original, int Count = 1, params string[] LicenceTypes);

    public sealed record SeededItem(Guid Id, string Code, string Name, string Department, IReadOnlyList<string> MaterialCodes);

    public static string Suffix() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>Adds canonical materials (fresh codes) and returns their ids by name.</summary>
    public static async Task<Dictionary<string, Guid>> AddMaterialsAsync(PlatformFactory factory, IEnumerable<MaterialSpec> specs)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseZone(zone);
        var ids = new Dictionary<string, Guid>();
        foreach (var spec in specs.DistinctBy(s => s.Name))
        {
            var m = new Material { ZoneId = zone, Code = "TM" + Suffix(), Name = spec.Name, LicenceTypes = [.. spec.LicenceTypes] };
            db.Add(m);
            ids[spec.Name] = m.Id;
        }
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>
    /// Adds an item with the given materials (new canonical materials unless <paramref name="shared"/> names them),
    /// the usual four steps, one condition and one prohibited situation.
    /// </summary>
    public static async Task<SeededItem> AddItemAsync(
        PlatformFactory factory, string name, string department, IReadOnlyList<MaterialSpec> materials, bool published = true,
        string prohibited = "要求申请人提供清单以外的材料", string condition = "申请人已依法登记", int promisedDays = 5, int statutoryDays = 20,
        string? keywords = null, Dictionary<string, Guid>? shared = null, Channels channels = Channels.Window | Channels.Online, int visits = 1)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var ids = new Dictionary<string, Guid>(shared ?? []);
        var fresh = materials.Where(m => !ids.ContainsKey(m.Name)).ToList();
        foreach (var (k, v) in await AddMaterialsAsync(factory, fresh)) ids[k] = v;

        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseZone(zone);
        var item = new ServiceItem
        {
            ZoneId = zone, Code = "T-" + Suffix(), Name = name, Kind = ItemKind.AdministrativeLicence, DepartmentName = department,
            LegalBasis = "《测试条例》第十二条", Conditions = [new ItemRule("C1", condition)], Prohibited = [new ItemRule("P1", prohibited)],
            Steps = [new FlowStep("受理", "综合窗口", 0), new FlowStep("审查", "承办科室", 2), new FlowStep("决定", "分管负责人", 1), new FlowStep("办结", "综合窗口", 0)],
            StatutoryLimitDays = statutoryDays, PromisedLimitDays = promisedDays, Fee = "", Channels = channels, Visits = visits,
            Place = "高新区政务服务中心一楼 3 号窗口", Hours = "工作日 9:00-12:00，13:30-17:30", ContactPhone = "0375-2999001", ComplaintPhone = "0375-12345",
            Keywords = keywords, Published = published,
        };
        db.Add(item);
        var order = 0;
        foreach (var spec in materials)
        {
            db.Add(new ItemMaterial
            {
                ZoneId = zone, ItemId = item.Id, MaterialId = ids[spec.Name], Requirement = spec.Required ? MaterialRequirement.Required : MaterialRequirement.Optional,
                Deferrable = spec.Deferrable, Form = spec.Form, Count = spec.Count, SortOrder = order++,
            });
        }
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync();
        var codes = await db.Set<Material>().Where(m => materials.Select(s => ids[s.Name]).Contains(m.Id)).Select(m => m.Code).ToListAsync();
        return new SeededItem(item.Id, item.Code, name, department, codes);
    }

    public static async Task<string> AddBundleAsync(PlatformFactory factory, string name, params SeededItem[] items)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseZone(zone);
        var bundle = new Bundle { ZoneId = zone, Code = "TB-" + Suffix(), Name = name };
        db.Add(bundle);
        for (var i = 0; i < items.Length; i++)
            db.Add(new BundleItem { ZoneId = zone, BundleId = bundle.Id, ItemId = items[i].Id, SortOrder = i });
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync();
        return bundle.Code;
    }
}
