using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Cases.Metrics;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Case metrics, ranking and the overdue report over HTTP on both databases. Each test drives its own
/// cases through the API on its own days (the clock is set per step), then checks the figures against
/// numbers counted by hand from what it did — never against what the implementation computed.
/// December 2026 has no public holiday; office hours are 08:30–12:00 and 14:00–17:30 (7 h a day).
/// </summary>
public abstract class CaseMetricsBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory, IMetricsClockFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private HttpClient citizen = null!, dept = null!, leader = null!;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    /// <summary>Moves the platform's clock and signs in again (tokens are judged by the same clock).</summary>
    private async Task SetClockAsync(DateTimeOffset at)
    {
        factory.Clock.Set(at);
        citizen = await factory.ClientForAsync("citizen");
        dept = await factory.ClientForAsync("dept");
        leader = await factory.ClientForAsync("leader");
    }

    private async Task<Dictionary<string, Guid>> UnitsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(Ct);
        var zone = await db.Set<Zone>().IgnoreQueryFilters().Where(z => z.DivisionCode == "410471").Select(z => z.Id).SingleAsync(Ct);
        var units = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().UnitsAsync(zone, Ct);
        return units.ToDictionary(u => u.Name, u => u.Id);
    }

    private static async Task<CaseView> ReadAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CaseView>(Json, Ct))!;
    }

    private async Task<CaseView> SubmitAsync(string description = "路灯不亮") =>
        await ReadAsync(await citizen.PostAsJsonAsync("/api/cases", new CaseSubmission
        {
            TypeCode = "request", Category = "street-light", Description = description, Address = "高新区", RequesterPhone = "13800000000",
        }, Ct));

    private static async Task<CaseView> ActAsync(HttpClient client, Guid id, CaseAction action, CaseActionRequest? body = null) =>
        await ReadAsync(await client.PostAsJsonAsync($"/api/cases/{id}/actions/{action}", body ?? new CaseActionRequest(), Ct));

    /// <summary>Submitted now, then accepted, assigned to the unit and started by the department.</summary>
    private async Task<Guid> InProgressAtAsync(Guid unit)
    {
        var id = (await SubmitAsync()).Id;
        await ActAsync(dept, id, CaseAction.Accept);
        await ActAsync(dept, id, CaseAction.Assign, new CaseActionRequest { AssignToUnitId = unit });
        await ActAsync(dept, id, CaseAction.Start);
        return id;
    }

    private async Task ResolveAsync(Guid id) => await ActAsync(dept, id, CaseAction.Resolve, new CaseActionRequest { Reason = "已处理" });

    private async Task CloseAsync(Guid id)
    {
        await ActAsync(dept, id, CaseAction.Verify);
        await ActAsync(dept, id, CaseAction.Close);
    }

    private async Task RateAsync(Guid id, Satisfaction rating) =>
        await ReadAsync(await citizen.PostAsJsonAsync($"/api/cases/{id}/rating", new RatingRequest { Rating = rating }, Ct));

    private async Task<MetricsReport> MetricsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/cases/metrics?" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<MetricsReport>(Json, Ct))!;
    }

    private async Task<OverdueReport> OverdueAsync()
    {
        var response = await leader.GetAsync("/api/cases/overdue-report", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OverdueReport>(Json, Ct))!;
    }

    /// <summary>Excel's PERCENTILE.INC, written out here so the test does not borrow the code under test.</summary>
    private static double PercentileInc(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static double Score(double closure, double? onTime, double? satisfaction)
    {
        var weighted = 0.4 * closure + 0.3 * (onTime ?? 0) + 0.3 * (satisfaction ?? 0);
        var weights = 0.4 + (onTime is null ? 0 : 0.3) + (satisfaction is null ? 0 : 0.3);
        return Math.Round(100 * weighted / weights, 1);
    }

    [Fact]
    public async Task Figures_per_unit_are_those_of_the_cases_received_in_the_period_and_a_town_includes_its_villages_and_grids()
    {
        var units = await UnitsAsync();
        var d1 = units["科技创新局"];
        var p1 = units["高新火炬园"];
        var town = units["遵化店镇"];
        var village = units["蒲楼村"];
        var grid = units["遵化店镇第一网格"];

        // Monday 2026-12-07 09:00: everything is received; the resolution deadline is Mon 12-14 17:30.
        await SetClockAsync(At(12, 7, 9));
        var a1 = await InProgressAtAsync(d1);
        var a2 = await InProgressAtAsync(d1);
        var a3 = await InProgressAtAsync(d1);
        var a4 = await InProgressAtAsync(d1);
        var a5 = await InProgressAtAsync(d1);
        var duplicate = (await SubmitAsync("同一盏路灯")).Id;
        await ActAsync(dept, duplicate, CaseAction.Merge, new CaseActionRequest { MergeIntoCaseId = a1, Reason = "重复" });
        var p1Fixed = await InProgressAtAsync(p1);
        var p1Rejected = (await SubmitAsync()).Id;
        await ActAsync(dept, p1Rejected, CaseAction.Transfer, new CaseActionRequest { AssignToUnitId = p1, Reason = "属园区" });
        await ActAsync(dept, p1Rejected, CaseAction.Reject, new CaseActionRequest { Reason = "不属于受理范围" });
        var g1 = await InProgressAtAsync(grid);
        var v1 = await InProgressAtAsync(village);

        // Read once early: the first read counts everything, later reads follow the changes.
        var early = await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Department");
        early.Units.Single(u => u.UnitId == d1).Received.ShouldBe(5);
        early.Units.Single(u => u.UnitId == d1).Closed.ShouldBe(0);

        await SetClockAsync(At(12, 7, 10));
        await ResolveAsync(g1);                          // 1.00 working hour
        await SetClockAsync(At(12, 7, 11));
        await ResolveAsync(a1);                          // 2.00
        await ResolveAsync(a5);                          // 2.00, then rated 1 below: reopened, no longer resolved
        await RateAsync(a5, Satisfaction.VeryDissatisfied);
        await SetClockAsync(At(12, 7, 15));
        await ResolveAsync(p1Fixed);                     // 09–12 and 14–15: 4.00
        await SetClockAsync(At(12, 8, 10));
        await ResolveAsync(a2);                          // Mon 6.5 + Tue 1.5: 8.00
        await SetClockAsync(At(12, 15, 10));
        await ResolveAsync(a3);                          // Mon 6.5 + 4 × 7 + Mon 7 + Tue 1.5: 43.00, a day late
        await SetClockAsync(At(12, 15, 11));
        await CloseAsync(a1);
        await CloseAsync(p1Fixed);
        await RateAsync(a1, Satisfaction.VerySatisfied);
        await RateAsync(a2, Satisfaction.Neutral);
        await RateAsync(a3, Satisfaction.Satisfied);
        await RateAsync(p1Fixed, Satisfaction.Satisfied);
        await RateAsync(g1, Satisfaction.VerySatisfied);

        // Tue 12-15 11:00: a4 and the reopened a5 (D1) and v1 (village) are past Mon 12-14 17:30.
        var departments = await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Department");
        var d = departments.Units.Single(u => u.UnitId == d1);
        d.Received.ShouldBe(5);                          // a1–a5; the merged duplicate counts nowhere
        d.Closed.ShouldBe(1);
        d.ClosureRate!.Value.ShouldBe(1 / 5.0, 0.0001);
        d.Resolved.ShouldBe(3);                          // a1, a2, a3 (a5 was reopened)
        d.ResolvedOnTime.ShouldBe(2);
        d.OnTimeRate!.Value.ShouldBe(2 / 3.0, 0.0001);
        d.MedianHandlingHours.ShouldBe(PercentileInc([2, 8, 43], 0.5));
        d.P90HandlingHours!.Value.ShouldBe(PercentileInc([2, 8, 43], 0.9), 0.005);
        d.Rated.ShouldBe(4);                             // a1 5, a2 3, a3 4, a5 1
        d.Satisfied.ShouldBe(2);
        d.SatisfactionRate!.Value.ShouldBe(0.5, 0.0001);
        d.AverageRating!.Value.ShouldBe((5 + 3 + 4 + 1) / 4.0, 0.01);
        d.OverdueNow.ShouldBe(2);
        d.Score!.Value.ShouldBe(Score(1 / 5.0, 2 / 3.0, 2 / 4.0), 0.051);
        departments.Zone.Received.ShouldBe(9);           // everything received that Monday, less the duplicate

        var park = (await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Park")).Units.Single(u => u.UnitId == p1);
        (park.Received, park.Closed, park.Resolved, park.ResolvedOnTime, park.Rated, park.Satisfied).ShouldBe((2L, 2L, 1L, 1L, 1L, 1L));
        park.MedianHandlingHours.ShouldBe(4.0);

        var g = (await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Grid")).Units.Single(u => u.UnitId == grid);
        (g.Received, g.Closed, g.Resolved, g.OverdueNow).ShouldBe((1L, 0L, 1L, 0L));
        g.MedianHandlingHours.ShouldBe(1.0);

        var towns = await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Town");
        towns.Units.Select(u => u.Name).ShouldBe(["遵化店镇", "皇台街道"], ignoreOrder: true);
        var t = towns.Units.Single(u => u.UnitId == town);
        (t.Received, t.Closed, t.Resolved, t.ResolvedOnTime, t.Rated, t.Satisfied, t.OverdueNow).ShouldBe((2L, 0L, 1L, 1L, 1L, 1L, 1L));
        var villages = await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Village");
        villages.Units.Single(u => u.UnitId == village).Received.ShouldBe(1);
        villages.Units.ShouldContain(u => u.Name == "高阳社区");

        // D1 received nothing else: December read from its month row, and a span of month rows plus
        // day rows (2025-11-15…30), give the same figures as the day.
        foreach (var span in new[] { "from=2026-12-01&to=2026-12-31", "from=2025-11-15&to=2026-12-31" })
        {
            var m = (await MetricsAsync(leader, span + "&unitKind=Department")).Units.Single(u => u.UnitId == d1);
            (m.Received, m.Closed, m.Resolved, m.ResolvedOnTime, m.Rated, m.Satisfied, m.MedianHandlingHours, m.P90HandlingHours)
                .ShouldBe((d.Received, d.Closed, d.Resolved, d.ResolvedOnTime, d.Rated, d.Satisfied, d.MedianHandlingHours, d.P90HandlingHours), span);
        }

        // Counting every case again from scratch gives exactly what following the changes gave.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(Ct);
            db.UseZone(await db.Set<Zone>().IgnoreQueryFilters().Where(z => z.DivisionCode == "410471").Select(z => z.Id).SingleAsync(Ct));
            db.Remove(await db.Set<CaseMetricsWatermark>().SingleAsync(Ct));
            db.AuditReason = "test: count the rollup again";
            await db.SaveChangesAsync(Ct);
        }
        var recounted = await MetricsAsync(leader, "from=2026-12-07&to=2026-12-07&unitKind=Department");
        recounted.Units.ShouldBe(departments.Units);
        recounted.Zone.ShouldBe(departments.Zone);
    }

    [Fact]
    public async Task Units_are_ranked_by_the_composite_score_or_by_the_chosen_column()
    {
        var units = await UnitsAsync();
        var tax = units["税务局"];
        var party = units["党群工作部"];
        var hr = units["人力资源管理局"];

        // Thursday 2026-12-03 09:00.
        await SetClockAsync(At(12, 3, 9));
        var taxCases = new[] { await InProgressAtAsync(tax), await InProgressAtAsync(tax) };
        var partyCases = new[] { await InProgressAtAsync(party), await InProgressAtAsync(party), await InProgressAtAsync(party) };
        var hrCase = await InProgressAtAsync(hr);
        await SetClockAsync(At(12, 3, 9, 30));
        await ResolveAsync(hrCase);                      // 0.5 h
        await CloseAsync(hrCase);
        await SetClockAsync(At(12, 3, 10));
        foreach (var id in taxCases)
        {
            await ResolveAsync(id);                      // 1 h each
            await CloseAsync(id);
        }
        await SetClockAsync(At(12, 3, 12));
        await ResolveAsync(partyCases[0]);               // 3 h

        // By hand: tax 2 received, 2 closed, 2 on time; HR 1, 1, 1; party 3 received, 0 closed, 1 on time.
        var expected = new[]
        {
            (Id: tax, Name: "税务局", Received: 2, Score: Score(1, 1, null), Median: 1.0),
            (Id: hr, Name: "人力资源管理局", Received: 1, Score: Score(1, 1, null), Median: 0.5),
            (Id: party, Name: "党群工作部", Received: 3, Score: Score(0, 1, null), Median: 3.0),
        };
        var byScore = (await MetricsAsync(leader, "from=2026-12-03&to=2026-12-03&unitKind=Department")).Units;
        // Equal scores: the higher closure rate (equal here), then more received, first.
        var scoreOrder = expected.OrderByDescending(e => e.Score).ThenByDescending(e => e.Received).Select(e => e.Id).ToList();
        byScore.Take(3).Select(u => u.UnitId!.Value).ShouldBe(scoreOrder);
        byScore.Take(3).Select(u => u.Rank).ShouldBe([1, 2, 3]);
        byScore.Take(3).Select(u => u.Score!.Value).ShouldBe(scoreOrder.Select(id => expected.Single(e => e.Id == id).Score));
        byScore.Skip(3).ShouldAllBe(u => u.Received == 0 && u.Score == null && u.Rank == null);

        var byReceived = (await MetricsAsync(leader, "from=2026-12-03&to=2026-12-03&unitKind=Department&sort=Received")).Units;
        byReceived.Take(3).Select(u => u.UnitId!.Value).ShouldBe(expected.OrderByDescending(e => e.Received).Select(e => e.Id));

        var byMedian = (await MetricsAsync(leader, "from=2026-12-03&to=2026-12-03&unitKind=Department&sort=MedianHandlingHours")).Units;
        byMedian.Take(3).Select(u => u.UnitId!.Value).ShouldBe(expected.OrderBy(e => e.Median).Select(e => e.Id));
        byMedian.Take(3).Select(u => u.MedianHandlingHours!.Value).ShouldBe(expected.OrderBy(e => e.Median).Select(e => e.Median));
    }

    [Fact]
    public async Task The_overdue_report_lists_exactly_the_open_cases_past_their_deadline_with_pauses_moving_it()
    {
        var police = (await UnitsAsync())["高新公安分局"];

        // Wednesday 2026-12-09 09:00: due Wed 12-16 17:30.
        await SetClockAsync(At(12, 9, 9));
        var open = await InProgressAtAsync(police);
        var pausedOnce = await InProgressAtAsync(police);
        var resolved = await InProgressAtAsync(police);
        var waiting = await InProgressAtAsync(police);
        await SetClockAsync(At(12, 9, 10));
        await ActAsync(dept, pausedOnce, CaseAction.AskRequester, new CaseActionRequest { Reason = "请补充位置" });
        await SetClockAsync(At(12, 9, 11));
        await ResolveAsync(resolved);
        // Paused one minute short of 7 office hours (a pause a moment longer than 7 h would carry the due
        // time over the evening to Fri 08:30): due Thu 12-17 17:29.
        await SetClockAsync(At(12, 10, 9, 59));
        await ActAsync(citizen, pausedOnce, CaseAction.RequesterReplied);
        await SetClockAsync(At(12, 11, 10));
        await ActAsync(dept, waiting, CaseAction.AskRequester, new CaseActionRequest { Reason = "请补充照片" });

        // Thu 12-17 10:00: only "open" is overdue (1.5 office hours: 1 working day); the paused ones are not.
        await SetClockAsync(At(12, 17, 10));
        var thursday = await OverdueAsync();
        var mine = thursday.Cases.Where(c => c.UnitId == police).ToList();
        mine.Select(c => c.Id).ShouldBe([open]);
        mine[0].OverdueWorkingHours.ShouldBe(1.5, 0.01);
        mine[0].OverdueWorkingDays.ShouldBe(1);
        mine[0].Due.ShouldBe(At(12, 16, 17, 30));
        thursday.Units.Single(u => u.UnitId == police).Count.ShouldBe(1);
        (await MetricsAsync(leader, "from=2026-12-09&to=2026-12-09&unitKind=Department")).Units.Single(u => u.UnitId == police).OverdueNow.ShouldBe(1);

        // Fri 12-18 10:00: "open" 7 + 1.5 = 8.5 h (2 working days), "pausedOnce" 1 min + 1.5 h (1 day).
        await SetClockAsync(At(12, 18, 10));
        var friday = await OverdueAsync();
        var now = friday.Cases.Where(c => c.UnitId == police).ToDictionary(c => c.Id);
        now.Keys.ShouldBe([open, pausedOnce], ignoreOrder: true);
        (now[open].OverdueWorkingHours, now[open].OverdueWorkingDays).ShouldBe((8.5, 2));
        now[pausedOnce].OverdueWorkingHours.ShouldBe(1.5 + 1 / 60.0, 0.011);
        now[pausedOnce].OverdueWorkingDays.ShouldBe(1);
        // The pause began and ended a moment after the clock was set, so allow those moments.
        (now[pausedOnce].Due - At(12, 17, 17, 29)).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(30));
        (await MetricsAsync(leader, "from=2026-12-09&to=2026-12-09&unitKind=Department")).Units.Single(u => u.UnitId == police).OverdueNow.ShouldBe(2);

        // The whole report against every case of the zone, judged by each case's own deadline status.
        var list = (await leader.GetFromJsonAsync<CasePage>("/api/cases?pageSize=200", Json, Ct))!;
        list.Total.ShouldBeLessThan(200);
        var expected = new List<Guid>();
        foreach (var item in list.Items.Where(i => i.State is not (CaseState.Closed or CaseState.Rejected or CaseState.Resolved or CaseState.Verified)))
        {
            var view = await ReadAsync(await leader.GetAsync($"/api/cases/{item.Id}", Ct));
            if (view.Resolution.IsOverdue) expected.Add(view.Id);
        }
        friday.Cases.Select(c => c.Id).ShouldBe(expected, ignoreOrder: true);
        friday.Total.ShouldBe(expected.Count);
        friday.Cases.Select(c => c.SubmittedAt).ShouldBeInOrder(SortDirection.Ascending);
        friday.Units.Sum(u => u.Count).ShouldBe(friday.Total);
    }

    [Fact]
    public async Task Only_leaders_administrators_and_departments_may_read_and_bad_input_is_a_problem_naming_the_field()
    {
        await SetClockAsync(At(12, 21, 9));
        (await citizen.GetAsync("/api/cases/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await citizen.GetAsync("/api/cases/overdue-report", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await citizen.GetAsync("/api/cases/metrics/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientForAsync("grid")).GetAsync("/api/cases/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.CreateClient().GetAsync("/api/cases/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await dept.GetAsync("/api/cases/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await factory.ClientForAsync("admin")).GetAsync("/api/cases/overdue-report", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var (query, field) in new[] { ("unitKind=Planet", "unitKind"), ("from=2026-12-10&to=2026-12-01", "to"), ("from=12/01/2026", "from"), ("sort=Height", "sort"), ("period=Custom", "from") })
        {
            var response = await leader.GetAsync("/api/cases/metrics?" + query, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(query);
        }

        // Zone-scoped: with a case of the first zone overdue, the second zone's leader sees none of it.
        var desk = (await UnitsAsync())["行政服务中心"];
        await SetClockAsync(At(12, 14, 9));
        var overdue = await InProgressAtAsync(desk);     // due Mon 12-21 17:30
        await SetClockAsync(At(12, 22, 10));
        (await OverdueAsync()).Cases.ShouldContain(c => c.Id == overdue);
        (await MetricsAsync(leader, "from=2026-12-14&to=2026-12-14")).Zone.OverdueNow.ShouldBeGreaterThan(0);
        var bLeader = await factory.ClientForAsync("b-leader");
        var other = await MetricsAsync(bLeader, "from=2026-12-01&to=2026-12-31");
        (other.Zone.Received, other.Zone.OverdueNow).ShouldBe((0L, 0L));
        (await bLeader.GetFromJsonAsync<OverdueReport>("/api/cases/overdue-report", Json, Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_period_without_cases_has_no_figures_and_no_ranks_and_the_exports_are_excel_files()
    {
        await SetClockAsync(At(12, 22, 9));
        var empty = await MetricsAsync(leader, "from=2025-03-01&to=2025-03-31&unitKind=Park");
        empty.Zone.Received.ShouldBe(0);
        empty.Zone.ClosureRate.ShouldBeNull();
        empty.Units.Count.ShouldBe(5);
        empty.Units.ShouldAllBe(u => u.Received == 0 && u.Score == null && u.Rank == null && u.MedianHandlingHours == null);

        var export = await leader.GetAsync("/api/cases/metrics/export?from=2026-12-01&to=2026-12-31&unitKind=Park", Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(5);                          // one row per park
        rows.Select(r => r["单位"]?.ToString()).ShouldContain("高新火炬园");

        var overdue = await leader.GetAsync("/api/cases/overdue-report/export", Ct);
        overdue.StatusCode.ShouldBe(HttpStatusCode.OK);
        var overdueRows = MiniExcelLibs.MiniExcel.Query(await overdue.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var report = await OverdueAsync();
        overdueRows.Count(r => r["编号"] is not null).ShouldBe(report.Total);
    }
}

/// <summary>A factory whose clock each test sets (and which then runs on in real time).</summary>
public interface IMetricsClockFactory
{
    SettableClock Clock { get; }
}

public sealed class SettableClock : TimeProvider
{
    private DateTimeOffset start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private DateTimeOffset realStart = DateTimeOffset.UtcNow;
    private readonly Lock gate = new();

    public void Set(DateTimeOffset at)
    {
        lock (gate)
        {
            start = at;
            realStart = DateTimeOffset.UtcNow;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return start.ToUniversalTime() + (DateTimeOffset.UtcNow - realStart);
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}

public sealed class MetricsSqliteFactory : SqliteFactory, IMetricsClockFactory
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class MetricsPostgresFactory : PostgresFactory, IMetricsClockFactory
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class CaseMetricsOnSqlite(MetricsSqliteFactory factory) : CaseMetricsBehaviour<MetricsSqliteFactory>(factory), IClassFixture<MetricsSqliteFactory>;

public sealed class CaseMetricsOnPostgres(MetricsPostgresFactory factory) : CaseMetricsBehaviour<MetricsPostgresFactory>(factory), IClassFixture<MetricsPostgresFactory>;
