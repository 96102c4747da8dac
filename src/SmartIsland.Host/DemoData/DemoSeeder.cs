using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Access.Domain;
using SmartIsland.Codes.Domain;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;

namespace SmartIsland.Host.DemoData;

/// <summary>
/// The demo zone 平顶山高新区 with the real departments, parks, areas and enterprises named in the
/// zone's newspaper pages (DemoData/demo-zone.json), plus a small second zone so tenancy is visible.
/// Person names are fictional. Credit codes are synthetic (valid check digit, not the real codes).
/// Figures (indicators) are generated, deterministic per enterprise.
/// </summary>
internal sealed class DemoSeeder(UserManager<PlatformUser> users, RoleManager<IdentityRole<Guid>> roles) : IModuleSeeder
{
    public const string DemoPassword = "Demo@2026";
    public const string ZoneADivision = "410471";
    public const string ZoneBDivision = "410371";

    public int Order => 100;

    /// <summary>The second zone is deliberately small and plainly labelled as an example.</summary>
    private static readonly string[] ZoneBEnterprises = ["洛阳示例智能装备有限公司", "洛阳示例新材料有限公司"];

    /// <summary>The README lists these accounts: user name, role, fictional name, zone.</summary>
    public static readonly (string User, string Role, string Name, string Zone)[] Accounts =
    [
        ("admin", Roles.Admin, "林晓安", ZoneADivision),
        ("leader", Roles.ZoneLeader, "周明远", ZoneADivision),
        ("dept", Roles.DepartmentStaff, "陈思雨", ZoneADivision),
        ("park", Roles.ParkStaff, "赵一帆", ZoneADivision),
        ("cso", Roles.ChiefServiceOfficer, "孙立平", ZoneADivision),
        ("grid", Roles.GridWorker, "王小川", ZoneADivision),
        ("enterprise", Roles.EnterpriseUser, "刘芳菲", ZoneADivision),
        ("citizen", Roles.Citizen, "郑好", ZoneADivision),
        ("partner", Roles.Partner, "何嘉", ZoneADivision),
        ("b-admin", Roles.Admin, "吴若曦", ZoneBDivision),
        ("b-leader", Roles.ZoneLeader, "许建国", ZoneBDivision),
    ];

    private sealed record Named(string Name);
    private sealed record AreaJson(string Name, string Kind, List<AreaJson>? Children);
    private sealed record EnterpriseJson(string Name, string IndustryCode, string? Park, List<string>? Qualifications);
    private sealed record ZoneJson(string Name, string ShortName, string DivisionCode, string? Hotline);
    private sealed record DemoJson(ZoneJson Zone, List<Named> Departments, List<Named> Parks, List<AreaJson> Areas, List<EnterpriseJson> Enterprises);

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
        if (!options.DemoData) return;
        if (await db.Set<Zone>().AnyAsync(z => z.DivisionCode == ZoneADivision, cancellationToken))
        {
            await SeedOpen311KeyAsync(db, cancellationToken); // a database seeded before the key existed gets it too
            return;
        }

        await using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("SmartIsland.Host.demo-zone.json")!;
        var demo = (await JsonSerializer.DeserializeAsync<DemoJson>(stream, JsonSerializerOptions.Web, cancellationToken))!;

        var zoneA = new Zone { Name = demo.Zone.Name, ShortName = demo.Zone.ShortName, DivisionCode = demo.Zone.DivisionCode, Hotline = demo.Zone.Hotline };
        var zoneB = new Zone { Name = "洛阳高新技术产业开发区", ShortName = "洛阳高新区", DivisionCode = ZoneBDivision };
        db.AddRange(zoneA, zoneB);
        db.AuditReason = "demo data";
        await db.SaveChangesAsync(cancellationToken);

        db.UseZone(zoneA.Id);
        var departments = demo.Departments.Select(d => new Department { Name = d.Name }).ToList();
        var parks = demo.Parks.Select(p => new Park { Name = p.Name }).ToList();
        db.AddRange(departments);
        db.AddRange(parks);
        foreach (var town in demo.Areas) AddArea(db, town, null);
        // The department account works in city management, which handles the public's street-light and litter reports.
        var cityManagement = departments.FirstOrDefault(d => d.Name == "城市管理和综合执法局") ?? departments[0];
        var firstTown = db.ChangeTracker.Entries<Area>().Select(e => e.Entity).FirstOrDefault(a => a.Kind == AreaKind.Town);
        var gridWorker = new Person { Name = "王小川", Title = "网格员", Phone = "13903751005", AreaId = firstTown?.Id };
        db.Add(gridWorker);
        // Two neighbouring grids drawn as rectangles (illustrative, not surveyed): they share the edge at 113.35°E.
        db.Add(new Grid { Name = "遵化店镇第一网格", AreaId = firstTown?.Id, GridWorkerId = gridWorker.Id, GeoJson = Rectangle(113.33, 33.71, 113.35, 33.73) });
        db.Add(new Grid { Name = "遵化店镇第二网格", AreaId = firstTown?.Id, GeoJson = Rectangle(113.35, 33.71, 113.37, 33.73) });
        db.AddRange(
            new Person { Name = "周明远", Title = "管委会副主任", Phone = "13903751001" },
            new Person { Name = "陈思雨", Title = "科员", Phone = "13903751002", DepartmentId = cityManagement.Id },
            new Person { Name = "赵一帆", Title = "园区专员", Phone = "13903751003", ParkId = parks.FirstOrDefault(p => p.Name == "电气装备产业园区")?.Id },
            new Person { Name = "孙立平", Title = "首席服务员", Phone = "13903751004" });
        var enterprises = demo.Enterprises.Select((e, i) => MakeEnterprise(e.Name, e.IndustryCode, parks.FirstOrDefault(p => p.Name == e.Park)?.Id, e.Qualifications, i, "410400")).ToList();
        db.AddRange(enterprises);
        db.AuditReason = "demo data";
        await db.SaveChangesAsync(cancellationToken);

        db.UseZone(zoneB.Id);
        var parkB = new Park { Name = "洛阳高新区创新园" };
        db.Add(parkB);
        var enterprisesB = ZoneBEnterprises
            .Select((n, i) => MakeEnterprise(n, "C3490", parkB.Id, null, 100 + i, "410300")).ToList();
        db.AddRange(enterprisesB);
        db.AuditReason = "demo data";
        await db.SaveChangesAsync(cancellationToken);

        var electricPark = parks.FirstOrDefault(p => p.Name == "电气装备产业园区")?.Id;
        foreach (var (userName, role, name, zone) in Accounts)
        {
            var user = new PlatformUser
            {
                UserName = userName,
                DisplayName = name,
                ZoneId = zone == ZoneADivision ? zoneA.Id : zoneB.Id,
                // The enterprise account acts for an enterprise in the park account's park, so its requests reach that park.
                EnterpriseId = role == Roles.EnterpriseUser ? (enterprises.FirstOrDefault(e => e.ParkId == electricPark) ?? enterprises[0]).Id : null,
                DepartmentId = role == Roles.DepartmentStaff ? cityManagement.Id : null,
                ParkId = role == Roles.ParkStaff ? electricPark : null,
                PhoneNumber = "1390375" + (1000 + Array.FindIndex(Accounts, a => a.User == userName)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException("demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        await SeedOpen311KeyAsync(db, cancellationToken);
    }

    /// <summary>
    /// The demo zone's Open311 api_key, published in the README so any Open311 client can try the platform
    /// at once. Demo data only; it has no roles, so it signs nobody in through the X-Api-Key header.
    /// </summary>
    public const string Open311DemoKey = "si_open311_demo_410471_Demo2026";

    private static async Task SeedOpen311KeyAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var hash = ApiKey.Hash(Open311DemoKey);
        if (await db.Set<ApiKey>().IgnoreQueryFilters().AnyAsync(k => k.KeyHash == hash, cancellationToken)) return;
        var zoneId = await db.Set<Zone>().Where(z => z.DivisionCode == ZoneADivision).Select(z => z.Id).FirstAsync(cancellationToken);
        db.UseAllZones();
        db.Add(new ApiKey { ZoneId = zoneId, Name = "Open311 demo client", Prefix = Open311DemoKey[..8], KeyHash = hash, Roles = "", CreatedAt = DateTimeOffset.UtcNow });
        db.AuditReason = "demo data: the Open311 demo key";
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string Rectangle(double west, double south, double east, double north) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{west},{south}],[{east},{south}],[{east},{north}],[{west},{north}],[{west},{south}]]]}}");

    private static void AddArea(PlatformDbContext db, AreaJson area, Guid? parent)
    {
        var entity = new Area { Name = area.Name, Kind = Enum.Parse<AreaKind>(area.Kind), ParentId = parent };
        db.Add(entity);
        foreach (var child in area.Children ?? []) AddArea(db, child, entity.Id);
    }

    private static readonly string[] FamilyNames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "徐"];
    private static readonly string[] GivenNames = ["建华", "丽娜", "志强", "晓燕", "国庆", "文博", "海燕", "子涵", "宏伟", "静怡"];

    /// <summary>A synthetic but valid credit code: 9 (市场监管) 1 (企业), division, an MA-style body, check character.</summary>
    internal static string SyntheticCreditCode(int index, string division)
    {
        var body = "MA" + (index * 7919 + 104729).ToString("D7", System.Globalization.CultureInfo.InvariantCulture)[^7..];
        var first17 = "91" + division + body[..9];
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static Enterprise MakeEnterprise(string name, string industry, Guid? parkId, List<string>? qualifications, int index, string division)
    {
        var random = new Random(index + 17);
        var e = new Enterprise
        {
            Name = name,
            CreditCode = SyntheticCreditCode(index, division),
            IndustryCode = IndustryCode.IsValid(industry) ? industry : "C3490",
            ParkId = parkId,
            LegalRepresentative = FamilyNames[index % 10] + GivenNames[(index * 3) % 10],
            ContactName = FamilyNames[(index + 4) % 10] + GivenNames[(index * 7 + 1) % 10],
            ContactPhone = "1383751" + random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Address = "河南省平顶山市高新区",
            RegisteredOn = new DateOnly(2005 + index % 15, 1 + index % 12, 1 + index % 27),
        };
        foreach (var q in qualifications ?? [])
        {
            if (Enum.TryParse<QualificationKind>(q, out var kind))
                e.Qualifications.Add(new Qualification { EnterpriseId = e.Id, Kind = kind, ValidFrom = new DateOnly(2024, 12, 1), ValidUntil = new DateOnly(2027, 11, 30) });
        }
        var revenue = random.Next(2_000, 90_000) * 10_000m;
        for (var year = 2023; year <= 2025; year++)
        {
            var employees = random.Next(40, 900);
            e.Indicators.Add(new YearlyIndicator
            {
                EnterpriseId = e.Id,
                Year = year,
                Revenue = revenue,
                RdExpense = Math.Round(revenue * random.Next(15, 70) / 1000m, 2),
                TaxPaid = Math.Round(revenue * random.Next(20, 60) / 1000m, 2),
                Employees = employees,
                TechStaff = employees * random.Next(8, 35) / 100,
                InventionPatents = random.Next(0, 12),
                UtilityModelPatents = random.Next(0, 40),
                DesignPatents = random.Next(0, 6),
                SoftwareCopyrights = random.Next(0, 15),
                LandMu = random.Next(10, 300),
                EnergyUseTce = random.Next(200, 20_000),
            });
            revenue = Math.Round(revenue * (0.9m + (decimal)random.NextDouble() * 0.35m), 0);
        }
        return e;
    }
}

internal static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) =>
        services.AddScoped<IModuleSeeder, DemoSeeder>();
}
