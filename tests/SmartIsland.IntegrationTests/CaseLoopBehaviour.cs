using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Routing, photos, rating and revisit, the requester's updates, duplicates and personal data — over HTTP
/// on both databases. The demo grids are two rectangles sharing the edge at 113.35°E (33.71–33.73°N).
/// </summary>
public abstract class CaseLoopBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<CaseView> ReadAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CaseView>(Json, Ct))!;
    }

    private static async Task<CaseView> SubmitAsync(HttpClient client, CaseSubmission submission) =>
        await ReadAsync(await client.PostAsJsonAsync("/api/cases", submission, Ct));

    private static CaseSubmission StreetLight(string description = "路灯不亮") =>
        new() { TypeCode = "request", Category = "street-light", Description = description, Address = "遵化店镇蒲楼村", RequesterPhone = "13812345678", RequesterName = "郑好" };

    private static async Task<CaseView> ActAsync(HttpClient client, Guid id, CaseAction action, object? body = null) =>
        await ReadAsync(await client.PostAsJsonAsync($"/api/cases/{id}/actions/{action}", body ?? new { }, Ct));

    private async Task<Guid> UnitAsync(string name)
    {
        var admin = await factory.ClientForAsync("admin");
        var units = await admin.GetFromJsonAsync<List<UnitInfo>>("/api/cases/units", Json, Ct);
        return units!.Single(u => u.Name == name).Id;
    }

    private async Task<List<CaseNotification>> NotificationsAsync(Guid caseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Set<CaseNotification>().IgnoreQueryFilters().Where(n => n.CaseId == caseId).ToListAsync(Ct);
    }

    /// <summary>Everything the audit log says about a case and its rows (before and after values).</summary>
    private async Task<string> AuditTextAsync(Guid caseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var photoIds = await db.Set<CasePhoto>().IgnoreQueryFilters().Where(p => p.CaseId == caseId).Select(p => p.Id).ToListAsync(Ct);
        var ids = photoIds.Append(caseId).Select(id => id.ToString()).ToList(); // the log names rows by their key as .NET prints it
        var entries = await db.Set<SmartIsland.Platform.Audit.AuditEntry>().IgnoreQueryFilters().Where(e => ids.Contains(e.EntityId!)).ToListAsync(Ct);
        entries.ShouldNotBeEmpty();
        return string.Join("\n", entries.Select(e => e.Before + " " + e.After));
    }

    private async Task<int> CaseCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Set<SmartIsland.Cases.Domain.Case>().IgnoreQueryFilters().CountAsync(Ct);
    }

    /// <summary>Resolves a case the way the units do: accept, assign to the dept account, start, resolve.</summary>
    private async Task<CaseView> ResolveAsync(Guid id, bool accept = true)
    {
        var dept = await factory.ClientForAsync("dept");
        var me = (await dept.GetFromJsonAsync<List<StaffMember>>("/api/cases/staff", Json, Ct))!.Single(s => s.Name == "陈思雨").Id;
        if (accept) await ActAsync(dept, id, CaseAction.Accept);
        await ActAsync(dept, id, CaseAction.Assign, new { assignToUserId = me });
        await ActAsync(dept, id, CaseAction.Start);
        return await ActAsync(dept, id, CaseAction.Resolve);
    }

    [Fact]
    public async Task A_street_light_goes_to_city_management_and_shows_in_that_units_queue()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, StreetLight("路由测试：路灯"));
        c.AssignedUnitId.ShouldBe(await UnitAsync("城市管理和综合执法局"));
        c.CategoryCode.ShouldBe("street-light");
        c.Timeline[0].Reason!.ShouldContain("类别（路灯不亮）"); // the timeline says why it went there

        var dept = await factory.ClientForAsync("dept"); // the demo department account works in city management
        var queue = await dept.GetFromJsonAsync<CasePage>("/api/cases?queue=MyUnit&pageSize=200", Json, Ct);
        queue!.Items.ShouldContain(i => i.Id == c.Id);
        var park = await factory.ClientForAsync("park");
        var parkQueue = await park.GetFromJsonAsync<CasePage>("/api/cases?queue=MyUnit&pageSize=200", Json, Ct);
        parkQueue!.Items.ShouldNotContain(i => i.Id == c.Id);
    }

    [Fact]
    public async Task An_enterprises_request_goes_to_its_park_and_the_chief_service_officer_hears_of_it()
    {
        var enterprise = await factory.ClientForAsync("enterprise");
        var c = await SubmitAsync(enterprise, new CaseSubmission { TypeCode = "request", Category = "enterprise-service", Description = "用电增容申请进度", Address = "电气装备产业园区" });
        c.AssignedUnitId.ShouldBe(await UnitAsync("电气装备产业园区"));
        c.EnterpriseId.ShouldNotBeNull();
        (await NotificationsAsync(c.Id)).ShouldContain(n => n.RecipientRole == "ChiefServiceOfficer");
    }

    [Fact]
    public async Task A_point_inside_a_grid_goes_to_that_grid_and_a_point_near_its_edge_asks_the_unit_to_confirm()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var inside = await SubmitAsync(citizen, new CaseSubmission { TypeCode = "request", Category = "other", Description = "网格测试：中间", Latitude = 33.72, Longitude = 113.36 });
        var grid2 = await UnitAsync("遵化店镇第二网格");
        inside.AssignedUnitId.ShouldBe(grid2);
        inside.GridId.ShouldBe(grid2);
        inside.UnitNeedsConfirmation.ShouldBeFalse();

        // 0.0002° of longitude at 33.72°N is about 18.5 m: inside grid 1, near the shared edge.
        var edge = await SubmitAsync(citizen, new CaseSubmission { TypeCode = "request", Category = "other", Description = "网格测试：边界", Latitude = 33.72, Longitude = 113.3498 });
        edge.AssignedUnitId.ShouldBe(await UnitAsync("遵化店镇第一网格"));
        edge.UnitNeedsConfirmation.ShouldBeTrue();
        (await NotificationsAsync(edge.Id)).ShouldContain(n => n.Kind == NotificationKind.UnitToConfirm);

        // The unit says it is the neighbour's: moved with a reason, the confirmation is settled.
        var dept = await factory.ClientForAsync("dept");
        var noReason = await dept.PostAsJsonAsync($"/api/cases/{edge.Id}/actions/Transfer", new { assignToUnitId = grid2 }, Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var moved = await ActAsync(dept, edge.Id, CaseAction.Transfer, new { assignToUnitId = grid2, reason = "位置在第二网格一侧" });
        moved.AssignedUnitId.ShouldBe(grid2);
        moved.UnitNeedsConfirmation.ShouldBeFalse();
        moved.Timeline[^1].Reason.ShouldBe("位置在第二网格一侧");

        var another = await SubmitAsync(citizen, new CaseSubmission { TypeCode = "request", Category = "other", Description = "网格测试：确认", Latitude = 33.72, Longitude = 113.3502 });
        another.UnitNeedsConfirmation.ShouldBeTrue();
        var confirmed = await ReadAsync(await dept.PostAsync($"/api/cases/{another.Id}/confirm-unit", null, Ct));
        confirmed.UnitNeedsConfirmation.ShouldBeFalse();
        confirmed.AssignedUnitId.ShouldBe(grid2);
    }

    [Fact]
    public async Task An_unknown_category_or_a_bad_form_answer_names_the_field_and_writes_nothing()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var before = await CaseCountAsync();
        var unknown = await citizen.PostAsJsonAsync("/api/cases", new CaseSubmission { TypeCode = "request", Category = "no-such", Description = "x", Address = "y" }, Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("category", out _).ShouldBeTrue();
        var badNumber = await citizen.PostAsJsonAsync("/api/cases", new CaseSubmission
        {
            TypeCode = "request", Category = "street-light", Description = "x", Address = "y",
            Attributes = new() { ["count"] = ["三盏"], ["affected"] = ["pedestrians", "aliens"] },
        }, Ct);
        badNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await badNumber.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.TryGetProperty("attribute[count]", out _).ShouldBeTrue();
        errors.TryGetProperty("attribute[affected]", out _).ShouldBeTrue();
        (await CaseCountAsync()).ShouldBe(before);

        var good = await SubmitAsync(citizen, new CaseSubmission
        {
            TypeCode = "request", Category = "street-light", Description = "三盏路灯不亮", Address = "皇台街道",
            Attributes = new() { ["count"] = ["3"], ["affected"] = ["pedestrians", "vehicles"] },
        });
        good.Attributes["count"].ShouldBe(["3"]);
        good.Attributes["affected"].ShouldBe(["pedestrians", "vehicles"]);
    }

    [Fact]
    public async Task Photos_are_judged_by_content_re_encoded_and_shown_only_to_those_who_may_read_the_case()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, StreetLight("照片测试"));

        async Task<HttpResponseMessage> Upload(HttpClient client, params (string Name, byte[] Bytes, string Type)[] files)
        {
            using var form = new MultipartFormDataContent();
            foreach (var (name, bytes, type) in files)
            {
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new MediaTypeHeaderValue(type);
                form.Add(part, "photos", name);
            }
            return await client.PostAsync($"/api/cases/{c.Id}/photos?stage=Before", form, Ct);
        }

        // A script named .jpg, and a JPEG signature with nothing decodable behind it: refused, nothing kept.
        var fake = await Upload(citizen, ("photo.jpg", TestImages.FakeJpeg(), "image/jpeg"));
        fake.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fake.Content.ReadAsStringAsync(Ct)).ShouldContain("photos");
        var mixed = await Upload(citizen, ("good.png", TestImages.Png(), "image/png"), ("broken.jpg", TestImages.TruncatedJpeg(), "image/jpeg"));
        mixed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.GetFromJsonAsync<CaseView>($"/api/cases/{c.Id}", Json, Ct))!.Photos.ShouldBeEmpty();

        var tooMany = await Upload(citizen, Enumerable.Range(0, 7).Select(i => ($"p{i}.png", TestImages.Png(64, 48), "image/png")).ToArray());
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A real photo, large: kept as a JPEG no larger than 1600 px on its long side.
        var ok = await ReadAsync(await Upload(citizen, ("IMG_0001.png", TestImages.Png(3200, 2400), "image/png")));
        var photo = ok.Photos.ShouldHaveSingleItem();
        photo.Stage.ShouldBe(PhotoStage.Before);
        Math.Max(photo.Width, photo.Height).ShouldBe(1600);

        var dept = await factory.ClientForAsync("dept");
        var bytes = await dept.GetAsync($"/api/cases/{c.Id}/photos/{photo.Id}", Ct);
        bytes.StatusCode.ShouldBe(HttpStatusCode.OK);
        bytes.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        var body = await bytes.Content.ReadAsByteArrayAsync(Ct);
        body[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });

        var stranger = await factory.ClientForAsync("enterprise");
        (await stranger.GetAsync($"/api/cases/{c.Id}/photos/{photo.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The audit log records the photo by size and hash, not its bytes (nor the requester's phone).
        var audit = await AuditTextAsync(c.Id);
        audit.ShouldContain($"{body.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))}");
        audit.ShouldNotContain(Convert.ToBase64String(body)[..200]);
        audit.ShouldNotContain("13812345678");
        (await factory.CreateClient().GetAsync($"/api/cases/{c.Id}/photos/{photo.Id}", Ct)).StatusCode.ShouldBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found]);
    }

    [Fact]
    public async Task Dissatisfied_reopens_to_the_unit_once_and_the_second_time_reaches_the_supervisor()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, StreetLight("回访测试"));
        await ResolveAsync(c.Id);

        var rated = await ReadAsync(await citizen.PostAsJsonAsync($"/api/cases/{c.Id}/rating", new { rating = "Dissatisfied", comment = "还是不亮" }, Ct));
        rated.State.ShouldBe(CaseState.Reopened);
        rated.EscalationLevel.ShouldBe(0);
        var first = await NotificationsAsync(c.Id);
        first.Count(n => n.Kind == NotificationKind.Reopened).ShouldBe(1);
        first.ShouldNotContain(n => n.Kind == NotificationKind.Escalation);

        var dept = await factory.ClientForAsync("dept");
        await ActAsync(dept, c.Id, CaseAction.Start);
        await ActAsync(dept, c.Id, CaseAction.Resolve);
        var again = await ReadAsync(await citizen.PostAsJsonAsync($"/api/cases/{c.Id}/rating", new { rating = "Satisfied", notFixed = true }, Ct));
        again.State.ShouldBe(CaseState.Reopened);
        again.EscalationLevel.ShouldBe(1);
        again.SupervisedAt.ShouldNotBeNull();
        var second = await NotificationsAsync(c.Id);
        second.Count(n => n.Kind == NotificationKind.Reopened).ShouldBe(2);
        second.ShouldContain(n => n.Kind == NotificationKind.Escalation && n.Level == 1);

        await ActAsync(dept, c.Id, CaseAction.Start);
        await ActAsync(dept, c.Id, CaseAction.Resolve);
        var happy = await ReadAsync(await citizen.PostAsJsonAsync($"/api/cases/{c.Id}/rating", new { rating = "VerySatisfied" }, Ct));
        happy.State.ShouldBe(CaseState.Resolved);
        happy.Rating.ShouldBe(Satisfaction.VerySatisfied);
        var twice = await citizen.PostAsJsonAsync($"/api/cases/{c.Id}/rating", new { rating = "Satisfied" }, Ct);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stranger = await factory.ClientForAsync("enterprise");
        (await stranger.PostAsJsonAsync($"/api/cases/{c.Id}/rating", new { rating = "Satisfied" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_rating_before_resolution_is_refused_and_changes_nothing()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, StreetLight("过早评价"));
        var early = await citizen.PostAsJsonAsync($"/api/cases/{c.Id}/rating", new { rating = "VeryDissatisfied" }, Ct);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var view = await citizen.GetFromJsonAsync<CaseView>($"/api/cases/{c.Id}", Json, Ct);
        view!.Rating.ShouldBeNull();
        view.Version.ShouldBe(c.Version);
    }

    [Fact]
    public async Task The_requesters_later_update_reaches_the_handler_and_a_handlers_update_counts_as_progress()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, StreetLight("补充测试"));
        var dept = await factory.ClientForAsync("dept");
        var me = (await dept.GetFromJsonAsync<List<StaffMember>>("/api/cases/staff", Json, Ct))!.Single(s => s.Name == "陈思雨").Id;
        await ActAsync(dept, c.Id, CaseAction.Accept);
        await ActAsync(dept, c.Id, CaseAction.Assign, new { assignToUserId = me });

        var update = await ReadAsync(await citizen.PostAsJsonAsync($"/api/cases/{c.Id}/comments", new { text = "晚上八点以后才不亮" }, Ct));
        update.Timeline[^1].Action.ShouldBe("RequesterUpdate");
        (await NotificationsAsync(c.Id)).ShouldContain(n => n.Kind == NotificationKind.RequesterUpdate && n.RecipientUserId == me);

        var progress = await ReadAsync(await dept.PostAsJsonAsync($"/api/cases/{c.Id}/comments", new { text = "已联系供电所" }, Ct));
        progress.Timeline[^1].Action.ShouldBe("Progress");
        progress.Timeline[^1].Reason.ShouldBe("已联系供电所");
        (await dept.PostAsJsonAsync($"/api/cases/{c.Id}/comments", new { text = "  " }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_duplicate_is_merged_with_links_both_ways_and_its_reporter_is_pointed_to_the_case_to_follow()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var first = await SubmitAsync(citizen, new CaseSubmission { TypeCode = "request", Category = "road", Description = "重复测试：坑", Latitude = 33.7150, Longitude = 113.3400 });
        // Forty metres north-east, same category: suggested as a possible duplicate, publicly without any text.
        var nearby = await factory.CreateClient().GetAsync("/api/public/cases/nearby?kind=request/road&lat=33.71525&lon=113.34025", Ct);
        nearby.StatusCode.ShouldBe(HttpStatusCode.OK);
        var raw = await nearby.Content.ReadAsStringAsync(Ct);
        raw.ShouldContain(first.TrackingCode);
        raw.ShouldNotContain("重复测试");
        var otherCategory = await factory.CreateClient().GetStringAsync("/api/public/cases/nearby?kind=request/noise&lat=33.71525&lon=113.34025", Ct);
        otherCategory.ShouldNotContain(first.TrackingCode);

        var second = await SubmitAsync(citizen, new CaseSubmission { TypeCode = "request", Category = "road", Description = "重复测试：同一个坑", Latitude = 33.71525, Longitude = 113.34025 });
        var dept = await factory.ClientForAsync("dept");
        (await dept.GetFromJsonAsync<List<NearbyCase>>($"/api/cases/{second.Id}/nearby", Json, Ct))!.ShouldContain(n => n.TrackingCode == first.TrackingCode);

        var noReason = await dept.PostAsJsonAsync($"/api/cases/{second.Id}/actions/Merge", new { mergeIntoTrackingCode = first.TrackingCode }, Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var merged = await ActAsync(dept, second.Id, CaseAction.Merge, new { mergeIntoTrackingCode = first.TrackingCode, reason = "同一处坑洼" });
        merged.State.ShouldBe(CaseState.Closed);
        merged.MergedInto!.Id.ShouldBe(first.Id);
        var primary = await dept.GetFromJsonAsync<CaseView>($"/api/cases/{first.Id}", Json, Ct);
        primary!.Duplicates.ShouldContain(d => d.Id == second.Id);
        primary.Timeline.ShouldContain(e => e.Action == "MergedHere");

        var track = System.Net.WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/track/{second.TrackingCode}", Ct));
        track.ShouldContain("data-testid=\"track-follow\"");
        track.ShouldContain(first.TrackingCode);
    }

    private static string NameOf(string html, string field) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"([^\"]*{System.Text.RegularExpressions.Regex.Escape(field)})\"").Groups[1].Value;

    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string description, params (string Name, byte[] Bytes)[] photos)
    {
        var html = await client.GetStringAsync("/report", Ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
            { new StringContent("report"), "_handler" },
            { new StringContent("request/street-light"), NameOf(html, "Input.Kind") },
            { new StringContent(description), NameOf(html, "Input.Description") },
            { new StringContent("遵化店镇周湾村口"), NameOf(html, "Input.Address") },
            { new StringContent("33.7201"), NameOf(html, "Input.Latitude") },
            { new StringContent("113.3612"), NameOf(html, "Input.Longitude") },
            { new StringContent("13912340000"), NameOf(html, "Input.RequesterPhone") },
        };
        foreach (var (name, bytes) in photos) form.Add(new ByteArrayContent(bytes), "photos", name);
        return await client.PostAsync("/report", form, Ct);
    }

    [Fact]
    public async Task A_public_report_carries_its_photos_and_a_fake_photo_keeps_everything_typed()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await CaseCountAsync();
        var refused = await PostReportAsync(client, "带假照片的反映", ("photo.jpg", TestImages.FakeJpeg()));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        page.ShouldContain("data-field=\"photos\"");
        page.ShouldContain("带假照片的反映");
        page.ShouldContain("13912340000");
        (await CaseCountAsync()).ShouldBe(before);

        var posted = await PostReportAsync(client, "带照片的反映：路灯倒了", ("light.png", TestImages.Png()), ("light2.png", TestImages.Png(800, 600)));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync(Ct));
        var location = posted.Headers.Location!.ToString();
        var code = location[(location.IndexOf("/track/", StringComparison.Ordinal) + 7)..location.IndexOf('?', StringComparison.Ordinal)];
        var dept = await factory.ClientForAsync("dept");
        var id = (await dept.GetFromJsonAsync<CasePage>("/api/cases?search=" + code, Json, Ct))!.Items.Single().Id;
        var view = await dept.GetFromJsonAsync<CaseView>($"/api/cases/{id}", Json, Ct);
        view!.Photos.Count.ShouldBe(2);
        view.Photos.ShouldAllBe(p => p.Stage == PhotoStage.Report);
        view.Source.ShouldBe(CaseSource.PublicPage);
        view.GridId.ShouldBe(await UnitAsync("遵化店镇第二网格"));
        // The public page shows no photo (a photo may show people or number plates).
        var track = await client.GetStringAsync($"/track/{code}", Ct);
        track.ShouldNotContain("/photos/");
    }

    [Fact]
    public async Task An_oversized_photo_is_refused_with_a_message_and_the_form_kept()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await CaseCountAsync();
        var huge = new byte[11 * 1024 * 1024];
        TestImages.Png(8, 8).CopyTo(huge, 0); // an image signature in front of 11 MB
        var refused = await PostReportAsync(client, "超大照片测试", ("huge.png", huge));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        page.ShouldContain("data-field=\"photos\"");
        page.ShouldContain("超大照片测试");
        (await CaseCountAsync()).ShouldBe(before);

        // Three photos of 9 MB each are each within the limit, but together over 25 MB: refused as a whole.
        var large = new byte[9 * 1024 * 1024];
        TestImages.Png(8, 8).CopyTo(large, 0); // a valid small PNG followed by padding decodes: only the sizes are wrong
        var many = await PostReportAsync(client, "多张大照片测试", Enumerable.Range(0, 3).Select(i => ($"big{i}.png", large)).ToArray());
        many.StatusCode.ShouldBe(HttpStatusCode.OK);
        var manyPage = System.Net.WebUtility.HtmlDecode(await many.Content.ReadAsStringAsync(Ct));
        manyPage.ShouldContain("data-field=\"photos\"");
        manyPage.ShouldContain("多张大照片测试");
        (await CaseCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_reporter_without_an_account_rates_on_the_tracking_page_and_not_fixed_reopens_it()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var posted = await PostReportAsync(client, "匿名回访测试");
        var location = posted.Headers.Location!.ToString();
        var code = location[(location.IndexOf("/track/", StringComparison.Ordinal) + 7)..location.IndexOf('?', StringComparison.Ordinal)];
        var dept = await factory.ClientForAsync("dept");
        var id = (await dept.GetFromJsonAsync<CasePage>("/api/cases?search=" + code, Json, Ct))!.Items.Single().Id;

        var open = await client.GetStringAsync($"/track/{code}", Ct);
        open.ShouldNotContain("data-testid=\"track-rate\"");
        await ResolveAsync(id);

        var html = await client.GetStringAsync($"/track/{code}", Ct);
        html.ShouldContain("data-testid=\"track-rate\"");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html), ["_handler"] = "rate",
            [NameOf(html, "Rating.Rating")] = "Satisfied", [NameOf(html, "Rating.NotFixed")] = "true", [NameOf(html, "Rating.Comment")] = "白天看着好了，晚上还是不亮",
        };
        var rated = await client.PostAsync($"/track/{code}", new FormUrlEncodedContent(form), Ct);
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await rated.Content.ReadAsStringAsync(Ct));
        var view = await dept.GetFromJsonAsync<CaseView>($"/api/cases/{id}", Json, Ct);
        view!.State.ShouldBe(CaseState.Reopened);
        view.Rating.ShouldBe(Satisfaction.Satisfied);
        view.Timeline[^1].Reason!.ShouldContain("晚上还是不亮");
    }

    [Fact]
    public async Task An_administrator_changes_a_types_deadlines_and_new_cases_follow_them()
    {
        var admin = await factory.ClientForAsync("admin");
        var before = await admin.GetAsync("/api/cases/types/inspection-finding", Ct);
        var etag = before.Headers.ETag!.Tag;
        var detail = (await before.Content.ReadFromJsonAsync<CaseTypeDetail>(Json, Ct))!;
        var targets = detail.Policy.Targets.Select(r => r.Priority == CasePriority.Normal ? r with { Resolution = new DeadlineTarget(3, DeadlineUnit.WorkingDays) } : r).ToList();
        var policy = detail.Policy with { Targets = targets, ProgressEveryWorkingDays = 2 };

        var dept = await factory.ClientForAsync("dept");
        var notAdmin = await dept.PutAsJsonAsync("/api/cases/types/inspection-finding/policy", policy, Json, Ct);
        notAdmin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notAdmin.Content.ReadAsStringAsync(Ct)).ShouldContain("cases.types.edit");

        var backwards = detail.Policy with { Targets = detail.Policy.Targets.Select(r => r with { Response = new DeadlineTarget(10, DeadlineUnit.WorkingDays), Resolution = new DeadlineTarget(1, DeadlineUnit.WorkingDays) }).ToList() };
        var refused = await admin.PutAsJsonAsync("/api/cases/types/inspection-finding/policy", backwards, Json, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("targets[Normal].response", out _).ShouldBeTrue();

        var save = new HttpRequestMessage(HttpMethod.Put, "/api/cases/types/inspection-finding/policy") { Content = JsonContent.Create(policy, options: Json) };
        save.Headers.TryAddWithoutValidation("If-Match", etag);
        (await admin.SendAsync(save, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/cases/types/inspection-finding/policy") { Content = JsonContent.Create(policy, options: Json) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        (await admin.SendAsync(stale, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        // Submitted Wednesday 2026-11-25 (the test clock): three working days on is Monday 11-30, end of office hours.
        var c = await SubmitAsync(dept, new CaseSubmission { TypeCode = "inspection-finding", Category = "point", Description = "巡查发现：井盖松动", Address = "皇台街道" });
        c.Resolution.Due.ToOffset(TimeSpan.FromHours(8)).ShouldBe(new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task An_administrator_routes_a_category_to_a_unit_and_new_reports_go_there()
    {
        var admin = await factory.ClientForAsync("admin");
        var city = await UnitAsync("城市管理和综合执法局");
        var badUnit = await admin.PutAsJsonAsync("/api/cases/types/request/categories", new { code = "noise", name = "噪声扰民", routeToUnitId = Guid.NewGuid() }, Ct);
        badUnit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var saved = await admin.PutAsJsonAsync("/api/cases/types/request/categories", new { code = "noise", name = "噪声扰民", nameEn = "Noise", routeToUnitId = city }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));

        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, new CaseSubmission { TypeCode = "request", Category = "noise", Description = "夜间施工噪声", Address = "高阳社区" });
        c.AssignedUnitId.ShouldBe(city);
    }

    [Fact]
    public async Task A_supervision_task_is_raised_by_a_leader_worked_by_the_unit_and_closed_only_by_a_leader()
    {
        var task = new CaseSubmission { TypeCode = "supervision-task", Category = "task", Description = "督办：高阳社区路灯改造11月底前完成", Address = "皇台街道高阳社区" };
        var citizen = await factory.ClientForAsync("citizen");
        var refused = await citizen.PostAsJsonAsync("/api/cases", task, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("cases.supervision.raise");

        var leader = await factory.ClientForAsync("leader");
        var c = await SubmitAsync(leader, task);
        c.AllowedActions.ShouldContain(CaseAction.Assign);
        c.AllowedActions.ShouldNotContain(CaseAction.Accept);
        var city = await UnitAsync("城市管理和综合执法局");
        await ActAsync(leader, c.Id, CaseAction.Assign, new { assignToUnitId = city });
        var dept = await factory.ClientForAsync("dept");
        await ActAsync(dept, c.Id, CaseAction.Start);
        var done = await ActAsync(dept, c.Id, CaseAction.Resolve);
        done.AllowedActions.ShouldNotContain(CaseAction.Verify);
        var selfVerify = await dept.PostAsJsonAsync($"/api/cases/{c.Id}/actions/Verify", new { }, Ct);
        selfVerify.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await selfVerify.Content.ReadAsStringAsync(Ct)).ShouldContain("cases.supervision.verify");
        await ActAsync(leader, c.Id, CaseAction.Verify);
        var closed = await ActAsync(leader, c.Id, CaseAction.Close);
        closed.State.ShouldBe(CaseState.Closed);
        var detail = await leader.GetFromJsonAsync<CaseTypeDetail>("/api/cases/types/supervision-task", Json, Ct);
        detail!.Workflow.ShouldBe("supervision");
    }

    [Fact]
    public async Task A_machine_key_without_a_staff_role_lists_nobodys_cases()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PostReportAsync(client, "匿名反映：机器密钥不应看到"); // a case with no requester account
        var admin = await factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/api-keys", new { name = "合作机构对接", roles = new[] { "Partner" } }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        var machine = factory.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var page = await machine.GetFromJsonAsync<CasePage>("/api/cases?pageSize=200", Json, Ct);
        page!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Personal_data_kept_private_is_masked_for_staff_outside_the_handling_unit()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var submission = StreetLight("隐私测试");
        submission.HidePersonalData = true;
        var c = await SubmitAsync(citizen, submission);
        c.RequesterPhone.ShouldBe("13812345678"); // the requester sees their own

        var dept = await factory.ClientForAsync("dept"); // city management handles street lights
        (await dept.GetFromJsonAsync<CaseView>($"/api/cases/{c.Id}", Json, Ct))!.RequesterPhone.ShouldBe("13812345678");
        var leader = await factory.ClientForAsync("leader");
        var masked = await leader.GetFromJsonAsync<CaseView>($"/api/cases/{c.Id}", Json, Ct);
        masked!.RequesterPhone.ShouldNotBe("13812345678");
        masked.RequesterPhone!.ShouldContain("****");
        masked.RequesterName.ShouldNotBe("郑好");
    }
}

public sealed class CaseLoopOnSqlite(CasesSqliteFactory factory) : CaseLoopBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class CaseLoopOnPostgres(CasesPostgresFactory factory) : CaseLoopBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
