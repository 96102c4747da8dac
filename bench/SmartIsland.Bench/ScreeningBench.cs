using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Cultivation.Tiers;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

/// <summary>
/// Tier screening (issue 4 §3, "Performance"): N enterprises with three years of figures and the declared facts
/// written straight to the database, then the whole zone screened against every tier rule set in force, twice (the
/// second run also replaces the first run's standings and moves pools). SQLite in DATADIR, or PostgreSQL when
/// SMARTISLAND_BENCH_PG holds a connection string (the database is created).
/// </summary>
internal static class ScreeningBench
{
    public static async Task<int> RunAsync(string dataDir, int enterprises)
    {
        await using var provider = await BenchPlatform.StartAsync(dataDir, postgresWhenSet: true);

        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()), new Claim(ClaimTypes.Name, "admin"),
            new Claim(ClaimTypes.Role, Roles.Admin), new Claim(PlatformClaims.ZoneId, admin.ZoneId.ToString()),
        ], "bench")));
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        int existing;
        await using (var db = await dbs.CreateDbContextAsync())
            existing = await db.Set<Enterprise>().CountAsync();
        if (existing < enterprises)
        {
            var sw = Stopwatch.StartNew();
            await GenerateAsync(dbs, admin.ZoneId, existing, enterprises);
            Console.WriteLine($"screen: generated {enterprises - existing} enterprises × 3 years in {sw.Elapsed.TotalSeconds:F1} s");
        }
        var screening = scope.ServiceProvider.GetRequiredService<TierScreening>();
        for (var round = 1; round <= 2; round++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var run = await screening.RunAsync(ScreeningTriggers.Api);
            sw.Stop();
            Console.WriteLine($"screen #{round} ({(Environment.GetEnvironmentVariable("SMARTISLAND_BENCH_PG") is { Length: > 0 } ? "Postgres" : "Sqlite")}): {run.Enterprises} enterprises, {run.Evaluations} evaluations " +
                              $"(eligible {run.Eligible}, not {run.NotEligible}, to confirm {run.NeedsConfirmation}); pools +{run.Entered}/−{run.Left}; " +
                              $"evaluation {run.EvaluateMs} ms (CPU time of the parallel batches), write {run.WriteMs} ms, end to end {sw.Elapsed.TotalSeconds:F1} s; " +
                              $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }

        // The evaluation alone, in memory: every profile × every tier set in force, on all cores, as the screening does it.
        var profiles = new List<SmartIsland.Enterprises.Features.EnterpriseProfile>();
        await foreach (var p in scope.ServiceProvider.GetRequiredService<SmartIsland.Enterprises.Features.IEnterpriseProfiles>().StreamZoneAsync())
            profiles.Add(p);
        var today = new DateOnly(2026, 11, 25);
        var sets = (await scope.ServiceProvider.GetRequiredService<SmartIsland.Rules.Features.IRuleSetCatalog>().InForceAsync(admin.ZoneId, today))
            .Where(x => TierFacts.TitleOf(x.Definition.Code) is not null).ToList();
        for (var round = 1; round <= 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var json = 0L;
            Parallel.For(0, profiles.Count, () => 0L, (i, _, local) =>
            {
                var sheet = TierFacts.From(profiles[i], today, 2025);
                foreach (var set in sets) local += GapWords.ToJson(GapWords.From(set.Evaluate(sheet))).Length;
                return local;
            }, l => Interlocked.Add(ref json, l));
            Console.WriteLine($"evaluate #{round}: {profiles.Count} profiles × {sets.Count} sets in memory (with the gaps as JSON) in {sw.Elapsed.TotalSeconds:F2} s " +
                              $"on {Environment.ProcessorCount} cores; {json / 1024 / 1024} MB of gaps JSON");
        }
        return 0;
    }

    private static async Task GenerateAsync(IDbContextFactory<PlatformDbContext> dbs, Guid zone, int from, int to)
    {
        var random = new Random(11);
        const int chunk = 10_000;
        for (var start = from; start < to; start += chunk)
        {
            await using var db = await dbs.CreateDbContextAsync();
            var list = new List<Enterprise>();
            var years = new List<YearlyIndicator>();
            var facts = new List<EnterpriseFact>();
            for (var i = start; i < Math.Min(to, start + chunk); i++)
            {
                var first17 = "91410400MB" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var e = new Enterprise
                {
                    ZoneId = zone, CreditCode = first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17),
                    Name = $"测评基准{i}号科技有限公司", IndustryCode = "C3825", RegisteredOn = new DateOnly(2010 + i % 15, 1 + i % 12, 1),
                };
                list.Add(e);
                var revenue = 2_000_000m + random.Next(0, 300_000_000);
                // Skewed like a real registry: most firms spend little on R&D, a few a lot.
                var rdShare = (decimal)Math.Pow(random.NextDouble(), 2) * 0.08m;
                var staff = 20 + random.Next(0, 600);
                for (var y = 2023; y <= 2025; y++)
                {
                    years.Add(new YearlyIndicator
                    {
                        ZoneId = zone, EnterpriseId = e.Id, Year = y, Revenue = revenue, MainBusinessRevenue = revenue * 0.9m, TotalIncome = revenue,
                        HighTechProductRevenue = revenue * (decimal)random.NextDouble(), RdExpense = revenue * rdShare, DomesticRdExpense = revenue * rdShare * 0.9m,
                        TotalCost = revenue * 0.8m, TotalAssets = revenue * 1.5m, TotalLiabilities = revenue * 0.6m, NetProfit = revenue * 0.05m,
                        Employees = staff, TechStaff = staff * random.Next(5, 40) / 100, RdStaff = staff / 10, InventionPatents = random.Next(0, 6),
                        UtilityModelPatents = random.Next(0, 10), DesignPatents = 0, SoftwareCopyrights = random.Next(0, 5), TechConversions = random.Next(0, 6),
                    });
                    revenue *= 1.1m;
                }
                foreach (var key in new[] { "resident", "permittedIndustry", "techSme.cleanRecord", "hnte.keyField", "hnte.noMajorIncident" })
                {
                    if (random.Next(0, 10) < 4)
                        facts.Add(new EnterpriseFact { ZoneId = zone, EnterpriseId = e.Id, Key = key, Value = "true", DeclaredOn = new DateOnly(2026, 1, 5) });
                }
            }
            await using var tx = await db.BeginAuditedTransactionAsync();
            await db.BulkInsertAsync(list);
            await db.BulkInsertAsync(years);
            await db.BulkInsertAsync(facts);
            await tx.CommitAsync();
        }
    }
}
