using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cultivation.Performance;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Scoring.Engine;
using SmartIsland.Scoring.Features;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// 亩均效益 over HTTP on both databases. Each test builds its own small registry in the second demo zone (洛阳, account
/// b-admin) with figures for a year no other test uses, so a run of that year sees exactly those enterprises.
/// </summary>
public abstract class PerformanceBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private const string ZoneB = "410371";

    private sealed record Figures(decimal? Tax, decimal? Land, decimal? ValueAdded, decimal? Energy, decimal? Rd, decimal? MainRevenue, decimal? Revenue = null, int? Employees = 100);

    /// <summary>Registers enterprises with one year's figures (money in yuan) straight into the zone's registry.</summary>
    private async Task<Dictionary<string, Guid>> RegistryAsync(int year, int codeBase, params (string Name, Figures F)[] firms)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(Ct);
        db.UseZone(await db.Set<Zone>().IgnoreQueryFilters().Where(z => z.DivisionCode == ZoneB).Select(z => z.Id).SingleAsync(Ct));
        var ids = new Dictionary<string, Guid>();
        var i = 0;
        foreach (var (name, f) in firms)
        {
            var e = new Enterprise { Name = name, CreditCode = SmartIsland.Host.DemoData.DemoSeeder.SyntheticCreditCode(codeBase + i++, "410300"), IndustryCode = "C3490" };
            db.Add(e);
            db.Add(new YearlyIndicator
            {
                EnterpriseId = e.Id, Year = year, TaxPaid = f.Tax, LandMu = f.Land, ValueAdded = f.ValueAdded, EnergyUseTce = f.Energy,
                RdExpense = f.Rd, MainBusinessRevenue = f.MainRevenue, Revenue = f.Revenue, Employees = f.Employees,
            });
            ids[name] = e.Id;
        }
        db.AuditReason = "test registry";
        await db.SaveChangesAsync(Ct);
        return ids;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        var problem = JsonDocument.Parse(body).RootElement;
        if (expected == HttpStatusCode.BadRequest) problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
        return problem;
    }

    /// <summary>Tax per mu 50 (benchmark 10 万元/亩), value added per tce 30 (2 万元/tce, average when missing), R&amp;D ratio 20 (4%); caps 1.5×; A 25% / B 70% / C 95% / D.</summary>
    private static SchemeDefinition TestScheme => new()
    {
        Indicators =
        [
            PerformanceDefaults.Indicator(PerMuIndicators.TaxPerMu, 50, 10, MissingValuePolicy.Zero),
            PerformanceDefaults.Indicator(PerMuIndicators.ValueAddedPerEnergy, 30, 2, MissingValuePolicy.AverageOfOthers),
            PerformanceDefaults.Indicator(PerMuIndicators.RdRatio, 20, 4, MissingValuePolicy.Zero),
        ],
        Grading = GradingKind.ByShare,
        Grades = [new("A", UpToShare: 0.25m), new("B", UpToShare: 0.70m), new("C", UpToShare: 0.95m), new("D", UpToShare: 1m)],
        ExcludedManagedAs = "B",
    };

    private static async Task<PerformanceSchemeView> PutSchemeAsync(HttpClient client, SchemeDefinition definition)
    {
        var current = await ReadAsync<PerformanceSchemeView>(await client.GetAsync("/api/performance/scheme", Ct));
        return await ReadAsync<PerformanceSchemeView>(await client.PutAsJsonAsync("/api/performance/scheme",
            new { definition, revision = current.Revision, reason = "test scheme" }, Json, Ct));
    }

    [Fact]
    public async Task A_year_is_graded_as_hand_computed_with_the_missing_land_said_the_average_used_and_the_excluded_firm_managed_as_B()
    {
        var admin = await factory.ClientForAsync("b-admin");
        const decimal Wan = 10_000m;
        var ids = await RegistryAsync(2021, 5_000,
            // tax 15 万元/亩 → 75 (cap); VA/tce 4 → 45 (cap); R&D 4% → 20: total 140
            ("亩均一号", new Figures(300 * Wan, 20, 2_000 * Wan, 500, 400 * Wan, 10_000 * Wan)),
            // 5 → 25; 1 → 15; 2% → 10: 50
            ("亩均二号", new Figures(100 * Wan, 20, 1_000 * Wan, 1_000, 200 * Wan, 10_000 * Wan)),
            // 5 → 25; no energy figure → the average of 45, 15, 45, 15 = 30; 3% → 15: 70
            ("亩均三号", new Figures(200 * Wan, 40, 500 * Wan, null, 300 * Wan, 10_000 * Wan)),
            // no land → 0, said; 3 → 45; R&D over revenue (no main business revenue): 2% → 10: 55
            ("亩均四号", new Figures(100 * Wan, null, 600 * Wan, 200, 100 * Wan, null, Revenue: 5_000 * Wan)),
            // 15 → 75; 1 → 15; 0% → 0: 90
            ("亩均五号", new Figures(150 * Wan, 10, 500 * Wan, 500, 0, 10_000 * Wan)),
            // a utility, excluded: scored (75 + 45 + 0 = 120) but neither ranked nor in the average (it would make 亩均三号 73)
            ("亩均水务", new Figures(1_000 * Wan, 10, 2_000 * Wan, 100, 0, 10_000 * Wan)));
        await PutSchemeAsync(admin, TestScheme);
        await ReadAsync<ExclusionView>(await admin.PostAsJsonAsync("/api/performance/exclusions", new { enterpriseId = ids["亩均水务"], reason = "公用事业" }, Ct));

        var outcome = await ReadAsync<PerformanceRunOutcome>(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2021" }, Ct));
        outcome.Scored.ShouldBe(6);
        outcome.WithoutFigures.ShouldContain("洛阳示例智能装备有限公司"); // demo firms have no 2021 figures: listed, not scored
        outcome.WithoutFiguresCount.ShouldBe(outcome.WithoutFigures.Count);

        var results = await ReadAsync<PerformanceResults>(await admin.GetAsync("/api/performance/results?period=2021&pageSize=50", Ct));
        var rows = results.Items.ToDictionary(r => r.Name);
        rows.Count.ShouldBe(6);
        (rows["亩均一号"].Total, rows["亩均一号"].Rank, rows["亩均一号"].Grade).ShouldBe((140m, 1, "A"));
        (rows["亩均五号"].Total, rows["亩均五号"].Rank, rows["亩均五号"].Grade).ShouldBe((90m, 2, "B"));
        (rows["亩均三号"].Total, rows["亩均三号"].Rank, rows["亩均三号"].Grade).ShouldBe((70m, 3, "B"));
        (rows["亩均四号"].Total, rows["亩均四号"].Rank, rows["亩均四号"].Grade).ShouldBe((55m, 4, "C"));
        (rows["亩均二号"].Total, rows["亩均二号"].Rank, rows["亩均二号"].Grade).ShouldBe((50m, 5, "D"));
        (rows["亩均水务"].Total, rows["亩均水务"].Rank, rows["亩均水务"].Grade, rows["亩均水务"].Excluded).ShouldBe((120m, null, "B", true));

        var noLand = rows["亩均四号"].Items.Single(i => i.Key == PerMuIndicators.TaxPerMu);
        (noLand.Missing, noLand.Points).ShouldBe((true, 0m));
        noLand.MissingReason!.ShouldContain("用地面积");
        var average = rows["亩均三号"].Items.Single(i => i.Key == PerMuIndicators.ValueAddedPerEnergy);
        (average.AverageUsed, average.Points).ShouldBe((true, 30m));
        rows["亩均一号"].Items.Single(i => i.Key == PerMuIndicators.TaxPerMu).Value.ShouldBe(15m);
        results.Run.GradeCounts.ShouldBe(new Dictionary<string, int> { ["A"] = 1, ["B"] = 3, ["C"] = 1, ["D"] = 1 });

        var page = await ReadAsync<PerformanceResults>(await admin.GetAsync("/api/performance/results?period=2021&grade=B&sort=Name&pageSize=2", Ct));
        (page.Total, page.Items.Count).ShouldBe((3, 2));

        // The grade card shows the grade, rank and the policies of grade A.
        var card = await ReadAsync<GradeCard>(await admin.GetAsync($"/api/performance/enterprises/{ids["亩均一号"]}", Ct));
        (card.Yearly!.Grade, card.Yearly.Rank, card.Yearly.GradedCount).ShouldBe(("A", 1, 5));
        card.Policies.Count.ShouldBe(6);
        card.Policies.ShouldAllBe(p => p.Grade == "A");

        // Quarterly monitoring runs on the year's figures and leaves the yearly grade as it was.
        var quarter = await ReadAsync<PerformanceRunOutcome>(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2021Q2" }, Ct));
        quarter.YearlyFiguresForQuarter.ShouldBeTrue();
        var again = await ReadAsync<GradeCard>(await admin.GetAsync($"/api/performance/enterprises/{ids["亩均二号"]}", Ct));
        (again.Yearly!.Period, again.Yearly.Grade, again.Monitoring!.Period, again.Monitoring.Grade).ShouldBe(("2021", "D", "2021Q2", "D"));

        // The ledger for the departments: one row per enterprise with the policy its grade brings.
        var xlsx = await admin.GetAsync("/api/performance/export?period=2021&english=false", Ct);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = await xlsx.Content.ReadAsStreamAsync(Ct);
        var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        sheet.Count.ShouldBe(6);
        var first = sheet.Single(r => (string?)r["企业名称"] == "亩均一号");
        first["等级"].ShouldBe("A");
        first["用地"]!.ToString()!.ShouldBe(card.Policies.Single(p => p.Lever == PolicyLever.Land).TextZh);
    }

    [Fact]
    public async Task Bad_schemes_and_periods_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await factory.ClientForAsync("b-admin");
        var before = await ReadAsync<PerformanceSchemeView>(await admin.GetAsync("/api/performance/scheme", Ct));

        var negative = TestScheme with { Indicators = [TestScheme.Indicators[0] with { Weight = -50 }, TestScheme.Indicators[1], TestScheme.Indicators[2]] };
        await ProblemAsync(await admin.PutAsJsonAsync("/api/performance/scheme", new { definition = negative, revision = before.Revision }, Json, Ct), HttpStatusCode.BadRequest, "indicators[0].weight");

        var ninety = TestScheme with { Indicators = [TestScheme.Indicators[0] with { Weight = 40 }, TestScheme.Indicators[1], TestScheme.Indicators[2]] };
        var sum = await ProblemAsync(await admin.PutAsJsonAsync("/api/performance/scheme", new { definition = ninety, revision = before.Revision }, Json, Ct), HttpStatusCode.BadRequest, "indicators");
        sum.GetProperty("errors").GetProperty("indicators")[0].GetString()!.ShouldContain("100");

        var unknown = TestScheme with { Indicators = [TestScheme.Indicators[0] with { Key = "emission-per-mu" }, TestScheme.Indicators[1], TestScheme.Indicators[2]] };
        await ProblemAsync(await admin.PutAsJsonAsync("/api/performance/scheme", new { definition = unknown, revision = before.Revision }, Json, Ct), HttpStatusCode.BadRequest, "indicators[0].key");

        var stale = await PutSchemeAsync(admin, TestScheme);
        await ProblemAsync(await admin.PutAsJsonAsync("/api/performance/scheme", new { definition = TestScheme, revision = stale.Revision - 1 }, Json, Ct), HttpStatusCode.Conflict, "revision");
        (await ReadAsync<PerformanceSchemeView>(await admin.GetAsync("/api/performance/scheme", Ct))).Revision.ShouldBe(stale.Revision);

        var runsBefore = (await ReadAsync<List<RunSummary>>(await admin.GetAsync("/api/performance/runs", Ct))).Count;
        await ProblemAsync(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2021Q5" }, Ct), HttpStatusCode.BadRequest, "period");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "去年" }, Ct), HttpStatusCode.BadRequest, "period");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2099" }, Ct), HttpStatusCode.BadRequest, "period");
        var empty = await ProblemAsync(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2001" }, Ct), HttpStatusCode.BadRequest, "period");
        empty.GetProperty("errors").GetProperty("period")[0].GetString()!.ShouldContain("2001");
        (await ReadAsync<List<RunSummary>>(await admin.GetAsync("/api/performance/runs", Ct))).Count.ShouldBe(runsBefore);
        (await admin.GetAsync("/api/performance/results?period=2001", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revision_applies_from_its_effective_date_and_reruns_keep_the_history_of_the_period()
    {
        var admin = await factory.ClientForAsync("b-admin");
        const decimal Wan = 10_000m;
        var ids = await RegistryAsync(2020, 6_000,
            ("历史甲", new Figures(100 * Wan, 10, 400 * Wan, 200, 400 * Wan, 10_000 * Wan)),  // tax 10 → 50; VA/tce 2 → 30; 4% → 20
            ("历史乙", new Figures(50 * Wan, 10, 200 * Wan, 200, 200 * Wan, 10_000 * Wan)));  // 5 → 25; 1 → 15; 2% → 10
        var old = await PutSchemeAsync(admin, TestScheme);
        // A later revision that only applies from 2022: tax per mu alone.
        var later = await ReadAsync<PerformanceSchemeView>(await admin.PutAsJsonAsync("/api/performance/scheme", new
        {
            definition = TestScheme with { Indicators = [TestScheme.Indicators[0] with { Weight = 100 }] },
            revision = old.Revision, effectiveFrom = "2022-01-01", reason = "2022 年起只看亩均税收",
        }, Json, Ct));
        later.Revision.ShouldBe(old.Revision + 1);

        var first = await ReadAsync<PerformanceRunOutcome>(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2020" }, Ct));
        first.Run.SchemeRevision.ShouldBe(old.Revision);
        var results = await ReadAsync<PerformanceResults>(await admin.GetAsync("/api/performance/results?period=2020", Ct));
        results.Items.Select(r => (r.Name, r.Total)).ShouldBe([("历史甲", 100m), ("历史乙", 50m)]);

        await ReadAsync<ExclusionView>(await admin.PostAsJsonAsync("/api/performance/exclusions", new { enterpriseId = ids["历史甲"], reason = "初创期" }, Ct));
        var second = await ReadAsync<PerformanceRunOutcome>(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2020" }, Ct));
        (await admin.DeleteAsync($"/api/performance/exclusions/{ids["历史甲"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var runs = await ReadAsync<List<RunSummary>>(await admin.GetAsync("/api/performance/runs", Ct));
        runs.Where(r => r.Period == "2020").Select(r => r.Id).ShouldBe([second.Run.Id, first.Run.Id]); // newest first, both kept

        var card = await ReadAsync<GradeCard>(await admin.GetAsync($"/api/performance/enterprises/{ids["历史乙"]}", Ct));
        (card.Yearly!.Rank, card.Yearly.GradedCount).ShouldBe((1, 1)); // the latest run of 2020: 历史甲 was left out of grading
    }

    [Fact]
    public async Task Policies_start_illustrative_and_a_stale_or_empty_edit_is_refused()
    {
        var admin = await factory.ClientForAsync("b-admin");
        var policies = await ReadAsync<List<PolicyView>>(await admin.GetAsync("/api/performance/policies", Ct));
        var finance = policies.Single(p => p.Grade == "C" && p.Lever == PolicyLever.Finance);
        (finance.Illustrative, finance.Version).ShouldBe((true, 0));

        await ProblemAsync(await admin.PutAsJsonAsync("/api/performance/policies/C/Finance", new { textZh = " ", version = 0 }, Ct), HttpStatusCode.BadRequest, "textZh");
        var saved = await ReadAsync<PolicyView>(await admin.PutAsJsonAsync("/api/performance/policies/C/Finance",
            new { textZh = "C 类企业贷款贴息减半", textEn = "Half the interest subsidy", version = 0, reason = "管委会 2026 年文件" }, Ct));
        saved.Illustrative.ShouldBeFalse();
        await ProblemAsync(await admin.PutAsJsonAsync("/api/performance/policies/C/Finance", new { textZh = "又一次", version = 0 }, Ct), HttpStatusCode.Conflict, "version");
        var after = await ReadAsync<List<PolicyView>>(await admin.GetAsync("/api/performance/policies", Ct));
        after.Single(p => p.Grade == "C" && p.Lever == PolicyLever.Finance).TextZh.ShouldBe("C 类企业贷款贴息减半");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_performance_endpoints()
    {
        var client = await factory.ClientForAsync("dept");
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = doc.GetProperty("paths");
        paths.GetProperty("/api/performance/runs").GetProperty("post").GetProperty("summary").GetString()!.ShouldContain("2025Q3");
        paths.GetProperty("/api/performance/scheme").GetProperty("put").GetProperty("summary").GetString()!.ShouldContain("100");
        paths.TryGetProperty("/api/performance/enterprises/{id}", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_enterprise_user_reads_only_its_own_card_and_cannot_run_or_configure()
    {
        var enterprise = await factory.ClientForAsync("enterprise");
        await ProblemAsync(await enterprise.PostAsJsonAsync("/api/performance/runs", new { period = "2024" }, Ct), HttpStatusCode.Forbidden, "");
        await ProblemAsync(await enterprise.PutAsJsonAsync("/api/performance/scheme", new { definition = TestScheme, revision = 0 }, Json, Ct), HttpStatusCode.Forbidden, "");
        (await enterprise.GetAsync("/api/performance/results?period=2024", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var dept = await factory.ClientForAsync("dept");
        var others = await dept.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=50", Ct);
        var own = await enterprise.GetFromJsonAsync<JsonElement>("/api/enterprises", Ct);
        var ownId = own.GetProperty("items")[0].GetProperty("id").GetGuid();
        var otherId = others.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).First(id => id != ownId);
        (await enterprise.GetAsync($"/api/performance/enterprises/{ownId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await enterprise.GetAsync($"/api/performance/enterprises/{otherId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class PerformanceOnSqlite(SqliteFactory factory) : PerformanceBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class PerformanceOnPostgres(PostgresFactory factory) : PerformanceBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
