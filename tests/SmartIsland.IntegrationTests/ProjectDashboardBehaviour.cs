using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Organisation.Domain;
using SmartIsland.Projects.Domain;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// The key-project dashboard (issue 6 §9) over HTTP on both databases; the clock stands at Wed 2026-11-25 10:00 (+08:00),
/// before the 18:00 report deadline. Projects are arranged in the second zone (洛阳, account b-admin), which the demo
/// gives no projects, so every figure below is counted by hand from the five projects arranged here.
/// </summary>
public abstract class ProjectDashboardBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private const string ZoneB = "410371";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], body);
        return JsonNode.Parse(body)!;
    }

    private static JsonNode Phase(JsonNode d, string phase) => d["byPhase"]!.AsArray().Single(p => p!["phase"]!.GetValue<string>() == phase)!;

    private static JsonNode Park(JsonNode d, Guid? park) =>
        d["byPark"]!.AsArray().Single(p => (p!["parkId"]?.GetValue<Guid?>()) == park)!;

    [Fact]
    public async Task Phases_parks_investment_against_plan_lagging_and_missing_reports_are_the_hand_counted_figures()
    {
        var park = await ProjectSeeds.ReadAsync(factory, async db =>
        {
            var zone = await EnterpriseSeeds.ZoneIdAsync(factory, ZoneB);
            return await db.Set<Park>().IgnoreQueryFilters().Where(p => p.ZoneId == zone).Select(p => p.Id).SingleAsync(Ct);
        });
        // On plan (1,000 of 1,200 by the end of October) and reported today.
        await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, park, total: 5000, division: ZoneB, yearPlan: (2026, 1200),
            investment: [.. Enumerable.Range(1, 10).Select(m => (2026, m, 100m))], reportDays: [D(11, 24), D(11, 25)]);
        // 50 of 500 planned to date: 90 % behind, red; last report yesterday, none yet today.
        var behind = await ProjectSeeds.AddAsync(factory, ProjectPhase.Started, park, total: 3000, division: ZoneB, yearPlan: (2026, 600),
            investment: [(2026, 3, 50m)], reportDays: [D(11, 24)]);
        // Signed only: owes no report and cannot lag; its plan counts, nothing completed.
        await ProjectSeeds.AddAsync(factory, ProjectPhase.Signed, null, total: 800, division: ZoneB, yearPlan: (2026, 200));
        // In production: December 2025 is another year's investment.
        await ProjectSeeds.AddAsync(factory, ProjectPhase.InProduction, park, total: 2000, division: ZoneB, yearPlan: (2026, 100),
            investment: [(2025, 12, 300m), (2026, 2, 150m)]);
        // A milestone of Mon 23 November not reached: two working days overdue today, yellow; last report Friday 20th.
        await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, null, total: 1000, division: ZoneB,
            milestones: [("主体结构封顶", D(11, 23), null)], reportDays: [D(11, 20)]);

        var admin = await factory.ClientForAsync("b-admin");
        var d = await OkAsync(await admin.GetAsync("/api/projects/dashboard?year=2026", Ct));
        d["year"]!.GetValue<int>().ShouldBe(2026);
        d["projects"]!.GetValue<int>().ShouldBe(5);
        d["totalInvestment"]!.GetValue<decimal>().ShouldBe(11800m);
        string[] phases = ["Signed", "Started", "UnderConstruction", "Completed", "InProduction"];
        phases.Select(p => Phase(d, p)["count"]!.GetValue<int>()).ShouldBe([1, 1, 2, 0, 1]);
        phases.Select(p => Phase(d, p)["totalInvestment"]!.GetValue<decimal>()).ShouldBe([800m, 3000m, 6000m, 0m, 2000m]);

        var inPark = Park(d, park);
        (inPark["count"]!.GetValue<int>(), inPark["totalInvestment"]!.GetValue<decimal>()).ShouldBe((3, 10000m));
        (inPark["planned"]!.GetValue<decimal>(), inPark["completed"]!.GetValue<decimal>(), inPark["share"]!.GetValue<decimal>()).ShouldBe((1900m, 1200m, 0.632m));
        var noPark = Park(d, null);
        (noPark["count"]!.GetValue<int>(), noPark["totalInvestment"]!.GetValue<decimal>(), noPark["planned"]!.GetValue<decimal>(), noPark["completed"]!.GetValue<decimal>())
            .ShouldBe((2, 1800m, 200m, 0m));
        var investment = d["investment"]!;
        (investment["planned"]!.GetValue<decimal>(), investment["completed"]!.GetValue<decimal>(), investment["share"]!.GetValue<decimal>()).ShouldBe((2100m, 1200m, 0.571m));

        (d["laggingRed"]!.GetValue<int>(), d["laggingYellow"]!.GetValue<int>()).ShouldBe((1, 1));
        d["missingToday"]!.GetValue<int>().ShouldBe(2);
        d["reportDuePassed"]!.GetValue<bool>().ShouldBeFalse();

        // A report sent through the app moves the project's last report day: one fewer missing today, still red for investment.
        using var form = new MultipartFormDataContent { { new StringContent("钢结构吊装", Encoding.UTF8), "text" } };
        await OkAsync(await admin.PostAsync($"/api/projects/{behind.Code}/reports", form, Ct));
        d = await OkAsync(await admin.GetAsync("/api/projects/dashboard?year=2026", Ct));
        d["missingToday"]!.GetValue<int>().ShouldBe(1);
        (d["laggingRed"]!.GetValue<int>(), d["laggingYellow"]!.GetValue<int>()).ShouldBe((1, 1));

        // Another year: only December 2025's investment, and no plans.
        var before = await OkAsync(await admin.GetAsync("/api/projects/dashboard?year=2025", Ct));
        (before["investment"]!["planned"]!.GetValue<decimal>(), before["investment"]!["completed"]!.GetValue<decimal>()).ShouldBe((0m, 300m));
        before["investment"]!["share"].ShouldBeNull();

        var export = await admin.GetAsync("/api/projects/dashboard/export?year=2026", Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await export.Content.ReadAsByteArrayAsync(Ct)).Take(2).ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task Only_staff_read_the_dashboard_and_a_year_out_of_range_is_refused_naming_the_field()
    {
        foreach (var account in new[] { "enterprise", "citizen", "grid" })
        {
            var response = await (await factory.ClientForAsync(account)).GetAsync("/api/projects/dashboard", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, account);
            (await (await factory.ClientForAsync(account)).GetAsync("/api/projects/dashboard/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, account);
        }
        var leader = await factory.ClientForAsync("leader");
        var bad = await leader.GetAsync("/api/projects/dashboard?year=1999", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["year"]);
        (await OkAsync(await (await factory.ClientForAsync("park")).GetAsync("/api/projects/dashboard", Ct)))["year"]!.GetValue<int>().ShouldBe(2026);
    }
}

public sealed class ProjectDashboardOnSqlite(CasesSqliteFactory factory) : ProjectDashboardBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class ProjectDashboardOnPostgres(CasesPostgresFactory factory) : ProjectDashboardBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
