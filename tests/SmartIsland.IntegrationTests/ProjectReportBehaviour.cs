using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SkiaSharp;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;
using SmartIsland.Projects.Reports;
using SmartIsland.Projects.Weekly;
using static SmartIsland.IntegrationTests.Support.CaseSteps;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Project supervision (issue 6 §2–4) through HTTP on both databases with a movable clock: daily reports with photos,
/// bad input, missing reports across a weekend and public holidays with the reminder sweep, the lagging list with a
/// problem raised as a case, and the weekly meeting pack. Each test arranges its own projects; the sweep runs over
/// every project, so counts are read per project.
/// </summary>
public abstract class ProjectReportBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory, ISchedulerHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void ClockTo(string local) => factory.Clock.Set(At(local));

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static MultipartFormDataContent Report(string? text, string? lat = null, string? lon = null, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent();
        if (text is not null) form.Add(new StringContent(text, Encoding.UTF8), "text");
        if (lat is not null) form.Add(new StringContent(lat), "lat");
        if (lon is not null) form.Add(new StringContent(lon), "lon");
        foreach (var (name, content) in photos)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what the client says decides nothing
            form.Add(part, "photos", name);
        }
        return form;
    }

    /// <summary>A real JPEG carrying an EXIF segment with a made-up GPS note, as a phone's photo would.</summary>
    private static byte[] JpegWithExif()
    {
        using var bitmap = new SKBitmap(1200, 900);
        bitmap.Erase(new SKColor(120, 140, 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var payload = Encoding.ASCII.GetBytes("Exif\0\0GPS-SECRET-33.7345N-113.3012E");
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    private Task<int> ReportCountAsync(Guid projectId) =>
        ProjectSeeds.ReadAsync(factory, db => db.Set<DailyReport>().IgnoreQueryFilters().CountAsync(r => r.ProjectId == projectId, Ct));

    private Task<int> PhotoCountAsync(Guid projectId) =>
        ProjectSeeds.ReadAsync(factory, db => db.Set<ReportPhoto>().IgnoreQueryFilters()
            .CountAsync(p => db.Set<DailyReport>().IgnoreQueryFilters().Any(r => r.Id == p.ReportId && r.ProjectId == projectId), Ct));

    private Task<List<(Guid UserId, DateOnly Day)>> RemindersAsync(Guid projectId) =>
        ProjectSeeds.ReadAsync(factory, async db => (await db.Set<ReportReminder>().IgnoreQueryFilters().Where(r => r.ProjectId == projectId)
            .Select(r => new { r.UserId, r.Day }).ToListAsync(Ct)).Select(r => (r.UserId, r.Day)).ToList());

    private async Task<int> SweepRemindersAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportReminderSweep>().RunAsync(Ct);
    }

    private async Task<MissingReports> MissingAsync(string? day = null)
    {
        var leader = await factory.ClientForAsync("leader");
        return (await leader.GetFromJsonAsync<MissingReports>("/api/projects/reports/missing" + (day is null ? "" : "?day=" + day), Json, Ct))!;
    }

    [Fact]
    public async Task A_team_member_reports_with_photos_that_are_re_encoded_without_exif_and_the_timeline_shows_them_by_china_day()
    {
        ClockTo("2026-11-25 10:00");
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["park"]);
        var park = await factory.ClientForAsync("park");
        var sent = await park.PostAsync($"/api/projects/{project.Code}/reports",
            Report("主体结构施工至三层，现场作业人员 45 人", "33.7345", "113.3012", ("site.jpg", JpegWithExif()), ("crane.png", TestImages.Png())), Ct);
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync(Ct));
        var made = (await sent.Content.ReadFromJsonAsync<ReportView>(Json, Ct))!;
        (made.Day, made.Latitude, made.Longitude, made.PhotoIds.Count).ShouldBe((D("2026-11-25"), 33.7345, 113.3012, 2));

        var photo = await park.GetAsync($"/api/projects/{project.Code}/reports/photos/{made.PhotoIds[0]}", Ct);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        var bytes = await photo.Content.ReadAsByteArrayAsync(Ct);
        Encoding.ASCII.GetString(bytes).ShouldNotContain("GPS-SECRET");
        using (var full = SKBitmap.Decode(bytes)) (full.Width, full.Height).ShouldBe((1200, 900));
        var thumb = await (await park.GetAsync($"/api/projects/{project.Code}/reports/photos/{made.PhotoIds[0]}/thumb", Ct)).Content.ReadAsByteArrayAsync(Ct);
        using (var small = SKBitmap.Decode(thumb)) (small.Width, small.Height).ShouldBe((320, 240));
        thumb.Length.ShouldBeLessThan(bytes.Length);

        // 00:30 in China is still the previous day in UTC: the report counts for the China day.
        ClockTo("2026-11-26 00:30");
        park = await factory.ClientForAsync("park");
        var late = await park.PostAsync($"/api/projects/{project.Code}/reports", Report("夜间浇筑完成"), Ct);
        (await late.Content.ReadFromJsonAsync<ReportView>(Json, Ct))!.Day.ShouldBe(D("2026-11-26"));

        var timeline = (await (await factory.ClientForAsync("leader")).GetFromJsonAsync<ReportTimeline>($"/api/projects/{project.Code}/reports", Json, Ct))!;
        timeline.Days.Select(d => d.Day).ShouldBe([D("2026-11-26"), D("2026-11-25")]);
        timeline.Days[1].Reports.ShouldHaveSingleItem().PhotoIds.ShouldBe(made.PhotoIds);
        timeline.MayReport.ShouldBeFalse(); // the leader is not on the team
        (await park.GetFromJsonAsync<ReportTimeline>($"/api/projects/{project.Code}/reports", Json, Ct))!.ReportedToday.ShouldBeTrue();
        (await (await factory.ClientForAsync("citizen")).GetAsync($"/api/projects/{project.Code}/reports/photos/{made.PhotoIds[0]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Photos_that_are_not_images_or_too_large_and_reporters_not_on_the_team_are_refused_and_nothing_is_stored()
    {
        ClockTo("2026-11-25 10:00");
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["park"]);
        var park = await factory.ClientForAsync("park");
        var url = $"/api/projects/{project.Code}/reports";

        var notImage = await park.PostAsync(url, Report("今日进度", null, null, ("a.png", TestImages.Png()), ("b.jpg", TestImages.FakeJpeg()), ("c.jpg", TestImages.TruncatedJpeg())), Ct);
        (await ErrorKeysAsync(notImage)).ShouldBe(["photos[1]", "photos[2]"], ignoreOrder: true);

        var huge = new byte[PhotoCheck.MaxBytes + 1];
        TestImages.Png().CopyTo(huge, 0); // an image's signature, over the size limit
        (await ErrorKeysAsync(await park.PostAsync(url, Report("今日进度", null, null, ("big.png", huge)), Ct))).ShouldBe(["photos[0]"]);
        (await ErrorKeysAsync(await park.PostAsync(url, Report("  ", "91", "113.3", ("a.png", TestImages.Png())), Ct))).ShouldBe(["text", "lat"], ignoreOrder: true);

        var dept = await factory.ClientForAsync("dept");
        var refused = await dept.PostAsync(url, Report("今日进度", null, null, ("a.png", TestImages.Png())), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("projects.report:");
        (await dept.PostAsync("/api/projects/XT-NONE/reports", Report("今日进度"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await ReportCountAsync(project.Id)).ShouldBe(0);
        (await PhotoCountAsync(project.Id)).ShouldBe(0);

        // Admin may report for any project; the same photo then goes through.
        var admin = await factory.ClientForAsync("admin");
        (await admin.PostAsync(url, Report("今日进度", null, null, ("a.png", TestImages.Png())), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PhotoCountAsync(project.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_report_is_listed_after_the_due_time_on_working_days_only_and_the_team_is_reminded_once()
    {
        ClockTo("2026-11-27 09:00"); // Friday
        var (parkUser, _) = await AccountAsync(factory.Services, "park");
        var (gridUser, _) = await AccountAsync(factory.Services, "grid");
        var silent = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["park", "grid"]);
        var reported = await ProjectSeeds.AddAsync(factory, ProjectPhase.Started, team: ["park"], reportDays: [D("2026-11-27"), D("2026-10-10")]);
        var signed = await ProjectSeeds.AddAsync(factory, ProjectPhase.Signed, team: ["park"]);

        ClockTo("2026-11-27 17:55"); // not due yet
        var early = await MissingAsync();
        (early.IsReportDay, early.DuePassed, early.DueAt).ShouldBe((true, false, At("2026-11-27 18:00")));
        early.Items.ShouldBeEmpty();
        await SweepRemindersAsync();
        (await RemindersAsync(silent.Id)).ShouldBeEmpty();

        ClockTo("2026-11-27 18:05");
        var due = await MissingAsync();
        due.Items.Select(i => i.Code).ShouldContain(silent.Code);
        due.Items.Select(i => i.Code).ShouldNotContain(reported.Code);
        due.Items.Select(i => i.Code).ShouldNotContain(signed.Code);
        due.Items.Single(i => i.Code == silent.Code).TeamSize.ShouldBe(2);
        await SweepRemindersAsync();
        await SweepRemindersAsync(); // once per day, however often it runs
        (await RemindersAsync(silent.Id)).ShouldBe([(parkUser, D("2026-11-27")), (gridUser, D("2026-11-27"))], ignoreOrder: true);
        (await RemindersAsync(reported.Id)).ShouldBeEmpty();
        (await RemindersAsync(signed.Id)).ShouldBeEmpty();
        var park = await factory.ClientForAsync("park");
        (await park.GetFromJsonAsync<List<ReminderView>>("/api/projects/reports/reminders", Json, Ct))!.ShouldContain(r => r.ProjectCode == silent.Code && r.Day == D("2026-11-27"));
        (await park.GetFromJsonAsync<ReportTimeline>($"/api/projects/{silent.Code}/reports", Json, Ct))!.RemindedToday.ShouldBeTrue();

        // The weekend is no report day: nothing listed, nobody reminded; Friday is still listed when asked for by day.
        ClockTo("2026-11-28 19:00");
        var saturday = await MissingAsync();
        (saturday.IsReportDay, saturday.Items.Count).ShouldBe((false, 0));
        await SweepRemindersAsync();
        (await RemindersAsync(silent.Id)).Count.ShouldBe(2);
        (await MissingAsync("2026-11-27")).Items.Select(i => i.Code).ShouldContain(silent.Code);

        // National Day (1–7 October) is a public holiday; Saturday 10 October is a 调休 working day and a report day.
        ClockTo("2026-10-01 19:00");
        var holiday = await MissingAsync();
        (holiday.IsReportDay, holiday.Items.Count).ShouldBe((false, 0));
        await SweepRemindersAsync();
        (await RemindersAsync(silent.Id)).ShouldNotContain(r => r.Day == D("2026-10-01"));
        // Two projects of October's own: both last reported on Friday the 9th, one reports on the 调休 Saturday through the
        // app. (The projects above already carry a November report day, which would keep them off 10 October's list whatever
        // was sent that day.)
        var octoberSilent = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["park"], reportDays: [D("2026-10-09")]);
        var octoberReported = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["park"], reportDays: [D("2026-10-09")]);
        ClockTo("2026-10-10 09:30");
        var onSite = await factory.ClientForAsync("park");
        (await onSite.PostAsync($"/api/projects/{octoberReported.Code}/reports", Report("调休日正常施工，钢结构吊装"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        ClockTo("2026-10-10 18:30");
        var workingSaturday = await MissingAsync();
        workingSaturday.IsReportDay.ShouldBeTrue();
        workingSaturday.Items.Select(i => i.Code).ShouldContain(silent.Code);
        workingSaturday.Items.Select(i => i.Code).ShouldContain(octoberSilent.Code);
        workingSaturday.Items.Select(i => i.Code).ShouldNotContain(octoberReported.Code);
        workingSaturday.Items.Single(i => i.Code == octoberSilent.Code).LastReportDay.ShouldBe(D("2026-10-09"));
        await SweepRemindersAsync();
        (await RemindersAsync(silent.Id)).Count(r => r.Day == D("2026-10-10")).ShouldBe(2);
        (await RemindersAsync(octoberSilent.Id)).ShouldBe([(parkUser, D("2026-10-10"))]);
        (await RemindersAsync(octoberReported.Id)).ShouldBeEmpty();
        // Asked for later, the day is read from the reports themselves: the arranged report of 10 October counts too.
        ClockTo("2026-10-12 09:00");
        var asked = (await MissingAsync("2026-10-10")).Items.Select(i => i.Code).ToList();
        asked.ShouldContain(octoberSilent.Code);
        asked.ShouldNotContain(octoberReported.Code);
        asked.ShouldNotContain(reported.Code);
        ClockTo("2026-10-10 18:30");

        var leader = await factory.ClientForAsync("leader");
        (await ErrorKeysAsync(await leader.GetAsync("/api/projects/reports/missing?day=2026-10-11", Ct))).ShouldBe(["day"]); // tomorrow
        var citizen = await factory.ClientForAsync("citizen");
        (await citizen.GetAsync("/api/projects/reports/missing", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Todays_reminders_stay_on_the_members_list_until_someone_on_the_team_reports()
    {
        ClockTo("2026-12-01 09:00"); // Tuesday
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["park", "grid"], reportDays: [D("2026-11-30")]);
        // Signed in afresh after each move of the clock (a token lives an hour).
        async Task<List<string>> PendingAsync(string account) =>
            (await (await factory.ClientForAsync(account)).GetFromJsonAsync<List<ReminderView>>("/api/projects/reports/reminders?pending=true", Json, Ct))!
            .Select(r => r.ProjectCode).ToList();

        await SweepRemindersAsync(); // before the due time: nobody is reminded
        (await PendingAsync("park")).ShouldNotContain(project.Code);
        ClockTo("2026-12-01 18:10");
        await SweepRemindersAsync();
        (await PendingAsync("park")).ShouldContain(project.Code);
        (await PendingAsync("grid")).ShouldContain(project.Code);

        // One member reports: the reminder is gone for both, and stays in the week's history.
        var grid = await factory.ClientForAsync("grid");
        (await grid.PostAsync($"/api/projects/{project.Code}/reports", Report("晚间补报：主体结构施工"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PendingAsync("park")).ShouldNotContain(project.Code);
        (await PendingAsync("grid")).ShouldNotContain(project.Code);
        (await (await factory.ClientForAsync("park")).GetFromJsonAsync<List<ReminderView>>("/api/projects/reports/reminders", Json, Ct))!
            .ShouldContain(r => r.ProjectCode == project.Code && r.Day == D("2026-12-01"));

        // Yesterday's reminder is not today's business.
        ClockTo("2026-12-02 09:00");
        (await PendingAsync("park")).ShouldNotContain(project.Code);
    }

    [Fact]
    public async Task A_team_member_who_is_no_supervisor_raises_a_problem_and_reads_the_projects_problems_by_state()
    {
        ClockTo("2026-11-25 10:00");
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, team: ["grid"], reportDays: [D("2026-11-24")]);
        var grid = await factory.ClientForAsync("grid"); // on the team, but may not open the lagging list
        (await grid.GetAsync("/api/projects/lagging", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ErrorKeysAsync(await grid.PostAsJsonAsync($"/api/projects/{project.Code}/problems", new RaiseProblemInput(new string('问', 2001)), Json, Ct))).ShouldBe(["description"]);
        var first = (await (await grid.PostAsJsonAsync($"/api/projects/{project.Code}/problems", new RaiseProblemInput("临时用电接入待供电公司批复"), Json, Ct))
            .Content.ReadFromJsonAsync<ProblemView>(Json, Ct))!;
        var second = (await (await grid.PostAsJsonAsync($"/api/projects/{project.Code}/problems", new RaiseProblemInput("渣土外运许可待办"), Json, Ct))
            .Content.ReadFromJsonAsync<ProblemView>(Json, Ct))!;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseService>().CloseFollowUpAsync(project.ZoneId, first.CaseId, "已接入", "园区", Ct);
        }
        var all = (await grid.GetFromJsonAsync<List<ProblemView>>($"/api/projects/{project.Code}/problems", Json, Ct))!;
        all.Select(p => (p.TrackingCode, p.Open)).ShouldBe([(second.TrackingCode, true), (first.TrackingCode, false)]);
        (await grid.GetFromJsonAsync<List<ProblemView>>($"/api/projects/{project.Code}/problems?open=true", Json, Ct))!.Select(p => p.TrackingCode).ShouldBe([second.TrackingCode]);
        // Someone neither supervising nor on the team reads nothing of it.
        (await (await factory.ClientForAsync("cso")).GetAsync($"/api/projects/{project.Code}/problems", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_projects_under_way_have_reports_and_only_the_ones_left_behind_lag_for_them()
    {
        ClockTo("2026-11-25 10:00"); // the day the demo was loaded (the factory's clock start)
        var leader = await factory.ClientForAsync("leader");
        var lagging = (await leader.GetFromJsonAsync<LaggingList>("/api/projects/lagging", Json, Ct))!.Items;
        int? ReportDays(string name) =>
            lagging.SingleOrDefault(p => p.Name == name)?.Reasons.SingleOrDefault(r => r.Kind == LagReasonKind.ReportsMissing)?.WorkingDays;
        // Working days without a report since the last one, today not counted (the seeder's offsets, counted on the calendar).
        ReportDays("高新区产业园区道路提升工程").ShouldBe(6);
        ReportDays("遵化店镇人居环境整治提升项目").ShouldBe(5);
        ReportDays("平顶山鹰汇公租房项目").ShouldBe(4);
        ReportDays("河南昊鑫电气设备生产线项目").ShouldBe(3);
        ReportDays("皇台产业园区标准化厂房项目").ShouldBeNull(); // two days: not yet a lag
        ReportDays("电气科技产业园项目").ShouldBeNull();
        // Of the demo's own projects (XM…; the tests' arranged projects are XT…), no other lags for want of reports.
        lagging.Count(p => p.Code.StartsWith("XM", StringComparison.Ordinal) && p.Reasons.Any(r => r.Kind == LagReasonKind.ReportsMissing)).ShouldBe(4);

        // Yesterday's missing list is exactly the five left behind; one park's list and its export narrow to that park.
        var yesterday = (await leader.GetFromJsonAsync<MissingReports>("/api/projects/reports/missing?day=2026-11-24", Json, Ct))!;
        yesterday.Items.Where(i => i.Code.StartsWith("XM", StringComparison.Ordinal)).Select(i => i.Name).ShouldBe(ReportDemoSeeder.Behind.Keys, ignoreOrder: true);
        var huangtai = yesterday.Items.Single(i => i.Name == "皇台产业园区标准化厂房项目");
        (huangtai.LastReportDay, huangtai.ParkName).ShouldBe((D("2026-11-20"), "皇台产业园区"));
        var onePark = (await leader.GetFromJsonAsync<MissingReports>($"/api/projects/reports/missing?day=2026-11-24&park={huangtai.ParkId}", Json, Ct))!;
        onePark.Items.ShouldAllBe(i => i.ParkId == huangtai.ParkId);
        onePark.Items.Select(i => i.Code).ShouldContain(huangtai.Code);
        var export = await leader.GetAsync($"/api/projects/reports/missing/export?day=2026-11-24&park={huangtai.ParkId}", Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => (string)r["项目编号"]).ShouldBe(onePark.Items.Select(i => i.Code));
        rows.Single(r => (string)r["项目编号"] == huangtai.Code)["最近报送"].ShouldBe("2026-11-20");

        // An on-track project's timeline has its working days, newest first, each with the text; the newest has a photo.
        var code = (await leader.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/projects?search=" + Uri.EscapeDataString("电气科技产业园项目"), Json, Ct))!
            ["items"]!.AsArray().Single()!["code"]!.GetValue<string>();
        var timeline = (await leader.GetFromJsonAsync<ReportTimeline>($"/api/projects/{code}/reports", Json, Ct))!;
        timeline.Days.Select(d => d.Day).ShouldNotContain(D("2026-11-22")); // a Sunday
        timeline.Days.Select(d => d.Day).ShouldContain(D("2026-11-24"));
        timeline.Days.Count.ShouldBeGreaterThanOrEqualTo(15);
        timeline.Days.SelectMany(d => d.Reports).ShouldAllBe(r => r.Text.Length > 10);
        timeline.Days[0].Reports[0].PhotoIds.ShouldHaveSingleItem();
        var thumb = await leader.GetAsync($"/api/projects/{code}/reports/photos/{timeline.Days[0].Reports[0].PhotoIds[0]}/thumb", Ct);
        thumb.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");

        // Each project's last report day is its newest report, as the report service keeps it.
        var mismatched = await ProjectSeeds.ReadAsync(factory, db => db.Set<Project>().IgnoreQueryFilters()
            .Where(p => p.Description == "演示数据" && p.LastReportDay != db.Set<DailyReport>().IgnoreQueryFilters().Where(r => r.ProjectId == p.Id).Max(r => (DateOnly?)r.Day))
            .Select(p => p.Code).ToListAsync(Ct));
        mismatched.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lagging_project_is_listed_with_its_reasons_and_a_problem_raised_as_a_case_shows_until_the_case_is_closed()
    {
        ClockTo("2026-11-25 10:00"); // Wednesday
        var (_, parkId) = await AccountAsync(factory.Services, "park");
        var lagging = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, parkId, team: ["park"],
            milestones: [("主体封顶", D("2026-11-02"), null), ("基础完工", D("2026-09-30"), D("2026-09-29"))],
            yearPlan: (2026, 1200), investment: [.. Enumerable.Range(1, 10).Select(m => (2026, m, 50m))], reportDays: [D("2026-11-24")]);
        var onTrack = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, parkId,
            milestones: [("主体封顶", D("2026-11-02"), D("2026-11-02"))], yearPlan: (2026, 1200),
            investment: [.. Enumerable.Range(1, 10).Select(m => (2026, m, 100m))], reportDays: [D("2026-11-24")]);

        var leader = await factory.ClientForAsync("leader");
        var list = (await leader.GetFromJsonAsync<LaggingList>("/api/projects/lagging", Json, Ct))!;
        list.Items.Select(i => i.Code).ShouldNotContain(onTrack.Code);
        var item = list.Items.Single(i => i.Code == lagging.Code);
        item.Level.ShouldBe(LagLevel.Red);
        item.ParkId.ShouldBe(parkId);
        item.ParkName.ShouldNotBeNullOrEmpty();
        // 2 Nov → 25 Nov: 17 working days; 10 months of 1,200 a year = 1,000 planned, 500 completed.
        item.Reasons.Select(r => (r.Kind, r.Level)).ShouldBe([(LagReasonKind.MilestoneOverdue, LagLevel.Red), (LagReasonKind.InvestmentBehind, LagLevel.Red)]);
        item.Reasons[0].WorkingDays.ShouldBe(17);
        item.Reasons[0].Text.ShouldContain("主体封顶");
        (item.Reasons[1].PlannedToDate, item.Reasons[1].CompletedToDate).ShouldBe((1000m, 500m));
        (await leader.GetFromJsonAsync<LaggingList>("/api/projects/lagging?level=Yellow", Json, Ct))!.Items.ShouldNotContain(i => i.Code == lagging.Code);
        (await leader.GetFromJsonAsync<LaggingList>($"/api/projects/lagging?park={Guid.NewGuid()}", Json, Ct))!.Items.ShouldBeEmpty();
        (await leader.GetFromJsonAsync<LaggingList>($"/api/projects/lagging?park={parkId}", Json, Ct))!.Items.ShouldContain(i => i.Code == lagging.Code);
        (await (await factory.ClientForAsync("citizen")).GetAsync("/api/projects/lagging", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ErrorKeysAsync(await leader.PostAsJsonAsync($"/api/projects/{lagging.Code}/problems", new RaiseProblemInput(" "), Json, Ct))).ShouldBe(["description"]);
        var grid = await factory.ClientForAsync("grid"); // neither a supervisor nor on the team
        (await grid.PostAsJsonAsync($"/api/projects/{lagging.Code}/problems", new RaiseProblemInput("用地手续未办结"), Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var raised = await leader.PostAsJsonAsync($"/api/projects/{lagging.Code}/problems", new RaiseProblemInput("施工用电增容审批滞后"), Json, Ct);
        raised.StatusCode.ShouldBe(HttpStatusCode.Created, await raised.Content.ReadAsStringAsync(Ct));
        var problem = (await raised.Content.ReadFromJsonAsync<ProblemView>(Json, Ct))!;
        var c = await GetAsync(leader, problem.CaseId);
        (c.TypeCode, c.State, c.AssignedUnitId, c.TrackingCode).ShouldBe(("project-problem", CaseState.Accepted, parkId, problem.TrackingCode));
        c.Description.ShouldContain(lagging.Code);
        c.Resolution.Due.ShouldBe(At("2026-12-02 17:30")); // five working days
        (await leader.GetFromJsonAsync<LaggingList>("/api/projects/lagging", Json, Ct))!.Items.Single(i => i.Code == lagging.Code)
            .OpenProblems.ShouldHaveSingleItem().TrackingCode.ShouldBe(problem.TrackingCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseService>().CloseFollowUpAsync(lagging.ZoneId, problem.CaseId, "增容已批复", "园区", Ct);
        }
        (await leader.GetFromJsonAsync<LaggingList>("/api/projects/lagging", Json, Ct))!.Items.Single(i => i.Code == lagging.Code).OpenProblems.ShouldBeEmpty();
        var all = (await leader.GetFromJsonAsync<List<ProblemView>>($"/api/projects/{lagging.Code}/problems", Json, Ct))!;
        (all.ShouldHaveSingleItem().State, all[0].Open).ShouldBe((CaseState.Closed, false));
    }

    [Fact]
    public async Task The_weekly_pack_lists_lagging_projects_open_problems_and_next_weeks_milestones_by_park_and_exports_them()
    {
        ClockTo("2026-11-25 10:00");
        var (_, parkId) = await AccountAsync(factory.Services, "park");
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, parkId, team: ["park"], reportDays: [D("2026-11-18")],
            milestones: [("设备安装", D("2026-12-03"), null), ("试生产", D("2026-12-10"), null), ("围墙完工", D("2026-12-01"), D("2026-11-20"))]);
        var leader = await factory.ClientForAsync("leader");
        var problem = (await (await leader.PostAsJsonAsync($"/api/projects/{project.Code}/problems", new RaiseProblemInput("环评批复待办"), Json, Ct))
            .Content.ReadFromJsonAsync<ProblemView>(Json, Ct))!;

        var pack = (await leader.GetFromJsonAsync<WeeklyPack>("/api/projects/weekly?week=2026-11-25", Json, Ct))!;
        (pack.WeekStart, pack.NextWeekStart, pack.NextWeekEnd, pack.NextWeekWorkingDays).ShouldBe((D("2026-11-23"), D("2026-11-30"), D("2026-12-06"), 5));
        var section = pack.Parks.Single(s => s.ParkId == parkId);
        section.Lagging.Single(p => p.Code == project.Code).Reasons.ShouldHaveSingleItem().Kind.ShouldBe(LagReasonKind.ReportsMissing); // 19, 20, 23, 24
        section.OpenProblems.Single(p => p.ProjectCode == project.Code).TrackingCode.ShouldBe(problem.TrackingCode);
        var due = section.MilestonesDue.Where(m => m.ProjectCode == project.Code).ToList();
        due.ShouldHaveSingleItem().Milestone.ShouldBe("设备安装"); // not the week after, not one already reached
        due[0].WorkingDaysLeft.ShouldBe(6); // 26, 27, 30 Nov, 1, 2, 3 Dec
        (await leader.GetFromJsonAsync<WeeklyPack>("/api/projects/weekly?week=2026-W48", Json, Ct))!.WeekStart.ShouldBe(D("2026-11-23"));

        // The week before National Day: its next week has three working days (28–30 September).
        (await leader.GetFromJsonAsync<WeeklyPack>("/api/projects/weekly?week=2026-09-24", Json, Ct))!.NextWeekWorkingDays.ShouldBe(3);
        (await ErrorKeysAsync(await leader.GetAsync("/api/projects/weekly?week=next-monday", Ct))).ShouldBe(["week"]);

        var export = await leader.GetAsync("/api/projects/weekly/export?week=2026-11-25", Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var workbook = await export.Content.ReadAsByteArrayAsync(Ct);
        var milestones = MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: "下周到期节点").Cast<IDictionary<string, object>>().ToList();
        milestones.ShouldContain(r => (string)r["项目编号"] == project.Code && (string)r["节点"] == "设备安装" && (string)r["计划日期"] == "2026-12-03");
        var problems = MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: "未解决问题").Cast<IDictionary<string, object>>().ToList();
        problems.ShouldContain(r => (string)r["工单编号"] == problem.TrackingCode);
        (await (await factory.ClientForAsync("citizen")).GetAsync("/api/projects/weekly", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ProjectReportsOnSqlite(SweepSqliteFactory factory) : ProjectReportBehaviour<SweepSqliteFactory>(factory), IClassFixture<SweepSqliteFactory>;

public sealed class ProjectReportsOnPostgres(SweepPostgresFactory factory) : ProjectReportBehaviour<SweepPostgresFactory>(factory), IClassFixture<SweepPostgresFactory>;
