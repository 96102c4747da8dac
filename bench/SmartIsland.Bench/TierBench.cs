using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Cultivation.Tiers;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;
using SmartIsland.Rules.Features;

/// <summary>
/// Issue 4's performance targets: every tier rule set for 100,000 enterprises in under 10 s on 2 cores, and one
/// enterprise's evaluation under 5 ms p95 through the API. Generates a registry with three years of figures,
/// declared facts and some titles, then times (a) reading the profiles and evaluating every set, as the
/// screening does, and (b) the eligibility endpoint of a running host.
/// </summary>
internal static class TierBench
{
    private static Task<ServiceProvider> PlatformAsync(string dataDir) => BenchPlatform.StartAsync(dataDir);

    private static async Task<AsyncServiceScope> AsDepartmentAsync(ServiceProvider provider)
    {
        var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var user = (await users.FindByNameAsync("dept"))!;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, "dept"),
            new Claim(ClaimTypes.Role, Roles.DepartmentStaff),
            new Claim(PlatformClaims.ZoneId, user.ZoneId.ToString()),
        ], "bench")));
        return scope;
    }

    /// <summary>N enterprises, each with 2023–2025 figures, the common declared facts, and one in five holding a title.</summary>
    public static async Task<int> GenerateAsync(string dataDir, int count)
    {
        await using var provider = await PlatformAsync(dataDir);
        await using var scope = await AsDepartmentAsync(provider);
        var zoneId = scope.ServiceProvider.GetRequiredService<ICurrentUser>().ZoneId!.Value;
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        var random = new Random(4);
        var sw = Stopwatch.StartNew();
        const int chunk = 20_000;
        string[] factKeys = ["resident", "permittedIndustry", "techSme.cleanRecord", "hnte.keyField", "hnte.noMajorIncident", "sme", "srdi.nicheYears"];
        for (var start = 0; start < count; start += chunk)
        {
            var enterprises = new List<Enterprise>();
            var years = new List<YearlyIndicator>();
            var facts = new List<EnterpriseFact>();
            var titles = new List<Qualification>();
            for (var i = start; i < Math.Min(count, start + chunk); i++)
            {
                var first17 = "91410400TB" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var e = new Enterprise
                {
                    ZoneId = zoneId, CreditCode = first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17),
                    Name = $"平顶山梯度基准{i}号有限公司", IndustryCode = "C3825", RegisteredOn = new DateOnly(2005 + i % 20, 1 + i % 12, 1),
                };
                enterprises.Add(e);
                decimal revenue = (decimal)Math.Round(1_000_000 + random.NextDouble() * 300_000_000, 0);
                var staff = 20 + random.Next(600);
                for (var y = 2023; y <= 2025; y++)
                {
                    var r = Math.Round(revenue * (decimal)(0.8 + random.NextDouble() * 0.5), 0);
                    var rd = Math.Round(r * (decimal)(random.NextDouble() * 0.09), 0);
                    var assets = Math.Round(r * (decimal)(0.5 + random.NextDouble()), 0);
                    years.Add(new YearlyIndicator
                    {
                        ZoneId = zoneId, EnterpriseId = e.Id, Year = y, Revenue = r, MainBusinessRevenue = Math.Round(r * 0.9m, 0), TotalIncome = r,
                        HighTechProductRevenue = Math.Round(r * (decimal)random.NextDouble(), 0), RdExpense = rd, DomesticRdExpense = Math.Round(rd * 0.9m, 0),
                        TotalCost = Math.Round(r * 0.85m, 0), TotalAssets = assets, TotalLiabilities = Math.Round(assets * (decimal)random.NextDouble(), 0),
                        NetProfit = Math.Round(r * 0.06m, 0), ValueAdded = Math.Round(r * 0.3m, 0), TaxPaid = Math.Round(r * 0.04m, 0),
                        EquityFinancing = random.Next(10) == 0 ? 5_000_000 : 0, Employees = staff, TechStaff = random.Next(staff / 2),
                        RdStaff = random.Next(staff / 3), InventionPatents = random.Next(3), UtilityModelPatents = random.Next(8), DesignPatents = 0,
                        SoftwareCopyrights = random.Next(4), TechConversions = random.Next(6), LandMu = 10 + random.Next(200), EnergyUseTce = 100 + random.Next(9000),
                        Status = IndicatorStatus.Reviewed,
                    });
                }
                foreach (var key in factKeys)
                    facts.Add(new EnterpriseFact { ZoneId = zoneId, EnterpriseId = e.Id, Key = key, Value = key == "srdi.nicheYears" ? "4" : (random.Next(10) > 0 ? "true" : "false"), Evidence = "基准", DeclaredOn = new DateOnly(2026, 1, 5) });
                if (i % 5 == 0)
                    titles.Add(new Qualification { ZoneId = zoneId, EnterpriseId = e.Id, Kind = i % 10 == 0 ? QualificationKind.HighTechEnterprise : QualificationKind.TechSme, ValidFrom = new DateOnly(2024, 6, 1), ValidUntil = new DateOnly(2027, 5, 31) });
            }
            await using var db = await dbs.CreateDbContextAsync();
            db.UseZone(zoneId);
            await using var transaction = await db.BeginAuditedTransactionAsync();
            db.AuditReason = "benchmark data";
            await db.BulkInsertAsync(enterprises);
            await db.BulkInsertAsync(years);
            await db.BulkInsertAsync(facts);
            await db.BulkInsertAsync(titles);
            await transaction.CommitAsync();
            Console.WriteLine($"tiers-generate: {Math.Min(count, start + chunk):N0} enterprises written ({sw.Elapsed.TotalSeconds:F0} s)");
        }
        await using (var db = await dbs.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"tiers-generate: {count:N0} enterprises × 3 years in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Reads every profile of the zone and evaluates every tier rule set in force, as the nightly screening does (without storing).</summary>
    public static async Task<int> EvaluateAsync(string dataDir, int rounds)
    {
        await using var provider = await PlatformAsync(dataDir);
        for (var round = 1; round <= rounds; round++)
        {
            await using var scope = await AsDepartmentAsync(provider);
            var zoneId = scope.ServiceProvider.GetRequiredService<ICurrentUser>().ZoneId!.Value;
            var profiles = scope.ServiceProvider.GetRequiredService<IEnterpriseProfiles>();
            var catalog = scope.ServiceProvider.GetRequiredService<IRuleSetCatalog>();
            var asOf = new DateOnly(2026, 11, 25);
            var total = Stopwatch.StartNew();
            var sets = (await catalog.InForceAsync(zoneId, asOf)).Where(s => TierFacts.TitleOf(s.Definition.Code) is not null).ToList();
            var loaded = new List<EnterpriseProfile>();
            await foreach (var p in profiles.StreamZoneAsync()) loaded.Add(p);
            var readSeconds = total.Elapsed.TotalSeconds;
            var evaluate = Stopwatch.StartNew();
            var outcomes = new ConcurrentDictionary<Outcome, int>();
            Parallel.ForEach(loaded, p =>
            {
                var sheet = TierFacts.From(p, asOf, 2025);
                foreach (var s in sets)
                    outcomes.AddOrUpdate(s.Evaluate(sheet).Outcome, 1, (_, n) => n + 1);
            });
            var evalSeconds = evaluate.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tiers-evaluate round {round}: {loaded.Count:N0} enterprises × {sets.Count} rule sets = {outcomes.Values.Sum():N0} evaluations; " +
                $"read {readSeconds:F2} s + evaluate {evalSeconds:F2} s = {total.Elapsed.TotalSeconds:F2} s " +
                $"({string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}"))}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB"));
        }
        return 0;
    }

    /// <summary>GET /api/enterprises/{code}/eligibility on a running host: N sequential requests after 300 to warm up; p50/p95/p99.</summary>
    public static async Task<int> ApiAsync(string baseUrl, string dataDir, int requests)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await http.PostAsJsonAsync("/api/auth/token", new { userName = "dept", password = "Demo@2026" });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString());
        var codes = new List<string>();
        await using (var provider = await PlatformAsync(dataDir))
        await using (var scope = await AsDepartmentAsync(provider))
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
            codes = await db.Set<Enterprise>().Where(e => e.CreditCode.StartsWith("91410400TB")).OrderBy(e => e.Id).Select(e => e.CreditCode).Take(5_000).ToListAsync();
        }
        var random = new Random(9);
        for (var i = 0; i < 300; i++) (await http.GetAsync($"/api/enterprises/{codes[random.Next(codes.Count)]}/eligibility")).EnsureSuccessStatusCode();
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            var response = await http.GetAsync($"/api/enterprises/{codes[random.Next(codes.Count)]}/eligibility");
            await response.Content.ReadAsByteArrayAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        times.Sort();
        double P(double q) => times[(int)Math.Ceiling(q * times.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tiers-api: {requests} sequential GET /api/enterprises/{{code}}/eligibility (5 rule sets each) over {codes.Count:N0} enterprises: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {times[^1]:F2} ms"));
        return 0;
    }
}
