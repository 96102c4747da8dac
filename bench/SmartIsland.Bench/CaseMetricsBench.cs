using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Cases.Metrics;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

/// <summary>
/// Issue 3's "metrics page over 1,000,000 cases under 100 ms": generates N cases in the demo zone on SQLite
/// (through <see cref="PlatformDbContext.BulkInsertAsync{T}"/>, so each has its audit entry as in real
/// life), then times <see cref="CaseMetricsService.ReportAsync"/> — what the page and the API call.
/// </summary>
internal static class CaseMetricsBench
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static Task<ServiceProvider> PlatformAsync(string dataDir) => BenchPlatform.StartAsync(dataDir);

    /// <summary>Acts as the demo zone leader (a metrics reader).</summary>
    private static async Task<AsyncServiceScope> AsLeaderAsync(ServiceProvider provider)
    {
        var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var user = (await users.FindByNameAsync("leader"))!;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, "leader"),
            new Claim(ClaimTypes.Role, Roles.ZoneLeader),
            new Claim(PlatformClaims.ZoneId, user.ZoneId.ToString()),
        ], "bench")));
        return scope;
    }

    /// <summary>
    /// N cases received evenly from 2025-01-01 to yesterday, spread over every unit of the zone. Older
    /// cases are nearly all closed (0.2 % stragglers still open); of the last 30 days' 20 % are still open,
    /// so "overdue now" has thousands of cases to find; 3 % of the open ones were paused once; 1 % are
    /// merged duplicates; 5 % are still with the intake desk.
    /// </summary>
    public static async Task<int> GenerateAsync(string dataDir, int count)
    {
        await using var provider = await PlatformAsync(dataDir);
        await using var scope = await AsLeaderAsync(provider);
        var zoneId = scope.ServiceProvider.GetRequiredService<ICurrentUser>().ZoneId!.Value;
        var units = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().UnitsAsync(zoneId);
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        Guid typeId;
        await using (var db = await dbs.CreateDbContextAsync())
            typeId = await db.Set<CaseType>().Where(t => t.Code == "request").Select(t => t.Id).SingleAsync();

        var random = new Random(3);
        var first = new DateTimeOffset(2025, 1, 1, 0, 0, 0, China);
        var now = DateTimeOffset.UtcNow;
        var span = (now.AddDays(-1) - first).TotalSeconds;
        var sw = Stopwatch.StartNew();
        long pauses = 0, open = 0;
        const int chunk = 50_000;
        for (var start = 0; start < count; start += chunk)
        {
            var cases = new List<Case>(chunk);
            var pauseRows = new List<CasePause>();
            for (var i = start; i < Math.Min(count, start + chunk); i++)
            {
                var submitted = first.AddSeconds(span * i / count).ToUniversalTime();
                // Deadlines as the working clock stores them, in +08:00: five days on, at the end of office hours.
                var due = new DateTimeOffset(submitted.ToOffset(China).Date.AddDays(7).AddHours(17.5), China);
                var recent = (now - submitted).TotalDays < 30;
                var c = new Case
                {
                    ZoneId = zoneId, TrackingCode = "BM" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture), CaseTypeId = typeId,
                    Description = "路灯不亮（基准数据）", Address = "高新区", Source = CaseSource.PublicPage,
                    AssignedUnitId = random.Next(20) == 0 ? null : units[random.Next(units.Count)].Id,
                    SubmittedAt = submitted, ResponseDueAt = due, ResolutionDueAt = due,
                };
                var roll = random.NextDouble();
                if (roll < 0.01)
                {
                    c.State = CaseState.Closed;
                    c.MergedIntoCaseId = Guid.NewGuid();
                }
                else if (recent ? roll < 0.21 : roll < 0.012)
                {
                    c.State = (CaseState)random.Next((int)CaseState.Submitted, (int)CaseState.WaitingForRequester + 1);
                    open++;
                    if (random.NextDouble() < 0.03 || c.State == CaseState.WaitingForRequester)
                    {
                        pauses++;
                        var from = submitted.AddHours(random.Next(1, 48));
                        pauseRows.Add(new CasePause { ZoneId = zoneId, CaseId = c.Id, From = from, To = c.State == CaseState.WaitingForRequester ? null : from.AddHours(random.Next(1, 72)) });
                    }
                }
                else if (roll < 0.04)
                {
                    c.State = CaseState.Rejected;
                    c.ClosedAt = submitted.AddHours(2);
                }
                else
                {
                    // Handling time: mostly within a working day or two, a long tail past the five-day target.
                    var hours = Math.Round(Math.Exp(random.NextDouble() * 4.2) - 0.5, 2);
                    c.HandlingWorkingHours = Math.Max(0.05, hours);
                    c.ResolvedOnTime = hours <= 35;
                    c.ResolvedAt = submitted.AddHours(hours * 24 / 7);
                    c.State = recent && random.NextDouble() < 0.5 ? CaseState.Resolved : CaseState.Closed;
                    if (c.State == CaseState.Closed) c.ClosedAt = c.ResolvedAt.Value.AddHours(4);
                    if (random.NextDouble() < 0.6)
                    {
                        c.Rating = (Satisfaction)Math.Clamp(5 - (int)Math.Floor(Math.Abs(random.NextDouble() * random.NextDouble() * 5)), 1, 5);
                        c.RatedAt = c.ResolvedAt.Value.AddHours(8);
                    }
                }
                cases.Add(c);
            }
            await using var db = await dbs.CreateDbContextAsync();
            db.UseZone(zoneId);
            await using var transaction = await db.BeginAuditedTransactionAsync();
            db.AuditReason = "benchmark data";
            await db.BulkInsertAsync(cases);
            if (pauseRows.Count > 0) await db.BulkInsertAsync(pauseRows);
            await transaction.CommitAsync();
            Console.WriteLine($"cases-generate: {Math.Min(count, start + chunk):N0} cases written ({sw.Elapsed.TotalSeconds:F0} s)");
        }
        Console.WriteLine($"cases-generate: {count:N0} cases ({open:N0} open, {pauses:N0} paused) over {units.Count} units in {sw.Elapsed.TotalSeconds:F1} s; " +
                          $"database {new FileInfo(Path.Combine(dataDir, "smartisland.db")).Length / 1024 / 1024} MB");
        return 0;
    }

    public static async Task<int> MeasureAsync(string dataDir, int rounds)
    {
        await using var provider = await PlatformAsync(dataDir);
        await using var scope = await AsLeaderAsync(provider);
        var metrics = scope.ServiceProvider.GetRequiredService<CaseMetricsService>();
        var dbs = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        await using (var db = await dbs.CreateDbContextAsync())
            Console.WriteLine($"cases-metrics: {await db.Set<Case>().CountAsync():N0} cases in the zone");

        // 1. The first read counts every case into the rollup (once per zone, e.g. after the upgrade).
        var sw = Stopwatch.StartNew();
        await metrics.ReportAsync(new MetricsQuery());
        Console.WriteLine($"cases-metrics: first read (rollup counted from all cases) {sw.Elapsed.TotalSeconds:F1} s; process peak {Environment.WorkingSet / 1024 / 1024} MB");

        var queries = new (string Name, MetricsQuery Query)[]
        {
            ("this month", new MetricsQuery(MetricsPeriodKind.ThisMonth)),
            ("last month", new MetricsQuery(MetricsPeriodKind.LastMonth)),
            ("this quarter", new MetricsQuery(MetricsPeriodKind.ThisQuarter)),
            ("this year", new MetricsQuery(MetricsPeriodKind.ThisYear)),
            ("custom 2025-03-15…2025-09-20", new MetricsQuery(MetricsPeriodKind.Custom, new DateOnly(2025, 3, 15), new DateOnly(2025, 9, 20))),
            ("custom 2025-01-01…today (all)", new MetricsQuery(MetricsPeriodKind.Custom, new DateOnly(2025, 1, 1), DateOnly.FromDateTime(DateTime.UtcNow))),
        };
        var kinds = Enum.GetValues<MetricsUnitKind>();
        var all = new List<double>();
        // 2. Steady state: nothing changed since the last read.
        foreach (var (name, query) in queries)
        {
            var timings = new List<double>();
            for (var i = 0; i < rounds + 3; i++)
            {
                var q = query with { UnitKind = kinds[i % kinds.Length], Sort = (MetricsSort)(i % Enum.GetValues<MetricsSort>().Length) };
                sw.Restart();
                var report = await metrics.ReportAsync(q);
                sw.Stop();
                if (i >= 3) timings.Add(sw.Elapsed.TotalMilliseconds); // the first reads warm the JIT and the page cache
                if (i == 0) Console.Write($"  {name,-30} received {report.Zone.Received,9:N0}, overdue now {report.Zone.OverdueNow,6:N0}: ");
            }
            all.AddRange(timings);
            Console.WriteLine(Summary(timings));
        }
        Console.WriteLine($"cases-metrics: all {all.Count} reads (5 unit kinds, 9 orders): {Summary(all)}");

        // 3. After a case changes: the next read also recounts that case's day and month.
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var afterChange = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await cases.SubmitAsync(new CaseSubmission { TypeCode = "request", Category = "street-light", Description = "基准：新诉求", Address = "高新区" });
            sw.Restart();
            await metrics.ReportAsync(new MetricsQuery(MetricsPeriodKind.ThisYear));
            afterChange.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"cases-metrics: read right after a case was submitted (this year): {Summary(afterChange)}");

        sw.Restart();
        var overdue = await metrics.OverdueReportAsync();
        Console.WriteLine($"cases-metrics: overdue report ({overdue.Total:N0} cases) {sw.Elapsed.TotalMilliseconds:F0} ms");
        return 0;
    }

    private static string Summary(List<double> timings)
    {
        var sorted = timings.Order().ToList();
        double P(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        return $"p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1]:F1} ms (n={sorted.Count})";
    }
}

