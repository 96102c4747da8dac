using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Calendar.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Register;

/// <summary>
/// Demo data: the demo zone's key projects as the zone's newspaper pages describe them at the end of November 2026 —
/// "28个省、市重点项目中，电气科技园等11个计划新开工项目已全部开工，累计开工项目达31个；浙江永邦电力中压变压器成套研发生产项目等
/// 11个项目竣工投产". Projects named in the pages (电气科技产业园, 鹰汇公租房, 永邦电力, 神马氯碱 66 万吨氯甲苯, 15 万吨环保增塑剂,
/// 跨境电商, 鑫生科技 signed through 巨高智能电气, 高新智慧物流园, 亿成再生资源) keep their facts; the rest are plausible projects
/// of the zone's real enterprises and parks. Amounts, dates and the leaders' names (except the demo accounts) are illustrative.
/// Runs once per zone (a zone with any project is left alone).
/// </summary>
internal sealed class ProjectDemoSeeder(IOrganisationDirectory organisation, IWorkingDayCalendarProvider calendars, IServiceScopeFactory scopes) : IModuleSeeder
{
    private const string Division = "410471";

    public int Order => 160; // after the demo zone, its parks, enterprises and accounts (100)

    /// <summary>The day the demo's figures describe (the newspaper's "截至目前").</summary>
    internal static readonly DateOnly Now = new(2026, 11, 25);

    internal sealed record Seed(string Name, string? Park, ProjectLevel Level, ProjectCategory Category, string? Owner, decimal Total,
        string Signed, string? Started = null, string? Completed = null, string? InProduction = null, string? PlanEnd = null);

    private const ProjectLevel P = ProjectLevel.Provincial, M = ProjectLevel.Municipal, Z = ProjectLevel.Zone;
    private const ProjectCategory Am = ProjectCategory.AdvancedManufacturing, Ic = ProjectCategory.InnovationCapacity,
        If = ProjectCategory.Infrastructure, Lh = ProjectCategory.Livelihood, Ms = ProjectCategory.ModernServices;
    private const string Lg = "临港物流产业园区", Hj = "高新火炬园", Ht = "皇台产业园区", Cx = "创新创业服务园区", Dq = "电气装备产业园区";

    /// <summary>Forty key projects: 28 provincial or municipal, 12 of the zone.</summary>
    internal static readonly Seed[] Projects =
    [
        // 2026's planned new starts (11, all provincial or municipal), all started.
        new("电气科技产业园项目", Dq, P, Am, null, 150000, "2025-11-18", "2026-03-16", PlanEnd: "2026-12-28"),
        new("平顶山鹰汇公租房项目", null, M, Lh, null, 42000, "2025-12-10", "2026-04-08", PlanEnd: "2027-10-29"),
        new("平顶山鑫生科技输配电设备生产项目", Cx, M, Am, "平顶山鑫生科技有限公司", 20000, "2026-06-15", "2026-08-18", PlanEnd: "2027-06-30"),
        new("河南巨高智能电气智能开关柜扩产项目", Cx, M, Am, "河南巨高智能电气有限公司", 30000, "2025-12-22", "2026-05-12", PlanEnd: "2027-03-31"),
        new("高新智慧物流园二期项目", Lg, M, Ms, "高新智慧物流园", 60000, "2025-10-15", "2026-04-20", PlanEnd: "2027-08-31"),
        new("平顶山亿成再生资源分拣加工中心项目", Lg, M, Ms, "平顶山亿成再生资源", 18000, "2026-01-20", "2026-06-03", PlanEnd: "2026-12-30"),
        new("河南富美尔环保装备扩能项目", Cx, M, Am, "河南富美尔环保科技有限公司", 15000, "2025-12-05", "2026-03-25", PlanEnd: "2026-12-18"),
        new("高新区智慧岛双创载体建设项目", Hj, P, Ic, null, 25000, "2025-11-28", "2026-02-24", PlanEnd: "2026-12-25"),
        new("河南昊鑫电气设备生产线项目", Cx, M, Am, "河南昊鑫电气设备有限公司", 12000, "2026-07-10", "2026-10-28", PlanEnd: "2027-05-31"),
        new("平顶山市友腾机械智能装备制造项目", Ht, M, Am, "平顶山市友腾机械制造有限公司", 10000, "2026-02-26", "2026-05-06", PlanEnd: "2027-04-30"),
        new("平高集团智能开关设备产业化项目", Dq, P, Am, "平高集团有限公司", 80000, "2025-09-16", "2026-06-18", PlanEnd: "2027-09-30"),
        // Completed and put into production (or use) in 2026 (11, all provincial or municipal).
        new("浙江永邦电力中压变压器成套研发生产项目", Dq, P, Am, "浙江永邦电力", 52000, "2024-04-12", "2024-09-10", "2026-05-20", "2026-06-18"),
        new("河南神马氯碱年产66万吨氯甲苯系列产品项目", Dq, P, Am, "河南神马氯碱", 186000, "2024-03-08", "2024-10-15", "2026-08-28", "2026-09-25"),
        new("年产15万吨环保增塑剂技改项目", Dq, M, Am, null, 38000, "2024-12-20", "2025-03-18", "2026-09-22", "2026-10-15"),
        new("河南圣玛珂电气环网柜智能生产线项目", Dq, M, Am, "河南圣玛珂电气制造有限公司", 12000, "2024-11-20", "2025-04-09", "2026-03-27", "2026-04-21"),
        new("河南神马催化新材料中试基地项目", Cx, P, Ic, "河南神马催化科技股份有限公司", 28000, "2024-10-18", "2025-02-20", "2026-06-12", "2026-07-08"),
        new("平顶山市特纳赛运动器材智能化改造项目", Cx, M, Am, "平顶山市特纳赛运动器材有限公司", 8000, "2025-01-15", "2025-05-12", "2026-02-27", "2026-03-19"),
        new("河南恒益安电气输配电设备扩产项目", Dq, M, Am, "河南恒益安电气有限公司", 16000, "2025-02-18", "2025-06-10", "2026-07-17", "2026-08-12"),
        new("华拓电力装备智能制造基地项目", Dq, P, Am, "华拓电力装备集团有限公司", 65000, "2024-06-26", "2024-11-06", "2026-08-21", "2026-09-16"),
        new("河南中平自动化智能控制系统产业化项目", Ht, M, Ic, "河南中平自动化股份有限公司", 22000, "2024-12-12", "2025-03-26", "2026-05-15", "2026-06-10"),
        new("库柏爱迪生(平顶山)电子科技熔断器扩产项目", Ht, M, Am, "库柏爱迪生(平顶山)电子科技有限公司", 26000, "2025-01-08", "2025-04-16", "2026-04-17", "2026-05-13"),
        new("顺丰速运平顶山处理中心升级改造项目", Lg, M, Ms, "河南省顺丰速运有限公司平顶山处理中心", 14000, "2025-03-20", "2025-07-08", "2026-08-14", "2026-09-09"),
        // Provincial and municipal projects started before 2026 and still being built (跨境电商: completed, in use by the year's end).
        new("跨境电商产业园项目", Dq, M, Ms, null, 35000, "2024-12-26", "2025-04-22", "2026-11-20", PlanEnd: "2026-12-28"),
        new("河南神马尼龙化工尼龙新材料项目", null, P, Am, "河南神马尼龙化工有限责任公司", 120000, "2025-01-22", "2025-05-20", PlanEnd: "2027-06-30"),
        new("高新区产业园区道路提升工程", null, M, If, null, 32000, "2025-02-14", "2025-06-05", PlanEnd: "2026-11-13"),
        new("高新区污水处理厂提标改造项目", null, M, If, null, 18000, "2025-04-10", "2025-07-15", PlanEnd: "2026-12-18"),
        // Provincial and municipal projects signed, not yet started.
        new("平顶山市神鹰化工科技新材料项目", Ht, M, Am, "平顶山市神鹰化工科技有限公司", 45000, "2026-09-10"),
        new("临港物流产业园冷链物流中心项目", Lg, M, Ms, null, 26000, "2026-10-12"),
        // Zone key projects under way.
        new("高新火炬园孵化器提升项目", Hj, Z, Ic, null, 6000, "2025-05-16", "2025-09-08", PlanEnd: "2026-12-25"),
        new("皇台产业园区标准化厂房项目", Ht, Z, If, null, 24000, "2025-02-27", "2025-06-16", PlanEnd: "2027-04-30"),
        new("创新创业服务园区科创中心项目", Cx, Z, Ic, null, 15000, "2025-06-18", "2025-10-13", PlanEnd: "2027-05-31"),
        new("凤翔环保电袋复合收尘器扩产项目", Dq, Z, Am, "平顶山凤翔环保科技有限公司", 9000, "2025-08-06", "2025-11-10", PlanEnd: "2026-12-30"),
        new("遵化店镇人居环境整治提升项目", null, Z, Lh, null, 5000, "2025-04-22", "2025-08-12", PlanEnd: "2026-10-30"),
        // Zone key projects signed in 2026 (four of them through chain leads), not yet started.
        new("河南神马催化二期研发中心项目", Cx, Z, Ic, "河南神马催化科技股份有限公司", 12000, "2026-08-20"),
        new("临港物流产业园智能仓储项目", Lg, Z, Ms, null, 16000, "2026-09-08"),
        new("高新火炬园数字经济产业园项目", Hj, Z, Ms, null, 20000, "2026-07-15"),
        new("皇台产业园区新材料项目", Ht, Z, Am, null, 18000, "2026-06-24"),
        new("电气装备产业园区配套服务中心项目", Dq, Z, Ms, null, 8000, "2026-10-16"),
        new("平顶山鑫生科技配套铜排加工项目", Cx, Z, Am, null, 5000, "2026-10-20"),
        new("河南圣玛珂电气机箱配套项目", Dq, Z, Am, null, 6000, "2026-05-14"),
    ];

    /// <summary>分包领导: one zone leader per project; 周明远 is the demo account <c>leader</c>, the others are fictional.</summary>
    private static readonly string[] Leaders = ["周明远", "韩志刚", "李文静", "马建军", "宋立新", "高红梅"];

    /// <summary>Projects whose investment runs behind the plan (about half the planned pace), for the lag views.</summary>
    private static readonly HashSet<string> Behind = ["高新区产业园区道路提升工程", "遵化店镇人居环境整治提升项目", "平顶山鹰汇公租房项目"];

    /// <summary>Projects the department account works on (城市管理: roads, sewage, the village clean-up, the rental flats).</summary>
    private static readonly HashSet<string> DepartmentProjects = ["高新区产业园区道路提升工程", "高新区污水处理厂提标改造项目", "遵化店镇人居环境整治提升项目", "平顶山鹰汇公租房项目"];

    /// <summary>2026's 三个一批 targets of the demo zone (万元 for investment).</summary>
    internal static readonly (int Signed, int Started, int Completed, decimal Investment) Targets2026 = (15, 11, 11, 600000m);

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync(Division, cancellationToken) is not { } zone) return;
        if (await db.Set<Project>().IgnoreQueryFilters().AnyAsync(p => p.ZoneId == zone.Id, cancellationToken)) return;
        var (parks, enterprises) = await ReadZoneAsync(zone.Id, cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => u.ZoneId == zone.Id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.EnterpriseId }).ToListAsync(cancellationToken);
        var leader = accounts.FirstOrDefault(a => a.UserName == "leader");
        var park = accounts.FirstOrDefault(a => a.UserName == "park");
        var dept = accounts.FirstOrDefault(a => a.UserName == "dept");
        var enterpriseAccount = accounts.FirstOrDefault(a => a.UserName == "enterprise");
        var calendar = await calendars.GetAsync(cancellationToken);

        db.UseZone(zone.Id);
        var serials = new Dictionary<int, int>();
        for (var i = 0; i < Projects.Length; i++)
        {
            var s = Projects[i];
            var signed = Day(s.Signed)!.Value;
            serials[signed.Year] = serials.GetValueOrDefault(signed.Year) + 1;
            var started = Day(s.Started);
            var completed = Day(s.Completed);
            var production = Day(s.InProduction);
            Guid? owner = s.Owner is not null && enterprises.TryGetValue(s.Owner, out var found) ? found : null;
            var leaderName = Leaders[i % Leaders.Length];
            var p = new Project
            {
                ZoneId = zone.Id,
                Code = string.Create(CultureInfo.InvariantCulture, $"XM{signed.Year}-{serials[signed.Year]:D3}"),
                Name = s.Name, Level = s.Level, Category = s.Category,
                ParkId = s.Park is null ? null : parks.TryGetValue(s.Park, out var parkId) ? parkId : null,
                OwnerEnterpriseId = owner, OwnerName = s.Owner,
                TotalInvestment = s.Total, SignedOn = signed, StartedOn = started, CompletedOn = completed, InProductionOn = production,
                Phase = production is not null ? ProjectPhase.InProduction
                    : completed is not null ? ProjectPhase.Completed
                    : started is { } st ? (st >= Now.AddDays(-45) ? ProjectPhase.Started : ProjectPhase.UnderConstruction)
                    : ProjectPhase.Signed,
                ResponsibleLeader = leaderName,
                ResponsibleLeaderUserId = leaderName == leader?.DisplayName ? leader.Id : null,
                Description = "演示数据",
                CreatedAt = new DateTimeOffset(signed.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
            };
            db.Add(p);

            // 专班: the zone leader account heads every team; the park clerk is on its park's projects, the department
            // clerk on a few, and the enterprise account is the site contact of its own enterprise's project.
            void Member(Guid? userId, string? name, MemberRole role)
            {
                if (userId is { } id && name is not null)
                    db.Add(new ProjectMember { ZoneId = zone.Id, ProjectId = p.Id, UserId = id, DisplayName = name, Role = role });
            }
            Member(leader?.Id, leader?.DisplayName, MemberRole.Lead);
            if (s.Park == Dq) Member(park?.Id, park?.DisplayName, MemberRole.Member);
            if (DepartmentProjects.Contains(s.Name)) Member(dept?.Id, dept?.DisplayName, MemberRole.Member);
            if (owner is not null && enterpriseAccount?.EnterpriseId == owner) Member(enterpriseAccount.Id, enterpriseAccount.DisplayName, MemberRole.SiteContact);

            var order = 0;
            foreach (var (name, planned, actual) in Milestones(s, started, completed, production, i))
            {
                // Planned days are working days of the loaded calendar (the register refuses others); years not loaded are left out.
                if (!calendar.LoadedYears.Contains(planned.Year)) continue;
                var day = planned;
                while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
                if (!calendar.LoadedYears.Contains(day.Year)) continue;
                db.Add(new Milestone { ZoneId = zone.Id, ProjectId = p.Id, SortOrder = order++, Name = name, PlannedOn = day, ActualOn = actual });
            }

            AddInvestment(db, zone.Id, p, s, signed, started, production, i);
        }
        db.Add(new ThreeBatchTarget
        {
            ZoneId = zone.Id, Year = 2026, SignedCount = Targets2026.Signed, StartedCount = Targets2026.Started, CompletedCount = Targets2026.Completed,
            Investment = Targets2026.Investment,
        });
        db.AuditReason = "demo data: key projects (三个一批 2026)";
        await db.SaveChangesAsync(cancellationToken);
        db.UseAllZones();
    }

    /// <summary>
    /// The usual 项目节点 of a project with the days they were reached. A milestone planned before <see cref="Now"/> was reached
    /// a few days either side of it, except what the project has not reached yet (its phase says so) — those show as overdue.
    /// </summary>
    private static IEnumerable<(string Name, DateOnly Planned, DateOnly? Actual)> Milestones(Seed s, DateOnly? started, DateOnly? completed, DateOnly? production, int index)
    {
        var signed = Day(s.Signed)!.Value;
        DateOnly? Reached(DateOnly planned, bool reachable) =>
            reachable && planned < Now ? Min(planned.AddDays(index % 4 - 1), Now.AddDays(-1)) : null;
        if (started is not { } start)
        {
            yield return ("完成项目备案", signed.AddDays(15), Reached(signed.AddDays(15), true));
            yield return ("取得施工许可", signed.AddDays(70), Reached(signed.AddDays(70), index % 2 == 0));
            yield return ("开工建设", signed.AddDays(200), null);
            yield break;
        }
        var end = completed ?? Day(s.PlanEnd) ?? start.AddMonths(18);
        var span = end.DayNumber - start.DayNumber;
        yield return ("开工", start, start);
        var structure = start.AddDays(span * 45 / 100);
        yield return (s.Category is ProjectCategory.Infrastructure or ProjectCategory.Livelihood ? "主体工程完成" : "主体结构封顶", structure, Reached(structure, true));
        var fitting = start.AddDays(span * 80 / 100);
        yield return (s.Category is ProjectCategory.Infrastructure or ProjectCategory.Livelihood ? "配套工程完成" : "设备安装调试", fitting,
            Reached(fitting, completed is not null || !Behind.Contains(s.Name)));
        yield return ("竣工验收", completed ?? end, completed);
        var productionPlanned = production ?? (completed is not null ? Day(s.PlanEnd)!.Value : end.AddDays(25));
        yield return (s.Category is ProjectCategory.Infrastructure or ProjectCategory.Livelihood ? "投入使用" : "投产", productionPlanned, production);
    }

    /// <summary>
    /// Year plans for 2025 and 2026 spread the total over the months from the start to the planned end; monthly investment
    /// completed is reported through October 2026, near the plan's pace (about half of it for the projects running behind).
    /// </summary>
    private static void AddInvestment(PlatformDbContext db, Guid zoneId, Project p, Seed s, DateOnly signed, DateOnly? started, DateOnly? production, int index)
    {
        var lastReported = new DateOnly(2026, 10, 1);
        if (started is not { } start)
        {
            db.Add(new YearPlan { ZoneId = zoneId, ProjectId = p.Id, Year = 2026, PlannedInvestment = Math.Round(s.Total * 0.1m, 0) });
            return;
        }
        var end = production ?? Day(s.PlanEnd) ?? start.AddMonths(18);
        var first = new DateOnly(start.Year, start.Month, 1);
        var last = new DateOnly(end.Year, end.Month, 1);
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        var perMonth = s.Total / months;
        foreach (var year in new[] { 2025, 2026 })
        {
            var inYear = Enumerable.Range(0, months).Select(first.AddMonths).Count(m => m.Year == year);
            if (inYear == 0) continue;
            db.Add(new YearPlan { ZoneId = zoneId, ProjectId = p.Id, Year = year, PlannedInvestment = Math.Round(perMonth * inYear, 0) });
        }
        for (var m = first < new DateOnly(2025, 1, 1) ? new DateOnly(2025, 1, 1) : first; m <= last && m <= lastReported; m = m.AddMonths(1))
        {
            var pace = Behind.Contains(s.Name) ? 0.5m : 0.75m + (index + m.Month) % 6 * 0.1m;
            db.Add(new MonthlyInvestment
            {
                ZoneId = zoneId, ProjectId = p.Id, Year = m.Year, Month = m.Month, Amount = Math.Round(perMonth * pace, 0),
                ReportedAt = new DateTimeOffset(m.AddMonths(1).AddDays(4).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
                ReportedBy = "演示数据",
            });
        }
    }

    /// <summary>The zone's parks and registered enterprises (by name), read through their modules' contracts as a system principal of that zone.</summary>
    private Task<(Dictionary<string, Guid> Parks, Dictionary<string, Guid> Enterprises)> ReadZoneAsync(Guid zoneId, CancellationToken ct) =>
        ReadZoneAsync(scopes, zoneId, ct);

    internal static async Task<(Dictionary<string, Guid> Parks, Dictionary<string, Guid> Enterprises)> ReadZoneAsync(IServiceScopeFactory scopes, Guid zoneId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "demo-seeder"), new Claim(PlatformClaims.ZoneId, zoneId.ToString())], authenticationType: "system")));
        var parks = (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ParksAsync(ct)).ToDictionary(p => p.Name, p => p.Id);
        var page = await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, 0, 1000, ct);
        var enterprises = page.Items.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First().Id);
        return (parks, enterprises);
    }

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
