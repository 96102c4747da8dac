using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Enterprises.Features;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using MiniExcel = MiniExcelLibs.MiniExcel;

// dotnet run -c Release --project bench/SmartIsland.Bench -- generate N FILE [YEARS_PER_ENTERPRISE=2]
// dotnet run -c Release --project bench/SmartIsland.Bench -- import FILE DATADIR
// dotnet run -c Release --project bench/SmartIsland.Bench -- list DATADIR [QUERIES]
// dotnet run -c Release --project bench/SmartIsland.Bench -- intake BASEURL open311|raw SECONDS [CLIENTS=64] [WARMUP_SECONDS=3]
// dotnet run -c Release --project bench/SmartIsland.Bench -- count DATADIR
// dotnet run -c Release --project bench/SmartIsland.Bench -- cases-generate DATADIR N
// dotnet run -c Release --project bench/SmartIsland.Bench -- cases-metrics DATADIR [ROUNDS]
// dotnet run -c Release --project bench/SmartIsland.Bench -- tiers-generate DATADIR N
// dotnet run -c Release --project bench/SmartIsland.Bench -- tiers-evaluate DATADIR [ROUNDS]
// dotnet run -c Release --project bench/SmartIsland.Bench -- tiers-api BASEURL DATADIR [REQUESTS]
// dotnet run -c Release --project bench/SmartIsland.Bench -- screen DATADIR [ENTERPRISES=100000]
// dotnet run -c Release --project bench/SmartIsland.Bench -- pdf [RENDERS=500] [SAMPLE.pdf]
// dotnet run -c Release --project bench/SmartIsland.Bench -- guide-generate DATADIR N
// dotnet run -c Release --project bench/SmartIsland.Bench -- guide-search BASEURL [REQUESTS] [DATADIR: also time the index in process]
// dotnet run -c Release --project bench/SmartIsland.Bench -- apply BASEURL [REQUESTS=300]
// dotnet run -c Release --project bench/SmartIsland.Bench -- projects-generate DATADIR [PROJECTS=5000]
// dotnet run -c Release --project bench/SmartIsland.Bench -- projects BASEURL [REQUESTS=200] [REPORTS=100]
// Each step is its own process so its peak memory is its own.
var command = args.ElementAtOrDefault(0);
return command switch
{
    "generate" => Generate(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2),
    "import" => await ImportAsync(args[1], args[2]),
    "list" => await ListAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500),
    "intake" => await IntakeLoad.RunAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture),
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 64, args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3),
    "count" => await IntakeLoad.CountAsync(args[1]),
    "cases-generate" => await CaseMetricsBench.GenerateAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)),
    "cases-metrics" => await CaseMetricsBench.MeasureAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30),
    "tiers-generate" => await TierBench.GenerateAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)),
    "tiers-evaluate" => await TierBench.EvaluateAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3),
    "tiers-api" => await TierBench.ApiAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000),
    "screen" => await ScreeningBench.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000),
    "pdf" => PdfBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500, args.ElementAtOrDefault(2)),
    "guide-generate" => await GuideBench.GenerateAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)),
    "guide-search" => await GuideBench.SearchAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 600, args.ElementAtOrDefault(3)),
    "apply" => await ApplyBench.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300),
    "projects-generate" => await ProjectBench.GenerateAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000),
    "projects" => await ProjectBench.MeasureAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate N FILE [YEARS] | import FILE DATADIR | list DATADIR [QUERIES] | intake BASEURL open311|raw SECONDS [CLIENTS] [WARMUP] | count DATADIR");
    return 2;
}

/// <summary>N ledger rows: N/years enterprises × years, names and codes unique, figures varied.</summary>
static int Generate(int rows, string path, int years)
{
    var industries = new[] { "C3825", "C3829", "C2661", "C3591", "C4011", "F5191", "I6510", "M7320" };
    var parks = new[] { "临港物流产业园区", "皇台产业园区", "创新创业服务园区", "电气装备产业园区", null };
    var words = new[] { "智能", "装备", "新材料", "电气", "环保", "科技", "尼龙", "物流", "软件", "精密", "能源", "化工" };
    IEnumerable<Dictionary<string, object?>> Rows()
    {
        var random = new Random(42);
        for (var i = 0; i < rows; i++)
        {
            var e = i / years;
            var first17 = "91410400MA" + (1_000_000 + e).ToString(CultureInfo.InvariantCulture);
            yield return new Dictionary<string, object?>
            {
                ["统一社会信用代码"] = first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17),
                ["企业名称"] = $"平顶山{words[e % words.Length]}{words[(e / 7) % words.Length]}{e}号有限公司",
                ["法定代表人"] = "示例" + (e % 100),
                ["行业代码"] = industries[e % industries.Length],
                ["所属园区"] = parks[e % parks.Length],
                ["地址"] = "河南省平顶山市高新区",
                ["联系电话"] = "1383751" + (1000 + e % 9000).ToString(CultureInfo.InvariantCulture),
                ["成立日期"] = new DateTime(2000 + e % 25, 1 + e % 12, 1 + e % 28),
                ["年度"] = 2025 - i % years,
                ["营业收入（万元）"] = Math.Round(random.NextDouble() * 50_000, 2),
                ["研发费用（万元）"] = Math.Round(random.NextDouble() * 2_000, 2),
                ["纳税额（万元）"] = Math.Round(random.NextDouble() * 1_500, 2),
                ["职工人数"] = 50 + e % 800,
                ["科技人员"] = 5 + e % 40,
                ["发明专利"] = e % 9,
                ["实用新型"] = e % 30,
                ["用地（亩）"] = 10 + e % 200,
                ["综合能耗（吨标煤）"] = 100 + e % 9000,
            };
        }
    }
    var sw = Stopwatch.StartNew();
    MiniExcel.SaveAs(path, Rows(), overwriteFile: true);
    Console.WriteLine($"generate: {rows} rows → {path} ({new FileInfo(path).Length / 1024 / 1024.0:F1} MB) in {sw.Elapsed.TotalSeconds:F1} s");
    return 0;
}

static Task<ServiceProvider> PlatformAsync(string dataDir) => BenchPlatform.StartAsync(dataDir);

/// <summary>Acts as the demo department-staff account of the demo zone.</summary>
static async Task<AsyncServiceScope> AsStaffAsync(ServiceProvider provider)
{
    var scope = provider.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SmartIsland.Platform.Data.PlatformUser>>();
    var user = (await users.FindByNameAsync("dept"))!;
    var principal = new ClaimsPrincipal(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, "dept"),
        new Claim(ClaimTypes.Role, Roles.DepartmentStaff),
        new Claim(PlatformClaims.ZoneId, user.ZoneId.ToString()),
    ], "bench"));
    scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
    return scope;
}

static async Task<int> ImportAsync(string file, string dataDir)
{
    await using var provider = await PlatformAsync(dataDir);
    await using var scope = await AsStaffAsync(provider);
    var import = scope.ServiceProvider.GetRequiredService<EnterpriseImport>();
    GC.Collect();
    var before = Process.GetCurrentProcess().WorkingSet64;
    var sw = Stopwatch.StartNew();
    await using var stream = File.OpenRead(file);
    var report = await import.ImportAsync(stream, Path.GetFileName(file), ImportMode.AllOrNothing);
    sw.Stop();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine($"import: {report.Rows} rows, written={report.Written}, enterprises +{report.EnterprisesCreated}/~{report.EnterprisesUpdated}, " +
                      $"indicators +{report.IndicatorsCreated}/~{report.IndicatorsUpdated}, errors={report.Errors.Count}");
    Console.WriteLine($"import: {sw.Elapsed.TotalSeconds:F2} s; process peak working set {peak / 1024 / 1024} MB (before import {before / 1024 / 1024} MB)");
    return report.Written ? 0 : 1;
}

static async Task<int> ListAsync(string dataDir, int queries)
{
    await using var provider = await PlatformAsync(dataDir);
    await using var scope = await AsStaffAsync(provider);
    var registry = scope.ServiceProvider.GetRequiredService<EnterpriseRegistry>();
    var parks = await scope.ServiceProvider.GetRequiredService<SmartIsland.Organisation.Domain.IOrganisationDirectory>().ParksAsync();
    var total = (await registry.SearchAsync(new EnterpriseQuery(PageSize: 1))).Total;
    var searches = new string?[] { null, "智能", "装备12", "91410400MA10", "新材料电气", "尼龙", null, "科技" };
    var random = new Random(7);
    var timings = new List<double>();
    var byKind = new Dictionary<string, List<double>>();
    for (var i = 0; i < queries + 20; i++)
    {
        var q = new EnterpriseQuery(
            Search: searches[i % searches.Length],
            ParkId: i % 3 == 0 ? parks[random.Next(parks.Count)].Id : null,
            Sort: (EnterpriseSort)(i % 4),
            Descending: i % 2 == 1,
            Page: 1 + random.Next(0, 50),
            PageSize: 20);
        var sw = Stopwatch.StartNew();
        await registry.SearchAsync(q);
        sw.Stop();
        if (i >= 20)
        {
            timings.Add(sw.Elapsed.TotalMilliseconds); // the first 20 warm the JIT and the page cache
            var kind = (q.Search is null ? "no search" : $"search '{q.Search}'") + (q.ParkId is null ? "" : " + park");
            (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(sw.Elapsed.TotalMilliseconds);
        }
    }
    timings.Sort();
    double P(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
    Console.WriteLine($"list: {total} enterprises, {timings.Count} queries (search/park/sort/page mix, 20 per page incl. count): " +
                      $"p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, max {timings[^1]:F1} ms");
    foreach (var (kind, list) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
    {
        list.Sort();
        Console.WriteLine($"  {kind,-28} n={list.Count,3}  p50 {list[list.Count / 2]:F1} ms  max {list[^1]:F1} ms");
    }
    return 0;
}
