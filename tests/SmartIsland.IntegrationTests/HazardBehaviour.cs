using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SkiaSharp;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Hazards;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>The hazard ledger over HTTP on both databases; the clock starts Wed 2026-11-25 10:00 (+08:00).</summary>
public abstract class HazardBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private const string Chemicals = "河南神马氯碱"; // in 电气装备产业园区, the park of the demo account "park"

    private sealed record Spec(string Description, string Level, string Rectification, string Category = "fire");

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<Guid> EnterpriseAsync(HttpClient client, string name)
    {
        var page = await client.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises?search=" + Uri.EscapeDataString(name), Json, Ct);
        return page!.Items.Single(e => e.Name == name).Id;
    }

    private async Task<RoundView> OpenRoundAsync(HttpClient client, string? enterprise = Chemicals, string? place = null) =>
        await ReadAsync<RoundView>(await client.PostAsJsonAsync("/api/hazards/rounds", new RoundInput
        {
            EnterpriseId = enterprise is null ? null : await EnterpriseAsync(client, enterprise),
            Place = place,
        }, Ct));

    private static object Body(Spec s, string? deadline = null, string responsible = "李强") => new
    {
        description = s.Description, level = s.Level, category = s.Category, rectification = s.Rectification,
        measure = s.Rectification == "FixedOnTheSpot" ? "现场已清理" : "更换老化线路", responsiblePerson = responsible, deadline,
    };

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid round, object body) =>
        client.PostAsJsonAsync($"/api/hazards/rounds/{round}/hazards", body, Ct);

    private static MultipartFormDataContent Form(IDictionary<string, string?> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields.Where(f => f.Value is not null)) form.Add(new StringContent(v!), k);
        foreach (var (field, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, field, name);
        }
        return form;
    }

    /// <summary>A real PNG made here, so the check of the content has something true to pass.</summary>
    private static byte[] Png(SKColor colour)
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, CaseAction action, HttpContent? content = null) =>
        client.PostAsync($"/api/hazards/{id}/actions/{action}", content ?? JsonContent.Create(new { }), Ct);

    private static Task<HazardLedgerPage?> LedgerAsync(HttpClient client, string query) =>
        client.GetFromJsonAsync<HazardLedgerPage>("/api/hazards?pageSize=200&" + query, Json, Ct);

    [Fact]
    public async Task A_round_with_hazards_of_both_kinds_sums_up_as_the_zone_reports_it()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        round.Place.ShouldBe(Chemicals);
        round.InspectorName.ShouldBe("王小川");
        Spec[] specs =
        [
            new("配电箱前堆放杂物", "General", "FixedOnTheSpot", "electrical"),
            new("消防通道被货物占用", "General", "FixedOnTheSpot"),
            new("灭火器压力不足", "Major", "FixedOnTheSpot"),
            new("车间电线私拉乱扯", "General", "RectifyByDeadline", "electrical"),
            new("储罐区未设置防雷接地检测记录", "Major", "RectifyByDeadline", "chemicals"),
            new("叉车未定期检验", "General", "RectifyByDeadline", "special-equipment"),
            new("宿舍使用大功率电器", "General", "FixedOnTheSpot", "electrical"),
        ];
        foreach (var s in specs) await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(s)));

        var found = specs.Length;
        var major = specs.Count(s => s.Level == "Major");
        var onTheSpot = specs.Count(s => s.Rectification == "FixedOnTheSpot");
        var byDeadline = specs.Count(s => s.Rectification == "RectifyByDeadline");
        var read = await ReadAsync<RoundView>(await grid.GetAsync($"/api/hazards/rounds/{round.Id}", Ct));
        read.Summary.ShouldBe(new RoundSummary(found, major, onTheSpot, byDeadline, onTheSpot, 0));
        read.SummaryText.ShouldBe($"发现隐患{found}条（其中重大隐患{major}条），立行立改{onTheSpot}条，限期整改{byDeadline}条，已销号{onTheSpot}条，超期0条");

        var ledger = await LedgerAsync(grid, $"roundId={round.Id}");
        ledger!.Total.ShouldBe(found);
        foreach (var s in specs)
        {
            var row = ledger.Items.Single(r => r.Description == s.Description);
            row.Level.ToString().ShouldBe(s.Level);
            row.Rectification.ToString().ShouldBe(s.Rectification);
            row.CategoryCode.ShouldBe(s.Category);
            row.Status.ShouldBe(s.Rectification == "FixedOnTheSpot" ? HazardStatus.ClosedOut : HazardStatus.Rectifying);
        }

        // Other staff read the same summary in the list of rounds; filters narrow the ledger as asked.
        var dept = await factory.ClientForAsync("dept");
        var rounds = await dept.GetFromJsonAsync<RoundPage>("/api/hazards/rounds?pageSize=200", Json, Ct);
        rounds!.Items.Single(r => r.Id == round.Id).Summary.Found.ShouldBe(found);
        (await LedgerAsync(dept, $"roundId={round.Id}&level=Major"))!.Total.ShouldBe(major);
        (await LedgerAsync(dept, $"roundId={round.Id}&status=ClosedOut"))!.Total.ShouldBe(onTheSpot);
        (await LedgerAsync(dept, $"roundId={round.Id}&rectification=RectifyByDeadline&level=General"))!.Total
            .ShouldBe(specs.Count(s => s.Rectification == "RectifyByDeadline" && s.Level == "General"));
        var byDue = await LedgerAsync(dept, $"roundId={round.Id}&rectification=RectifyByDeadline&sort=Deadline&desc=false");
        byDue!.Items.Select(r => r.Deadline).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task A_hazard_fixed_on_the_spot_is_recorded_rectified_verified_and_closed_out_with_its_photos()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid, enterprise: null, place: "遵化店镇蒲楼村建筑工地");
        var response = await grid.PostAsync($"/api/hazards/rounds/{round.Id}/hazards", Form(new Dictionary<string, string?>
        {
            ["description"] = "工人宿舍电线私拉乱扯", ["level"] = "General", ["category"] = "electrical", ["rectification"] = "FixedOnTheSpot",
            ["measure"] = "当场拆除私拉电线",
        }, ("beforePhotos", "before.png", Png(SKColors.Red)), ("afterPhotos", "after.png", Png(SKColors.Green))), Ct);
        var hazard = await ReadAsync<HazardDetail>(response);

        hazard.Row.State.ShouldBe(CaseState.Closed);
        hazard.Row.Status.ShouldBe(HazardStatus.ClosedOut);
        hazard.Row.Place.ShouldBe("遵化店镇蒲楼村建筑工地");
        hazard.Row.VerifiedBy.ShouldBe("王小川");
        hazard.Row.ClosedOutAt.ShouldNotBeNull();
        hazard.Row.Deadline.ShouldBeNull();
        hazard.Timeline.Select(e => e.Action).ShouldBe(["Submit", "Resolve", "Verify", "Close"]);
        hazard.Timeline.Single(e => e.Action == "Resolve").Reason.ShouldBe("当场拆除私拉电线");
        hazard.Photos.Select(p => p.Stage).ShouldBe([PhotoStage.Before, PhotoStage.After], ignoreOrder: true);
        var photo = await grid.GetAsync($"/api/cases/{hazard.Row.Id}/photos/{hazard.Photos[0].Id}", Ct);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg"); // re-encoded, whatever came in
    }

    [Fact]
    public async Task A_rectification_goes_from_the_order_through_the_unit_and_the_inspector_to_close_out()
    {
        var grid = await factory.ClientForAsync("grid");
        var park = await factory.ClientForAsync("park");
        var round = await OpenRoundAsync(grid);
        var recorded = await ReadAsync<HazardDetail>(await grid.PostAsync($"/api/hazards/rounds/{round.Id}/hazards", Form(new Dictionary<string, string?>
        {
            ["description"] = "氯气储罐区可燃气体报警器失效", ["level"] = "Major", ["category"] = "chemicals", ["rectification"] = "RectifyByDeadline",
            ["measure"] = "更换报警器并校验", ["responsiblePerson"] = "赵安全", ["deadline"] = "2026-12-04",
        }, ("beforePhotos", "before.jpg", Png(SKColors.Gray))), Ct));
        var id = recorded.Row.Id;
        recorded.Row.State.ShouldBe(CaseState.InProgress);
        recorded.Row.UnitName.ShouldBe("电气装备产业园区"); // the enterprise's park is the responsible unit
        recorded.Row.Deadline.ShouldBe(new DateTimeOffset(2026, 12, 4, 17, 30, 0, China));
        recorded.Photos.Single().Stage.ShouldBe(PhotoStage.Before);

        // The generic case actions do not bypass the hazard's steps (its photo after, its inspector's check).
        var generic = await park.PostAsync($"/api/cases/{id}/actions/Resolve", JsonContent.Create(new { }), Ct);
        (await ProblemAsync(generic, HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("hazards.steps");

        // Reported rectified without a photo after: refused, naming the photos; nothing moves.
        var noPhoto = await ProblemAsync(await ActAsync(park, id, CaseAction.Resolve), HttpStatusCode.BadRequest);
        noPhoto.GetProperty("errors").TryGetProperty("afterPhotos", out _).ShouldBeTrue();
        var citizen = await factory.ClientForAsync("citizen");
        (await ProblemAsync(await ActAsync(citizen, id, CaseAction.Resolve), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("hazards.read");

        HttpContent WithPhoto(string? reason = null) => Form(new Dictionary<string, string?> { ["reason"] = reason }, ("afterPhotos", "after.jpg", Png(SKColors.Green)));
        var resolved = await ReadAsync<HazardDetail>(await ActAsync(park, id, CaseAction.Resolve, WithPhoto("已更换")));
        resolved.Row.Status.ShouldBe(HazardStatus.AwaitingVerification);
        resolved.Photos.Count(p => p.Stage == PhotoStage.After).ShouldBe(1);

        // Only the inspector who found it verifies (the unit does not check its own work).
        (await ProblemAsync(await ActAsync(park, id, CaseAction.Verify), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("hazards.verify");
        (await ProblemAsync(await ActAsync(grid, id, CaseAction.FailVerification), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var failed = await ReadAsync<HazardDetail>(await ActAsync(grid, id, CaseAction.FailVerification, JsonContent.Create(new { reason = "报警器未联动" })));
        failed.Row.State.ShouldBe(CaseState.Reopened);
        failed.Row.Status.ShouldBe(HazardStatus.Rectifying);

        await ReadAsync<HazardDetail>(await ActAsync(park, id, CaseAction.Resolve, WithPhoto("已联动调试")));
        (await ReadAsync<HazardDetail>(await ActAsync(grid, id, CaseAction.Verify))).Row.Status.ShouldBe(HazardStatus.Verified);
        var closed = await ReadAsync<HazardDetail>(await ActAsync(grid, id, CaseAction.Close));

        closed.Row.Status.ShouldBe(HazardStatus.ClosedOut);
        closed.Row.ClosedOutAt.ShouldNotBeNull();
        closed.Row.VerifiedBy.ShouldBe("王小川");
        closed.Timeline.Select(e => e.Action).ShouldBe(["Submit", "Resolve", "FailVerification", "Resolve", "Verify", "Close"]);
        closed.Photos.Count(p => p.Stage == PhotoStage.After).ShouldBe(2);
        var summary = (await ReadAsync<RoundView>(await grid.GetAsync($"/api/hazards/rounds/{round.Id}", Ct))).Summary;
        summary.ShouldBe(new RoundSummary(1, 1, 0, 1, 1, 0));
        (await ActAsync(grid, id, CaseAction.Close)).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // closed out once
    }

    [Fact]
    public async Task The_export_opens_with_the_ledger_columns_one_row_per_hazard_and_no_phone_number()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        var spot = new Spec("安全出口指示灯损坏", "General", "FixedOnTheSpot");
        var later = new Spec("危化品仓库通风不良", "Major", "RectifyByDeadline", "chemicals");
        await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(spot)));
        await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(later, "2026-12-02", responsible: "李强 13812345678")));

        var response = await grid.GetAsync($"/api/hazards/export?roundId={round.Id}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        MiniExcelLibs.MiniExcel.GetColumns(stream, useHeaderRow: true).ShouldBe(
        [
            "序号", "编号", "检查时间", "检查人", "检查单位/场所", "隐患部位", "隐患描述", "隐患类别", "隐患等级", "整改方式", "整改措施",
            "整改责任人", "责任单位", "整改期限", "整改状态", "整改完成时间", "验收人", "验收时间", "销号时间",
        ]);
        stream.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows.Select(r => Convert.ToInt32(r["序号"], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([1, 2]);
        rows.ShouldAllBe(r => (string?)r["检查单位/场所"] == Chemicals && (string?)r["检查人"] == "王小川");

        var a = rows.Single(r => (string?)r["隐患描述"] == spot.Description);
        a["整改方式"].ShouldBe("立行立改");
        a["隐患等级"].ShouldBe("一般隐患");
        a["隐患类别"].ShouldBe("消防安全");
        a["整改状态"].ShouldBe("已销号");
        a["验收人"].ShouldBe("王小川");
        a["销号时间"].ShouldNotBeNull();

        var b = rows.Single(r => (string?)r["隐患描述"] == later.Description);
        b["整改方式"].ShouldBe("限期整改");
        b["隐患等级"].ShouldBe("重大隐患");
        b["整改期限"].ShouldBe("2026-12-02");
        b["整改状态"].ShouldBe("整改中");
        b["责任单位"].ShouldBe("电气装备产业园区");
        b["整改责任人"].ShouldBe("李强 138****5678");
        b["销号时间"].ShouldBeNull();
        rows.SelectMany(r => r.Values).ShouldAllBe(v => v == null || !v.ToString()!.Contains("13812345678"));
    }

    [Fact]
    public async Task A_deadline_before_today_is_refused_naming_it_and_nothing_is_written()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        var s = new Spec("配电室无绝缘垫", "General", "RectifyByDeadline", "electrical");
        var past = await ProblemAsync(await RecordAsync(grid, round.Id, Body(s, "2026-11-24")), HttpStatusCode.BadRequest);
        past.GetProperty("errors").GetProperty("deadline")[0].GetString()!.ShouldContain("2026-11-25");
        (await ProblemAsync(await RecordAsync(grid, round.Id, Body(s, "12/01/2026")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("deadline", out _).ShouldBeTrue();
        (await ProblemAsync(await RecordAsync(grid, round.Id, Body(s with { Rectification = "FixedOnTheSpot" }, "2026-12-01")), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("deadline", out _).ShouldBeTrue();
        (await LedgerAsync(grid, $"roundId={round.Id}"))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Deadlines_fall_on_working_days_from_the_date_picked_or_from_the_type_policy()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        async Task<DateTimeOffset?> DueAsync(string level, string? deadline) =>
            (await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(new Spec("期限测试 " + level + deadline, level, "RectifyByDeadline"), deadline)))).Row.Deadline;

        // Sat 2026-11-28 is a rest day: the period ends on the next working day, Mon 11-30 (民法典 §203).
        (await DueAsync("General", "2026-11-28")).ShouldBe(new DateTimeOffset(2026, 11, 30, 17, 30, 0, China));
        // Today (Wed 11-25) may be picked while office hours last.
        (await DueAsync("General", "2026-11-25")).ShouldBe(new DateTimeOffset(2026, 11, 25, 17, 30, 0, China));
        // None picked: the hazard type's policy, 5 working days (Wed 12-02); a major hazard is urgent, 2 (Fri 11-27).
        (await DueAsync("General", null)).ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 30, 0, China));
        (await DueAsync("Major", null)).ShouldBe(new DateTimeOffset(2026, 11, 27, 17, 30, 0, China));
    }

    [Fact]
    public async Task A_hazard_past_its_deadline_shows_as_overdue_in_the_ledger_the_summary_and_the_export()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        var late = await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(new Spec("消防水泵无法启动", "General", "RectifyByDeadline"), "2026-11-26")));
        await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(new Spec("疏散图未张贴", "General", "RectifyByDeadline"), "2026-12-10")));

        // Arrange: the first order's deadline has passed (the test clock cannot wait for it).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartIsland.Platform.Data.PlatformDbContext>();
            var c = await db.Set<SmartIsland.Cases.Domain.Case>().IgnoreQueryFilters().FirstAsync(x => x.Id == late.Row.Id, Ct);
            db.UseZone(c.ZoneId);
            c.ResolutionDueAt = new DateTimeOffset(2026, 11, 20, 17, 30, 0, China);
            db.AuditReason = "test: a deadline in the past";
            await db.SaveChangesAsync(Ct);
        }

        var overdue = await LedgerAsync(grid, $"roundId={round.Id}&overdue=true");
        overdue!.Items.Select(r => r.Id).ShouldBe([late.Row.Id]);
        overdue.Items[0].WorkingDaysLeft.ShouldNotBeNull().ShouldBeLessThan(0);
        var read = await ReadAsync<RoundView>(await grid.GetAsync($"/api/hazards/rounds/{round.Id}", Ct));
        read.Summary.Overdue.ShouldBe(1);
        read.SummaryText.ShouldEndWith("超期1条");

        var export = await grid.GetAsync($"/api/hazards/export?roundId={round.Id}&overdue=true", Ct);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var row = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        row["整改状态"].ShouldBe("整改中（超期）");
    }

    [Fact]
    public async Task Citizens_and_enterprises_are_refused_citing_a_rule()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var open = await ProblemAsync(await citizen.PostAsJsonAsync("/api/hazards/rounds", new RoundInput { Place = "某处" }, Ct), HttpStatusCode.Forbidden);
        open.GetProperty("rule").GetString()!.ShouldStartWith("hazards.inspect");
        (await ProblemAsync(await citizen.GetAsync("/api/hazards", Ct), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("hazards.read");
        (await ProblemAsync(await citizen.GetAsync("/api/hazards/export", Ct), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("hazards.read");

        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        var enterprise = await factory.ClientForAsync("enterprise");
        var record = await ProblemAsync(await RecordAsync(enterprise, round.Id, Body(new Spec("自查", "General", "FixedOnTheSpot"))), HttpStatusCode.Forbidden);
        record.GetProperty("rule").GetString()!.ShouldStartWith("hazards.inspect");
        (await LedgerAsync(grid, $"roundId={round.Id}"))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_fake_image_is_refused_naming_the_photos_and_nothing_is_written()
    {
        var grid = await factory.ClientForAsync("grid");
        var round = await OpenRoundAsync(grid);
        var fake = "GIF89a? not really, just text pretending"u8.ToArray();
        var response = await grid.PostAsync($"/api/hazards/rounds/{round.Id}/hazards", Form(new Dictionary<string, string?>
        {
            ["description"] = "灭火器过期", ["level"] = "General", ["category"] = "fire", ["rectification"] = "FixedOnTheSpot", ["measure"] = "更换灭火器",
        }, ("beforePhotos", "photo.jpg", fake)), Ct);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("beforePhotos")[0].GetString()!.ShouldContain("photo.jpg");
        (await LedgerAsync(grid, $"roundId={round.Id}"))!.Total.ShouldBe(0);

        // The same on the rectification report: the hazard stays where it was, with no photo.
        var order = await ReadAsync<HazardDetail>(await RecordAsync(grid, round.Id, Body(new Spec("应急照明损坏", "General", "RectifyByDeadline"))));
        var park = await factory.ClientForAsync("park");
        (await ProblemAsync(await ActAsync(park, order.Row.Id, CaseAction.Resolve, Form(new Dictionary<string, string?>(), ("afterPhotos", "after.png", fake))), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("afterPhotos", out _).ShouldBeTrue();
        var after = await ReadAsync<HazardDetail>(await grid.GetAsync($"/api/hazards/{order.Row.Id}", Ct));
        after.Row.State.ShouldBe(CaseState.InProgress);
        after.Photos.ShouldBeEmpty();
        after.Version.ShouldBe(order.Version);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field()
    {
        var grid = await factory.ClientForAsync("grid");
        var noPlace = await ProblemAsync(await grid.PostAsJsonAsync("/api/hazards/rounds", new RoundInput { Notes = "无对象" }, Ct), HttpStatusCode.BadRequest);
        noPlace.GetProperty("errors").TryGetProperty("place", out _).ShouldBeTrue();
        var unknownEnterprise = await ProblemAsync(await grid.PostAsJsonAsync("/api/hazards/rounds", new RoundInput { EnterpriseId = Guid.NewGuid() }, Ct), HttpStatusCode.BadRequest);
        unknownEnterprise.GetProperty("errors").TryGetProperty("enterpriseId", out _).ShouldBeTrue();

        var round = await OpenRoundAsync(grid);
        var empty = await ProblemAsync(await RecordAsync(grid, round.Id, new { }), HttpStatusCode.BadRequest);
        var fields = empty.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["description", "level", "category", "rectification", "measure"], ignoreOrder: true);
        var wrong = await ProblemAsync(await RecordAsync(grid, round.Id, new { description = "x", level = "1", category = "weather", rectification = "Later", measure = "y" }), HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["level", "category", "rectification"], ignoreOrder: true);
        var noOne = await ProblemAsync(await RecordAsync(grid, round.Id, Body(new Spec("无人负责", "General", "RectifyByDeadline"), responsible: " ")), HttpStatusCode.BadRequest);
        noOne.GetProperty("errors").TryGetProperty("responsiblePerson", out _).ShouldBeTrue();
        (await RecordAsync(grid, Guid.NewGuid(), Body(new Spec("无此检查", "General", "FixedOnTheSpot")))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LedgerAsync(grid, $"roundId={round.Id}"))!.Total.ShouldBe(0);
    }
}

public sealed class HazardsOnSqlite(CasesSqliteFactory factory) : HazardBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class HazardsOnPostgres(CasesPostgresFactory factory) : HazardBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
