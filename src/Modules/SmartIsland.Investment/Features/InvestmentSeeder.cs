using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Calendar.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Investment.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Features;

/// <summary>
/// Demo data for the first demo zone, after the seeds' 招商 stories: 创新创业服务园区's 链上招商 through 河南巨高智能电气
/// (平顶山鑫生科技 signed at 高新火炬园), the Beijing visit (北京经开区, 北京金点创智's 智能充电桩 project, 北京河南商会),
/// 河南富美尔环保科技 finding a plant, 浙江永邦电力's 中压变压器 project — plus chain leads from the upstream and downstream
/// of the registry's enterprises. Investors not named by the seeds are described, not named ("江苏某…企业"); person
/// names are fictional. Dates are relative to the day the seeder runs so overdue marks show. No lead is converted
/// here: projects are the Projects module's demo data. Runs once per zone.
/// </summary>
internal sealed class InvestmentSeeder(IOrganisationDirectory organisation, IServiceScopeFactory scopes, TimeProvider time, IWorkingDayCalendarProvider calendars) : IModuleSeeder
{
    private static readonly string[] OwnerNames = ["赵一帆", "陈思雨", "孙立平"]; // the demo park, department and officer accounts

    public int Order => 160; // after the demo zone, its enterprises and accounts (100)

    private sealed record Seed(
        string Investor, string Project, LeadSource Source, string? ChainEnterprise, ChainDirection? Direction, string? SourceNote, string Industry,
        decimal Amount, SiteKind? Kind, decimal? Area, string? Park, LeadStage Stage, int AgeDays, string? NextAction, int? NextInDays, string? Contact);

    private static readonly Seed[] Leads =
    [
        new("平顶山鑫生科技有限公司", "智能配电终端生产项目", LeadSource.ChainLead, "河南巨高智能电气有限公司", ChainDirection.Upstream, "园区走访巨高智能电气挖掘上游配套", "C3829",
            3000, SiteKind.Plant, 2400, "创新创业服务园区", LeadStage.Landed, 160, null, null, "李振华"),
        new("北京金点创智科技有限公司", "金点智充智能充电桩项目", LeadSource.Visit, null, null, "赴北京招商考察：中关村电子城科技园", "C3824",
            8000, SiteKind.Plant, 5000, "电气装备产业园区", LeadStage.Negotiating, 95, "报送合作方式与运营模式方案", 5, "高文博"),
        new("北京盛世永信文化发展有限公司", "博物馆展陈设计制作基地", LeadSource.Referral, null, null, "北京河南企业商会牵线", "R8850",
            2000, SiteKind.Plant, 1500, "高新火炬园", LeadStage.Lead, 90, "寄送高新区招商推介资料", -6, "宋雅琴"),
        new("北京经开区生物医药转移企业（待定）", "生物医药中试基地", LeadSource.Event, null, null, "北京经开区项目推介会", "C27",
            15000, SiteKind.Land, 40000, null, LeadStage.Lead, 92, "谋划共同举办项目推介会", 20, null),
        new("河南富美尔环保科技有限公司", "环保设备研发生产基地（市外迁入）", LeadSource.Visit, null, null, "园区科技服务人员与招商人员联手寻找厂房", "C3591",
            5000, SiteKind.Plant, 3000, "创新创业服务园区", LeadStage.Landed, 400, null, null, "韩立新"),
        new("浙江永邦电力", "中压变压器成套研发生产项目", LeadSource.Visit, null, null, "赴浙江专题招商", "C3821",
            50000, SiteKind.Land, 66700, "电气装备产业园区", LeadStage.Signed, 210, "办理项目备案", 3, "陈国栋"),
        new("江苏某硅钢片加工企业", "变压器铁芯加工项目", LeadSource.ChainLead, "浙江永邦电力", ChainDirection.Upstream, null, "C3393",
            6000, SiteKind.Plant, 4000, "电气装备产业园区", LeadStage.Negotiating, 60, "赴企业总部洽谈用地与设备投资", 8, "周建伟"),
        new("浙江某环网柜元器件企业", "环网柜机箱连接铜排配套项目", LeadSource.ChainLead, "河南圣玛珂电气制造有限公司", ChainDirection.Upstream, "圣玛珂电气推荐其铜排供应商", "C3829",
            1800, SiteKind.Plant, 1800, "电气装备产业园区", LeadStage.Negotiating, 45, "确认厂房层高与行车要求", -3, "吴晓东"),
        new("天津某开关柜绝缘件企业", "环氧树脂绝缘件生产线", LeadSource.ChainLead, "平高集团有限公司", ChainDirection.Upstream, null, "C3829",
            4500, SiteKind.Plant, 3500, "电气装备产业园区", LeadStage.Lead, 30, "电话约访企业负责人", 2, null),
        new("上海某电力工程总包企业", "智能变电站集成服务中心", LeadSource.ChainLead, "平高集团有限公司", ChainDirection.Downstream, null, "E4910",
            1200, null, null, "高新火炬园", LeadStage.Lead, 20, "邀请参加平高集团供应商大会", 12, null),
        new("广东某电子元器件企业", "断路器电子控制模块项目", LeadSource.ChainLead, "库柏爱迪生(平顶山)电子科技有限公司", ChainDirection.Upstream, null, "C3989",
            3500, SiteKind.Plant, 2600, "电气装备产业园区", LeadStage.Negotiating, 75, "提交厂房租金优惠申请", -1, "刘嘉怡"),
        new("山东某尼龙工程塑料改性企业", "尼龙 66 改性工程塑料项目", LeadSource.ChainLead, "河南神马尼龙化工有限责任公司", ChainDirection.Downstream, "以商招商：神马尼龙推荐其客户", "C2651",
            20000, SiteKind.Land, 53000, "皇台产业园区", LeadStage.Signed, 180, "完成企业开办", 4, "马永刚"),
        new("江苏某尼龙帘子布企业", "尼龙 66 工业丝及帘子布项目", LeadSource.ChainLead, "河南神马尼龙化工有限责任公司", ChainDirection.Downstream, null, "C2822",
            30000, SiteKind.Land, 80000, "皇台产业园区", LeadStage.Lead, 40, "组织实地考察皇台产业园区", 9, null),
        new("河北某氯化苄下游企业", "苯甲醇及苯甲酸钠项目", LeadSource.ChainLead, "河南神马氯碱", ChainDirection.Downstream, "依托年产66万吨氯甲苯系列产品项目", "C2614",
            12000, SiteKind.Land, 33000, "皇台产业园区", LeadStage.Negotiating, 120, "环评预审意见沟通", 6, "孙志强"),
        new("河南某催化剂载体企业", "分子筛催化剂载体项目", LeadSource.ChainLead, "河南神马催化科技股份有限公司", ChainDirection.Upstream, null, "C2661",
            2500, SiteKind.Plant, 2000, "创新创业服务园区", LeadStage.Dropped, 150, null, null, null),
        new("浙江某工业机器人集成商", "煤矿智能化装备集成项目", LeadSource.ChainLead, "河南中平自动化股份有限公司", ChainDirection.Downstream, null, "C3491",
            6000, SiteKind.Plant, 4500, "电气装备产业园区", LeadStage.Lead, 12, "与中平自动化联合拜访", 7, null),
        new("某冷链物流运营企业", "医药冷链分拨中心", LeadSource.ChainLead, "高新智慧物流园", ChainDirection.Downstream, null, "G5960",
            9000, SiteKind.Land, 26700, "临港物流产业园区", LeadStage.Negotiating, 55, "测算冷库用电负荷", 10, "许晓峰"),
        new("某再生铜加工企业", "废旧电线电缆再生铜项目", LeadSource.ChainLead, "平顶山亿成再生资源", ChainDirection.Downstream, null, "C4210",
            4000, SiteKind.Plant, 3000, "临港物流产业园区", LeadStage.Lead, 25, "核实环保准入条件", -4, null),
        new("某跨境电商服务企业", "跨境电商海外仓运营中心", LeadSource.Event, null, null, "第十四届豫商大会", "F5292",
            3000, SiteKind.Plant, 6000, "皇台产业园区", LeadStage.Signed, 130, "办理用地规划许可", 15, "赵文静"),
        new("某体育用品品牌企业", "健身器材 OEM 配套项目", LeadSource.ChainLead, "平顶山市特纳赛运动器材有限公司", ChainDirection.Downstream, null, "C2442",
            1500, SiteKind.Plant, 1200, "创新创业服务园区", LeadStage.Lead, 8, "寄送样品检测报告", 14, null),
        new("某储能电池系统企业", "储能变流器及电池系统项目", LeadSource.Event, null, null, "2026 中国（郑州）产业转移系列对接活动", "C3841",
            25000, SiteKind.Land, 60000, "电气装备产业园区", LeadStage.Negotiating, 70, "分管领导带队回访", -8, "彭俊杰"),
        new("某光伏逆变器企业", "光伏逆变器生产线", LeadSource.Other, null, null, "企业主动来电咨询", "C3825",
            5000, SiteKind.Plant, 5500, "电气装备产业园区", LeadStage.Dropped, 200, null, null, null),
        new("某环保工程企业", "工业废水处理装备项目", LeadSource.ChainLead, "平顶山凤翔环保科技有限公司", ChainDirection.Upstream, null, "C3591",
            2200, SiteKind.Plant, 2000, "电气装备产业园区", LeadStage.Lead, 5, "核对需求厂房面积", 3, null),
        new("某输配电设备检测机构", "电气产品检验检测公共服务平台", LeadSource.ChainLead, "华拓电力装备集团有限公司", ChainDirection.Downstream, null, "M7452",
            3000, SiteKind.Plant, 2800, "高新火炬园", LeadStage.Signed, 100, "办理施工许可", 2, "黄思远"),
        new("某化工新材料企业", "高端有机硅材料项目", LeadSource.Visit, null, null, "外出拜访长三角化工园区企业", "C2653",
            18000, SiteKind.Land, 46000, "皇台产业园区", LeadStage.Lead, 35, "对接皇台产业园区规划条件", 11, null),
    ];

    private static readonly (SiteKind Kind, string Name, decimal Area, string? Park, string Location, string Owner, decimal Price, int FromDays, SiteStatus Status, string? Industry, string? Note)[] Sites =
    [
        (SiteKind.Plant, "电气装备产业园区标准化厂房 3 号", 2600, "电气装备产业园区", "电气装备产业园区标准化厂房区 3 号楼", "园区管理办公室", 12, -30, SiteStatus.Available, "C38", "单层钢结构，檐高 9 米，10 吨行车"),
        (SiteKind.Plant, "电气装备产业园区标准化厂房 5 号", 4200, "电气装备产业园区", "电气装备产业园区标准化厂房区 5 号楼", "园区管理办公室", 11, 20, SiteStatus.Available, "C38", "2026 年底竣工"),
        (SiteKind.Plant, "原机加工车间（退租）", 1700, "电气装备产业园区", "电气装备产业园区纬四路南侧", "园区管理办公室", 10, -60, SiteStatus.Available, "C34", "盘活闲置厂房"),
        (SiteKind.Plant, "高新火炬园 二层孵化空间", 1400, "高新火炬园", "高新火炬园二楼", "平顶山高新技术创业服务中心", 18, -10, SiteStatus.Available, null, "适合研发、检测、设计类项目"),
        (SiteKind.Plant, "创新创业服务园区 1 号厂房", 2200, "创新创业服务园区", "创新创业服务园区 1 号厂房", "园区管理办公室", 13, -90, SiteStatus.Reserved, "C38", "意向洽谈中"),
        (SiteKind.Plant, "创新创业服务园区 7 号厂房", 3100, "创新创业服务园区", "创新创业服务园区 7 号厂房", "园区管理办公室", 13, -15, SiteStatus.Available, "C35", null),
        (SiteKind.Land, "皇台产业园区 HT-07 地块", 53300, "皇台产业园区", "皇台产业园区化工集中区北侧", "高新区自然资源部门储备", 19.5m, 30, SiteStatus.Available, "C26", "三类工业用地，已完成土地征收"),
        (SiteKind.Land, "皇台产业园区 HT-12 地块", 80000, "皇台产业园区", "皇台产业园区纬二路", "高新区自然资源部门储备", 19.5m, 90, SiteStatus.Available, "C26", null),
        (SiteKind.Land, "临港物流产业园区 LG-03 地块", 30000, "临港物流产业园区", "临港物流产业园区经三路东侧", "高新区自然资源部门储备", 21, 0, SiteStatus.Available, "G59", "物流仓储用地"),
        (SiteKind.Land, "遵化店镇蒲楼村闲置建设用地", 20000, null, "遵化店镇蒲楼村北", "遵化店镇蒲楼村村集体", 16, -120, SiteStatus.Available, null, "集体经营性建设用地，需办理入市手续"),
        (SiteKind.Plant, "临港物流产业园区 2 号仓库", 6000, "临港物流产业园区", "临港物流产业园区 2 号仓库", "园区管理办公室", 9, -200, SiteStatus.Taken, "G59", "已盘活"),
    ];

    /// <summary>The parks' leading industries as the zone's investment guide lists them (GB/T 4754 divisions).</summary>
    private static readonly (string Park, string Divisions)[] ParkDivisions =
    [
        ("电气装备产业园区", "C38,C34,C40"),
        ("创新创业服务园区", "C38,C35,C26"),
        ("皇台产业园区", "C26,C28,C29"),
        ("临港物流产业园区", "G59,G60,F51"),
        ("高新火炬园", "M73,M74,I65,R88"),
    ];

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync("410471", cancellationToken) is not { } zone) return;
        if (await db.Set<Lead>().IgnoreQueryFilters().AnyAsync(x => x.ZoneId == zone.Id, cancellationToken)) return;

        var parks = (await organisation.UnitsAsync(zone.Id, cancellationToken)).Where(u => u.Kind == UnitKind.Park).ToDictionary(u => u.Name, u => u.Id);
        var registry = await EnterprisesOfAsync(zone.Id, cancellationToken);
        var staff = await InvestmentAccess.StaffAsync(db, zone.Id, cancellationToken);
        var owners = OwnerNames.Select(n => staff.FirstOrDefault(s => s.Name == n)).OfType<StaffOption>().ToList();
        if (owners.Count == 0) owners = staff;
        if (owners.Count == 0) return;
        var now = time.GetUtcNow();
        var today = InvestmentAccess.Today(time);
        WorkingDayCalendar? calendar = null;
        try { calendar = await calendars.GetAsync(cancellationToken); } catch (InvalidOperationException) { /* no calendar: plain days below */ }

        db.UseZone(zone.Id);
        foreach (var (park, divisions) in ParkDivisions)
        {
            if (parks.TryGetValue(park, out var parkId)) db.Add(new ParkIndustries { ZoneId = zone.Id, ParkId = parkId, Divisions = divisions });
        }
        foreach (var s in Sites)
        {
            db.Add(new IdleSite
            {
                ZoneId = zone.Id, Kind = s.Kind, Name = s.Name, Area = s.Area, ParkId = s.Park is { } p && parks.TryGetValue(p, out var pid) ? pid : null,
                Location = s.Location, OwnerName = s.Owner, Price = s.Price, AvailableFrom = today.AddDays(s.FromDays), Status = s.Status, IndustryCode = s.Industry, Note = s.Note,
            });
        }

        for (var i = 0; i < Leads.Length; i++)
        {
            var s = Leads[i];
            var owner = owners[i % owners.Count];
            var created = now.AddDays(-s.AgeDays).ToOffset(InvestmentAccess.ChinaOffset).Date.AddHours(9.5 + i % 6);
            var createdAt = new DateTimeOffset(created, InvestmentAccess.ChinaOffset);
            var source = s.ChainEnterprise is { } name ? registry.FirstOrDefault(e => e.Name == name) : null;
            var lead = new Lead
            {
                ZoneId = zone.Id, Code = string.Create(CultureInfo.InvariantCulture, $"ZS{createdAt.Year}-{i + 1:D3}"), InvestorName = s.Investor, ProjectName = s.Project,
                Source = source is null && s.Source == LeadSource.ChainLead ? LeadSource.Other : s.Source,
                SourceEnterpriseId = source?.Id, SourceEnterpriseName = source?.Name, ChainDirection = source is null ? null : s.Direction, SourceNote = s.SourceNote,
                IndustryCode = s.Industry, IntendedAmount = s.Amount, NeedKind = s.Kind, NeedArea = s.Area,
                ParkId = s.Park is { } p && parks.TryGetValue(p, out var pid) ? pid : null, ContactName = s.Contact,
                ContactPhone = s.Contact is null ? null : string.Create(CultureInfo.InvariantCulture, $"1390375{1000 + i * 37:D4}"),
                Stage = s.Stage, OwnerUserId = owner.Id, OwnerName = owner.Name, NextAction = s.NextAction,
                NextActionOn = s.NextInDays is { } d ? today.AddDays(d) : null, CreatedAt = createdAt, UpdatedAt = createdAt,
            };
            db.Add(lead);
            var history = new List<(LeadEventKind Kind, LeadStage? From, LeadStage? To, string? Text, DateTimeOffset At)>
            {
                (LeadEventKind.Created, null, LeadStage.Lead, s.SourceNote, createdAt),
            };
            var step = Math.Max(1, s.AgeDays / 4);
            var at = createdAt;
            void Move(LeadStage from, LeadStage to, string why)
            {
                at = at.AddDays(step);
                history.Add((LeadEventKind.StageChanged, from, to, why, at));
                if (to == LeadStage.Signed) lead.SignedOn = DateOnly.FromDateTime(at.DateTime);
                if (to == LeadStage.Landed) lead.LandedOn = DateOnly.FromDateTime(at.DateTime);
            }
            if (s.Stage is LeadStage.Negotiating or LeadStage.Signed or LeadStage.Landed) Move(LeadStage.Lead, LeadStage.Negotiating, "企业负责人来区实地考察，进入实质洽谈");
            if (s.Stage is LeadStage.Signed or LeadStage.Landed) Move(LeadStage.Negotiating, LeadStage.Signed, "投资协议签约");
            if (s.Stage == LeadStage.Landed) Move(LeadStage.Signed, LeadStage.Landed, "项目开工（平台上线前签约，未在平台转为项目）");
            if (s.Stage == LeadStage.Dropped)
            {
                lead.DroppedReason = i % 2 == 0 ? "企业投资计划调整，暂缓对外投资" : "企业选择在其他地区落地";
                Move(LeadStage.Lead, LeadStage.Dropped, lead.DroppedReason);
            }
            if (s.NextAction is not null) history.Add((LeadEventKind.Note, null, null, "电话沟通，约定下一步：" + s.NextAction, now.AddDays(-Math.Min(3, s.AgeDays))));
            foreach (var h in history)
            {
                db.Add(new LeadEvent { ZoneId = zone.Id, LeadId = lead.Id, Kind = h.Kind, FromStage = h.From, ToStage = h.To, Text = h.Text, ActorUserId = owner.Id, ActorName = owner.Name, At = h.At });
            }
            lead.UpdatedAt = history.Max(h => h.At);

            if (s.Stage is LeadStage.Signed or LeadStage.Landed)
            {
                var titles = s.Stage == LeadStage.Landed ? new[] { "企业开办", "项目备案", "施工许可" } : ["企业开办", "项目备案", "用地规划许可"];
                for (var t = 0; t < titles.Length; t++)
                {
                    var done = s.Stage == LeadStage.Landed || t == 0;
                    var due = Due(calendar, today, 5 + 10 * t, done ? -(s.AgeDays / 2) + t * 5 : 0);
                    db.Add(new AgencyTask
                    {
                        ZoneId = zone.Id, LeadId = lead.Id, Title = titles[t], OwnerUserId = owner.Id, OwnerName = owner.Name, DueOn = due,
                        Status = done ? AgencyTaskStatus.Done : t == 1 ? AgencyTaskStatus.InProgress : AgencyTaskStatus.Open, DoneOn = done ? due.AddDays(-1) : null,
                        CreatedAt = createdAt,
                    });
                }
            }
        }
        db.AuditReason = "demo data: investment leads, idle sites, parks' leading industries, agency tasks";
        await db.SaveChangesAsync(cancellationToken);
        db.UseAllZones();
    }

    /// <summary>A demo task's due day: N working days from today, shifted back for tasks already done; plain days past the loaded calendar.</summary>
    private static DateOnly Due(WorkingDayCalendar? calendar, DateOnly today, int workingDays, int shiftDays)
    {
        var from = today.AddDays(shiftDays);
        try { return calendar?.AddWorkingDays(from, workingDays) ?? from.AddDays(workingDays * 7 / 5); }
        catch (CalendarYearNotLoadedException) { return from.AddDays(workingDays * 7 / 5); }
    }

    /// <summary>The zone's enterprises through the registry's contract, as a system principal of that zone.</summary>
    private async Task<List<EnterpriseRef>> EnterprisesOfAsync(Guid zoneId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "demo-seeder"), new Claim(PlatformClaims.ZoneId, zoneId.ToString())], authenticationType: "system")));
        return [.. (await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, 0, 200, ct)).Items];
    }
}
