using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Codes.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Licences.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Licences.Features;

/// <summary>
/// Demo data: the licence types the demo service catalogue refers to (their codes are fixed), and the zone's shared
/// 电子证照库 — licences of the other systems mirrored with their source system (every demo enterprise's 营业执照, a
/// few permits and land certificates, one person's 居民身份证) plus a few platform certificates, one of them revoked.
/// Numbers of other systems are synthetic. Runs once per zone (a zone with any type is left alone).
/// </summary>
internal sealed class LicenceSeeder(IOrganisationDirectory organisation, IServiceScopeFactory scopes) : IModuleSeeder
{
    private static readonly string[] DemoDivisions = ["410471", "410371"];

    public int Order => 140; // after the demo zones, enterprises and accounts (100)

    /// <summary>Code, name, English name, issuing body, source system, validity in years.</summary>
    internal static readonly (string Code, string Name, string NameEn, string IssuingBody, string System, int? Years)[] Types =
    [
        ("business-licence", "营业执照", "Business licence", "平顶山市市场监督管理局", "market-regulation", null),
        ("id-card", "居民身份证", "Resident identity card", "平顶山市公安局", "public-security", 20),
        ("road-transport-permit", "道路运输经营许可证", "Road transport operating permit", "平顶山市交通运输局", "transport", 4),
        ("project-filing", "企业投资项目备案证明", "Enterprise investment project filing", "平顶山高新区发展改革部门", "development-reform", 2),
        ("land-use-planning-permit", "建设用地规划许可证", "Land-use planning permit", "平顶山市自然资源和规划局", "natural-resources", null),
        ("property-certificate", "不动产权证书", "Real-estate title certificate", "平顶山市自然资源和规划局", "natural-resources", null),
        ("signboard-permit", "门头设置许可", "Shop-front signboard permit", "平顶山高新区城市管理和综合执法局", LicenceSystems.Platform, 3),
        ("outdoor-promotion-permit", "户外促销活动许可", "Outdoor promotion permit", "平顶山高新区城市管理和综合执法局", LicenceSystems.Platform, null),
        ("transport-pass", "货车通行证", "Lorry access pass", "平顶山高新区交通运输部门", LicenceSystems.Platform, 1),
        ("invoice-approval", "发票领用核定", "Invoice use approval", "国家税务总局平顶山高新技术产业开发区税务局", LicenceSystems.Platform, null),
        ("guarantee-loan-approval", "创业担保贷款审批", "Business start-up guaranteed loan approval", "平顶山高新区人力资源和社会保障部门", LicenceSystems.Platform, 2),
    ];

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        foreach (var division in DemoDivisions)
        {
            if (await organisation.ZoneByDivisionAsync(division, cancellationToken) is not { } zone) continue;
            if (await db.Set<LicenceType>().IgnoreQueryFilters().AnyAsync(t => t.ZoneId == zone.Id, cancellationToken)) continue;
            var registry = await EnterprisesOfAsync(zone.Id, cancellationToken);
            var account = await db.Users.AsNoTracking().Where(u => u.ZoneId == zone.Id && u.EnterpriseId != null)
                .Select(u => u.EnterpriseId).FirstOrDefaultAsync(cancellationToken);
            // The enterprise account's own enterprise first: it has the most to show.
            var enterprises = registry.OrderBy(e => e.Id == account ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();

            db.UseZone(zone.Id);
            foreach (var t in Types)
            {
                db.Add(new LicenceType { ZoneId = zone.Id, Code = t.Code, Name = t.Name, NameEn = t.NameEn, IssuingBody = t.IssuingBody, SourceSystem = t.System, ValidityYears = t.Years });
            }
            var seeded = new List<Licence>();
            for (var i = 0; i < enterprises.Count; i++)
            {
                var e = enterprises[i];
                var since = e.RegisteredOn ?? new DateOnly(2015, 3, 1);
                seeded.Add(Mirrored(zone.Id, "business-licence", "BL", division, i, e, since, null,
                    [new("类型", "有限责任公司"), new("住所", "河南省平顶山市高新区")]));
            }
            if (division == DemoDivisions[0] && enterprises.Count >= 4)
            {
                var (first, second, third, fourth) = (enterprises[0], enterprises[1], enterprises[2], enterprises[3]);
                seeded.Add(Mirrored(zone.Id, "project-filing", "PF", division, 1, first, new DateOnly(2026, 3, 10), new DateOnly(2028, 3, 9),
                    [new("项目名称", "智能电气设备生产线技术改造项目"), new("建设地点", "平顶山高新区电气装备产业园区")]));
                seeded.Add(Mirrored(zone.Id, "land-use-planning-permit", "LP", division, 1, first, new DateOnly(2026, 5, 20), null,
                    [new("用地位置", "平顶山高新区电气装备产业园区"), new("用地面积", "26,680 平方米")]));
                seeded.Add(Mirrored(zone.Id, "property-certificate", "PC", division, 1, first, new DateOnly(2021, 8, 16), null,
                    [new("坐落", "平顶山高新区电气装备产业园区"), new("用途", "工业用地")]));
                seeded.Add(Mirrored(zone.Id, "road-transport-permit", "RT", division, 2, second, new DateOnly(2024, 6, 1), new DateOnly(2028, 5, 31),
                    [new("经营范围", "道路普通货物运输")]));
                seeded.Add(Mirrored(zone.Id, "property-certificate", "PC", division, 3, third, new DateOnly(2019, 11, 5), null,
                    [new("坐落", "平顶山高新区"), new("用途", "工业用地")]));
                seeded.Add(Platform(zone.Id, division, new DateOnly(2026, 6, 18), 1, "signboard-permit", first, new DateOnly(2026, 6, 18), new DateOnly(2029, 6, 17),
                    [new("设置地点", "平顶山高新区电气装备产业园区 1 号门"), new("招牌规格", "8.0 米 × 1.2 米"), new("事项", "门头新装")]));
                var revoked = Platform(zone.Id, division, new DateOnly(2026, 9, 2), 1, "outdoor-promotion-permit", fourth, new DateOnly(2026, 9, 10), new DateOnly(2026, 12, 31),
                    [new("活动地点", "平顶山高新区建设路与高新路交叉口东北角"), new("活动内容", "新品推介")]);
                revoked.Status = LicenceStatus.Revoked;
                revoked.RevokedAt = new DateTimeOffset(2026, 9, 20, 9, 30, 0, LicenceClock.ChinaOffset);
                revoked.RevokedReason = "活动方案变更，申请人申请注销";
                seeded.Add(revoked);
                seeded.Add(Platform(zone.Id, division, new DateOnly(2025, 1, 6), 1, "transport-pass", second, new DateOnly(2025, 1, 6), new DateOnly(2025, 12, 31),
                    [new("车牌号码", "豫D·5T218"), new("通行路段", "高新路、建设路（7:00–9:00 除外）")]));
                seeded.Add(Person(zone.Id, division));
            }
            db.AddRange(seeded);
            db.AuditReason = "demo data: licence types and the shared licence library";
            await db.SaveChangesAsync(cancellationToken);
        }
        db.UseAllZones();
    }

    /// <summary>The zone's enterprises read through the registry's contract, as a system principal of that zone.</summary>
    private async Task<List<EnterpriseProfile>> EnterprisesOfAsync(Guid zoneId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "demo-seeder"), new Claim(PlatformClaims.ZoneId, zoneId.ToString())], authenticationType: "system")));
        var list = new List<EnterpriseProfile>();
        await foreach (var e in scope.ServiceProvider.GetRequiredService<IEnterpriseProfiles>().StreamZoneAsync(ct)) list.Add(e);
        return list;
    }

    private static string Json(IEnumerable<PrintedField> fields) => JsonSerializer.Serialize(fields, JsonSerializerOptions.Web);

    private static Licence Mirrored(Guid zone, string type, string prefix, string division, int serial, EnterpriseProfile e, DateOnly from, DateOnly? until, PrintedField[] fields) => new()
    {
        ZoneId = zone, TypeCode = type, Number = FormattableString.Invariant($"{prefix}{division}{from.Year}{serial + 1:D5}"),
        HolderKind = HolderKind.Organisation, HolderKey = e.CreditCode, HolderName = e.Name, IssuedOn = from, ValidFrom = from, ValidUntil = until,
        Status = LicenceStatus.Valid, FieldsJson = Json(fields), SourceSystem = Types.First(t => t.Code == type).System,
    };

    private static Licence Platform(Guid zone, string division, DateOnly issued, int serial, string type, EnterpriseProfile e, DateOnly from, DateOnly? until, PrintedField[] fields) => new()
    {
        ZoneId = zone, TypeCode = type, Number = LicenceNumber.Compose(division, issued, serial),
        HolderKind = HolderKind.Organisation, HolderKey = e.CreditCode, HolderName = e.Name, IssuedOn = issued, ValidFrom = from, ValidUntil = until,
        Status = LicenceStatus.Valid, IssuedFor = "演示数据", FieldsJson = Json(fields), SourceSystem = LicenceSystems.Platform,
    };

    /// <summary>A fictional resident (the demo citizen account's name) with a synthetic ID number whose check character holds.</summary>
    private static Licence Person(Guid zone, string division)
    {
        const string first17 = "41040219900307102";
        var idNumber = first17 + IdCardNumber.CheckCharacter(first17);
        return new Licence
        {
            ZoneId = zone, TypeCode = "id-card", Number = FormattableString.Invariant($"ID{division}201800001"),
            HolderKind = HolderKind.Person, HolderKey = idNumber, HolderName = "郑好", IssuedOn = new DateOnly(2018, 4, 2),
            ValidFrom = new DateOnly(2018, 4, 2), ValidUntil = new DateOnly(2038, 4, 1), Status = LicenceStatus.Valid,
            FieldsJson = Json([new("住址", "河南省平顶山市高新区")]), SourceSystem = "public-security",
        };
    }
}
