using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Catalogue;

/// <summary>
/// Issue 5's target: the public guide's search over 10,000 items under 30 ms p95. Generates a catalogue of N published
/// items (names, departments, keywords, conditions and six materials each from a pool of 400 canonical materials) in
/// the demo zone of a fresh database, then times GET /api/guide/search on a running host with 2-, 3- and 4-character
/// terms, hits and misses.
/// </summary>
internal static class GuideBench
{
    private static readonly string[] Departments = ["城市管理局", "人力资源和社会保障局", "税务局", "交通运输局", "市场监督管理局", "住房和城乡建设局", "生态环境分局", "卫生健康委员会", "应急管理局", "自然资源和规划分局", "消防救援大队", "公安分局"];
    private static readonly string[] Objects = ["门头招牌", "户外促销", "发票", "道路运输", "车辆通行", "建筑工程", "排水", "食品经营", "药品零售", "创业担保贷款", "社会保险", "公共场所卫生", "危险化学品", "临时占道", "施工", "消防", "环境影响", "林木采伐", "劳务派遣", "特种设备", "医疗机构", "广告设置", "渣土运输", "燃气经营", "烟花爆竹", "民办学校", "养老机构", "停车场", "建设用地", "职业技能"];
    private static readonly string[] Actions = ["许可", "审批", "备案", "登记", "核发", "变更", "注销", "延续", "确认", "补贴申领", "年度检验", "证明开具"];
    private static readonly string[] MaterialWords = ["营业执照", "法定代表人身份证", "租赁合同", "产权证明", "设计图纸", "效果图", "安全评估报告", "环评批复", "检测报告", "授权委托书", "申请表", "承诺书", "资质证书", "从业人员名单", "健康证明", "车辆行驶证", "驾驶员从业资格证", "场地平面图", "消防验收意见", "银行开户证明"];

    private static Task<ServiceProvider> PlatformAsync(string dataDir) => BenchPlatform.StartAsync(dataDir);

    public static async Task<int> GenerateAsync(string dataDir, int count)
    {
        await using var provider = await PlatformAsync(dataDir);
        await using var scope = provider.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ZoneByDivisionAsync("410471"))!;
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        var random = new Random(5);
        var sw = Stopwatch.StartNew();
        var materials = Enumerable.Range(0, 400).Select(i => new Material
        {
            ZoneId = zone.Id, Code = "BM" + i.ToString("D4", CultureInfo.InvariantCulture),
            Name = (i < MaterialWords.Length ? "" : Objects[i % Objects.Length]) + MaterialWords[i % MaterialWords.Length] + (i < 40 ? "" : $"（{i}）"),
            LicenceTypes = i % 10 == 0 ? ["business-licence"] : [],
        }).ToList();
        var items = new List<ServiceItem>(count);
        var links = new List<ItemMaterial>(count * 6);
        for (var i = 0; i < count; i++)
        {
            var obj = Objects[random.Next(Objects.Length)];
            var item = new ServiceItem
            {
                ZoneId = zone.Id, Code = "B" + i.ToString("D6", CultureInfo.InvariantCulture), Name = $"{obj}{Actions[random.Next(Actions.Length)]}（第{i}项）",
                Kind = (ItemKind)random.Next(11), DepartmentName = Departments[random.Next(Departments.Length)], LegalBasis = $"《{obj}管理条例》第{1 + i % 60}条",
                Conditions = [new ItemRule("C1", $"申请人具有{obj}相应的场所和设备"), new ItemRule("C2", "近三年无重大违法记录")],
                Prohibited = [new ItemRule("P1", "要求申请人提供清单以外的材料")],
                Steps = [new FlowStep("受理", "综合窗口", 0), new FlowStep("审查", "承办科室", 2), new FlowStep("决定", "分管负责人", 1), new FlowStep("办结", "综合窗口", 0)],
                StatutoryLimitDays = 20, PromisedLimitDays = random.Next(6), Channels = Channels.Window | Channels.Online, Visits = random.Next(2),
                Place = "高新区政务服务中心", Hours = "工作日 9:00-17:30", ContactPhone = "0375-2999001", ComplaintPhone = "0375-12345",
                Keywords = obj + " " + Actions[random.Next(Actions.Length)], Published = true,
            };
            items.Add(item);
            foreach (var (m, order) in Enumerable.Range(0, 400).OrderBy(_ => random.Next()).Take(6).Select((m, o) => (m, o)))
                links.Add(new ItemMaterial { ZoneId = zone.Id, ItemId = item.Id, MaterialId = materials[m].Id, Deferrable = order == 5, SortOrder = order, Form = MaterialForm.Original });
        }
        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.UseZone(zone.Id);
            await using var transaction = await db.BeginAuditedTransactionAsync();
            db.AuditReason = "benchmark data";
            await db.BulkInsertAsync(materials);
            await db.BulkInsertAsync(items);
            await db.BulkInsertAsync(links);
            await transaction.CommitAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"guide-generate: {count:N0} items, {materials.Count} materials, {links.Count:N0} item materials in {sw.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>N sequential searches after 200 to warm up (the first builds the index); p50/p95/p99 overall and per term length.</summary>
    public static async Task<int> SearchAsync(string baseUrl, int requests, string? dataDir)
    {
        string[] terms =
        [
            "门头", "发票", "通行", "许可", "备案", "消防", "排水", "租赁", "施工", "养老", "鲸鱼", "火箭", "潜艇", "飞艇", // 2 characters
            "通行证", "营业执", "效果图", "承诺书", "停车场", "健康证", "建设用", "量子态", "鳄鱼皮", "太空舱",               // 3
            "门头招牌", "道路运输", "营业执照", "年度检验", "食品经营", "创业担保", "公共场所", "量子计算", "深海探测", "星际旅行", // 4
        ];
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var random = new Random(11);
        for (var i = 0; i < 200; i++) (await http.GetAsync($"/api/guide/search?q={Uri.EscapeDataString(terms[random.Next(terms.Length)])}")).EnsureSuccessStatusCode();
        var times = new List<(int Length, bool Hit, double Ms)>(requests);
        for (var i = 0; i < requests; i++)
        {
            var term = terms[i % terms.Length];
            var sw = Stopwatch.StartNew();
            var response = await http.GetAsync($"/api/guide/search?q={Uri.EscapeDataString(term)}");
            var body = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
            times.Add((term.Length, body!["total"].GetInt32() > 0, sw.Elapsed.TotalMilliseconds));
            response.EnsureSuccessStatusCode();
        }
        static string Line(IEnumerable<double> sample) => Latency.Summary(sample);
        Console.WriteLine($"guide-search: {requests} sequential GET /api/guide/search (20 best hits each): {Line(times.Select(t => t.Ms))}");
        foreach (var group in times.GroupBy(t => (t.Length, t.Hit)).OrderBy(g => g.Key.Length).ThenBy(g => g.Key.Hit))
            Console.WriteLine($"  {group.Key.Length} characters, {(group.Key.Hit ? "hits" : "misses")}: {Line(group.Select(t => t.Ms))}");
        if (dataDir is null) return 0;

        // The same searches in process, without HTTP: what the index itself costs.
        await using var provider = await PlatformAsync(dataDir);
        await using var scope = provider.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ZoneByDivisionAsync("410471"))!;
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        var build = Stopwatch.StartNew();
        var index = new SmartIsland.Services.Guide.GuideIndex(TimeProvider.System, new ConfigurationBuilder().Build());
        var entries = await index.EntriesAsync(zone.Id, async () =>
        {
            var db = await dbs.CreateDbContextAsync();
            db.UseZone(zone.Id);
            return db;
        }, default);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var local = new List<double>(requests);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            SmartIsland.Services.Guide.GuideIndex.Search(entries, terms[i % terms.Length], 20);
            local.Add(sw.Elapsed.TotalMilliseconds);
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / requests;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"guide-search in process: index of {entries.Entries.Length:N0} items built in {buildMs:F0} ms; searches {Line(local)}; CPU {cpuMs:F2} ms per search"));
        return 0;
    }
}
