using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Timeliness;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Timeliness figures over HTTP on both databases. Each test seeds completed applications of its own departments in
/// its own month of 2025 and checks every figure against numbers worked out by hand here, with the 2025 calendar:
/// 清明节 is Friday 4 April to Sunday 6 April, so accepted Thursday 3 April and completed Monday 7 April is 1 working day.
/// </summary>
public abstract class TimelinessBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, ApplicationSeeds.China);

    private async Task<ServiceItem> ItemAsync(Guid department, string name, int statutory, int promised) =>
        await ApplicationSeeds.ItemAsync(factory, department, name, statutory, promised);

    private static ApplicationChannel Online => ApplicationChannel.Online;
    private static ApplicationChannel Window => ApplicationChannel.Window;

    /// <summary>Three departments in a month of 2025: A with every kind of case, B and C equal on every ranking key.</summary>
    private async Task<(Guid A, Guid B, Guid C, string[] Names)> SeedMonthAsync(int month)
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var names = new[] { ApplicationSeeds.Fresh("甲局"), ApplicationSeeds.Fresh("乙局"), ApplicationSeeds.Fresh("丙局") };
        var aImmediate = await ItemAsync(a, names[0], statutory: 20, promised: 0);
        var aStandard = await ItemAsync(a, names[0], statutory: 20, promised: 5);
        var aNoStatutory = await ItemAsync(a, names[0], statutory: 0, promised: 3);
        var bItem = await ItemAsync(b, names[1], statutory: 10, promised: 5);
        var cItem = await ItemAsync(c, names[2], statutory: 10, promised: 5);
        var crossing = await ApplicationSeeds.BundleAsync(factory, At(month, 21, 9));
        var oneDepartment = await ApplicationSeeds.BundleAsync(factory, At(month, 21, 9));
        var utc = TimeSpan.Zero;

        await ApplicationSeeds.AddAsync(factory,
            // A1: 即办件; submitted 00:10 and completed 00:30 on 1 April in China (still 31 March in UTC): in the period, same day, immediate.
            ApplicationSeeds.Completed(aImmediate, Window, new DateTimeOffset(2025, month - 1, DaysIn(month - 1), 16, 10, 0, utc), new DateTimeOffset(2025, month - 1, DaysIn(month - 1), 16, 15, 0, utc),
                new DateTimeOffset(2025, month - 1, DaysIn(month - 1), 16, 30, 0, utc), 0, true),
            // A2: approved automatically within the minute: immediate and same day, online.
            ApplicationSeeds.Completed(aStandard, Online, At(month, 2, 9), At(month, 2, 9), At(month, 2, 9, 1), 0, true, autoApproved: true),
            // A3: the workflow stored no day count; the calendar gives 1 (the holiday and the weekend do not count).
            ApplicationSeeds.Completed(aStandard, Online, At(month, 3, 16), At(month, 3, 16, 30), At(month, 7, 10), null, true),
            // A4: 8 working days against a promise of 5: late.
            ApplicationSeeds.Completed(aStandard, Window, At(month, 8, 9), At(month, 8, 10), At(month, 18, 16), 8, false),
            // A5: no statutory limit (no speed-up); part of a bundle with B1: cross-department.
            ApplicationSeeds.Completed(aNoStatutory, Online, At(month, 21, 9), At(month, 21, 9), At(month, 22, 11), 1, true, bundleId: crossing.Id),
            ApplicationSeeds.Completed(bItem, Window, At(month, 21, 9), At(month, 21, 10), At(month, 23, 15), 2, true, bundleId: crossing.Id),
            ApplicationSeeds.Completed(bItem, Online, At(month, 24, 9), At(month, 24, 10), At(month, 25, 15), 1, true),
            // C: the same figures as B; its two applications share a bundle of one department only.
            ApplicationSeeds.Completed(cItem, Window, At(month, 21, 9), At(month, 21, 10), At(month, 23, 15), 2, true, bundleId: oneDepartment.Id),
            ApplicationSeeds.Completed(cItem, Online, At(month, 24, 9), At(month, 24, 10), At(month, 25, 15), 1, true, bundleId: oneDepartment.Id),
            // Outside the figures: completed 00:30 on the 1st of the next month in China (still this month in UTC), and one under review.
            ApplicationSeeds.Completed(aStandard, Online, At(month, 29, 9), At(month, 29, 9), new DateTimeOffset(2025, month, DaysIn(month), 16, 30, 0, utc), 1, true),
            Open(aStandard, At(month, 10, 9)));
        return (a, b, c, names);
    }

    private static int DaysIn(int month) => DateTime.DaysInMonth(2025, month);

    private static Application Open(ServiceItem item, DateTimeOffset submitted)
    {
        var app = ApplicationSeeds.Completed(item, Online, submitted, submitted, submitted, null, null);
        app.Stage = ApplicationStage.Accepted;
        app.CompletedAt = null;
        app.DecidedAt = null;
        return app;
    }

    private async Task<TimelinessReport> PublicAsync(string from, string to)
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/timeliness?from={from}&to={to}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<TimelinessReport>(Json, Ct))!;
    }

    [Fact]
    public async Task EachFigure_MatchesTheHandCount_AndTiesShareARank()
    {
        var (a, b, c, names) = await SeedMonthAsync(4);
        var report = await PublicAsync("2025-04-01", "2025-04-30");

        var depA = report.Departments.Single(d => d.DepartmentId == a);
        depA.Department.ShouldBe(names[0]);
        depA.Completed.ShouldBe(5);
        depA.Immediate.ShouldBe(2);            // A1 (即办件), A2 (秒批)
        depA.ImmediateShare.ShouldBe(0.4);
        depA.SameDay.ShouldBe(2);              // A1, A2 (A1 only in +08:00)
        depA.OnTime.ShouldBe(4);
        depA.OnTimeMeasured.ShouldBe(5);
        depA.OnTimeRate.ShouldBe(0.8);
        // (1 − 0/20) + (1 − 0/20) + (1 − 1/20) + (1 − 8/20) = 1 + 1 + 0.95 + 0.6 = 3.55 over 4
        depA.SpeedUp!.Value.ShouldBe(0.8875, 0.00005);
        depA.SpeedUpMeasured.ShouldBe(4);
        depA.NoVisit.ShouldBe(3);              // A2, A3, A5
        depA.CrossDepartment.ShouldBe(1);      // A5

        var depB = report.Departments.Single(d => d.DepartmentId == b);
        var depC = report.Departments.Single(d => d.DepartmentId == c);
        foreach (var d in new[] { depB, depC })
        {
            d.Completed.ShouldBe(2);
            d.Immediate.ShouldBe(0);
            d.SameDay.ShouldBe(0);
            d.OnTimeRate.ShouldBe(1.0);
            d.SpeedUp!.Value.ShouldBe(0.85, 0.00005); // ((1 − 2/10) + (1 − 1/10)) / 2
            d.NoVisit.ShouldBe(1);
        }
        depB.CrossDepartment.ShouldBe(1);
        depC.CrossDepartment.ShouldBe(0);      // a bundle of one department only

        report.Departments.Count.ShouldBe(3);
        depB.Rank.ShouldBe(1);
        depC.Rank.ShouldBe(1);
        depA.Rank.ShouldBe(3);

        report.Total.Completed.ShouldBe(9);
        report.Total.OnTime.ShouldBe(8);
        report.Total.NoVisit.ShouldBe(5);
        report.Total.CrossDepartment.ShouldBe(2);
        report.Total.SpeedUp!.Value.ShouldBe(6.95 / 8, 0.00005);
    }

    [Fact]
    public async Task ThePublicFigures_CarryNoPersonalData_AndBadPeriodsAreProblems()
    {
        await SeedMonthAsync(6);
        var anonymous = factory.CreateClient();
        var text = await anonymous.GetStringAsync("/api/timeliness?from=2025-06-01&to=2025-06-30", Ct);
        text.ShouldNotContain("张三丰");
        text.ShouldNotContain("410402199001011234");
        text.ShouldNotContain("13912345678");
        text.ShouldNotContain("91410400MA00000001");
        text.ShouldNotContain("applicant", Case.Insensitive);
        text.ShouldNotContain("number", Case.Insensitive);

        // Razor writes CJK as character references: decode, or a name in the page would go unnoticed.
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/timeliness?period=Month&year=2025&number=6", Ct));
        page.ShouldContain("办结件数");
        page.ShouldContain("timeliness-row");
        page.ShouldNotContain("张三丰");
        page.ShouldNotContain("410402");
        page.ShouldContain("1 − 实际用时工作日 ÷ 法定时限工作日");

        var reversed = await anonymous.GetAsync("/api/timeliness?from=2025-06-30&to=2025-06-01", Ct);
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadAsStringAsync(Ct)).ShouldContain("\"to\"");
        var malformed = await anonymous.GetAsync("/api/timeliness?from=2025-6-1", Ct);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync(Ct)).ShouldContain("\"from\"");
        (await anonymous.GetAsync("/api/timeliness/export?from=2025-06-01&to=2025-06-30", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/timeliness/late?department={Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheExport_IsAnXlsxWhoseRowsMatchTheFigures()
    {
        var (a, b, c, names) = await SeedMonthAsync(8);
        var leader = await factory.ClientForAsync("leader");
        var response = await leader.GetAsync("/api/timeliness/export?from=2025-08-01&to=2025-08-31", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        rows.Count.ShouldBe(4); // three departments and the zone total
        var rowA = rows.Single(r => (string?)r["部门"] == names[0]);
        Convert.ToInt32(rowA["排名"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3);
        Convert.ToInt32(rowA["办结件数"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(5);
        Convert.ToInt32(rowA["立即办"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2);
        Convert.ToDouble(rowA["按时办结率"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(80.0);
        // In August A3 (accepted Sunday 3 August, completed Thursday 7 August) took 4 working days: (1 + 1 + 0.8 + 0.6) / 4 = 85 %.
        Convert.ToDouble(rowA["提速率"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(85.0);
        Convert.ToInt32(rowA["跨部门办理"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
        rows.Where(r => (string?)r["部门"] == names[1] || (string?)r["部门"] == names[2])
            .Select(r => Convert.ToInt32(r["排名"], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([1, 1]);
        Convert.ToInt32(rows.Single(r => (string?)r["部门"] == "全区合计")["办结件数"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(9);
    }

    [Fact]
    public async Task TheLateList_NamesTheLateApplications_MaskedForLeaders()
    {
        var (a, _, _, _) = await SeedMonthAsync(11);
        var leader = await factory.ClientForAsync("leader");
        var late = (await leader.GetFromJsonAsync<List<LateApplication>>($"/api/timeliness/late?department={a}&from=2025-11-01&to=2025-11-30", Json, Ct))!;
        var only = late.ShouldHaveSingleItem();
        only.WorkingDaysTaken.ShouldBe(8);
        only.PromisedLimitDays.ShouldBe(5);
        only.Masked.ShouldBeTrue();
        only.Applicant.ShouldBe("张**");
        only.ApplicantKey.ShouldBe("4104**********1234");

        var admin = await factory.ClientForAsync("admin");
        var full = (await admin.GetFromJsonAsync<List<LateApplication>>($"/api/timeliness/late?department={a}&from=2025-11-01&to=2025-11-30", Json, Ct))!.Single();
        full.Applicant.ShouldBe("张三丰");
        full.Number.ShouldBe(only.Number);

        var citizen = await factory.ClientForAsync("citizen");
        (await citizen.GetAsync($"/api/timeliness/late?department={a}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class TimelinessOnSqlite(SqliteFactory factory) : TimelinessBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class TimelinessOnPostgres(PostgresFactory factory) : TimelinessBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
