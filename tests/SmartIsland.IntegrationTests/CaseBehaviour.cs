using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>The case engine over HTTP on both databases; the clock starts Wed 2026-11-25 10:00 (+08:00).</summary>
public abstract class CaseBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<CaseView> ReadAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CaseView>(Json, Ct))!;
    }

    private async Task<CaseView> SubmitAsync(HttpClient client, string description = "路灯不亮，遵化店镇蒲楼村村口") =>
        await ReadAsync(await client.PostAsJsonAsync("/api/cases", new CaseSubmission
        {
            TypeCode = "request", Category = "street-light", Description = description, Address = "遵化店镇蒲楼村村口", RequesterPhone = "13800000000",
        }, Ct));

    /// <summary>The demo department account's own user id, from the staff picker's list.</summary>
    private static async Task<Guid> HandlerAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<List<StaffMember>>("/api/cases/staff", Json, Ct))!.Single(s => s.Name == "陈思雨").Id;

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, CaseAction action, object? body = null, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/actions/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_request_goes_round_the_whole_loop_and_every_step_is_on_its_timeline()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var grid = await factory.ClientForAsync("grid");

        var submitted = await SubmitAsync(citizen);
        submitted.State.ShouldBe(CaseState.Submitted);
        submitted.TrackingCode.ShouldStartWith("SI261125");
        // Wed 10:00: respond within 1 working day (Thu 17:30), resolve within 5 (Wed 12-02 17:30).
        submitted.ResponseDueAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 17, 30, 0, TimeSpan.FromHours(8)));
        submitted.Resolution.Due.ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 30, 0, TimeSpan.FromHours(8)));

        var id = submitted.Id;
        await ReadAsync(await ActAsync(dept, id, CaseAction.Accept));
        await ReadAsync(await ActAsync(dept, id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = await HandlerAsync(dept) }));
        await ReadAsync(await ActAsync(grid, id, CaseAction.Start));
        await ReadAsync(await ActAsync(grid, id, CaseAction.Resolve, new CaseActionRequest { Reason = "已更换灯泡" }));
        await ReadAsync(await ActAsync(grid, id, CaseAction.Verify));
        var closed = await ReadAsync(await ActAsync(dept, id, CaseAction.Close));

        closed.State.ShouldBe(CaseState.Closed);
        closed.FirstResponseAt.ShouldNotBeNull();
        closed.Timeline.Select(e => e.Action).ShouldBe(["Submit", "Accept", "Assign", "Start", "Resolve", "Verify", "Close"]);
        closed.Timeline.Single(e => e.Action == "Resolve").Reason.ShouldBe("已更换灯泡");

        var admin = await factory.ClientForAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Case&entityId={id}&pageSize=50", Ct);
        audit.GetProperty("total").GetInt32().ShouldBe(7); // created + six transitions
    }

    [Fact]
    public async Task A_transition_the_role_may_not_make_is_refused_citing_its_rule_and_nothing_changes()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var submitted = await SubmitAsync(citizen);
        var refused = await ActAsync(citizen, submitted.Id, CaseAction.Accept);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("cases.accept");
        var after = await ReadAsync(await citizen.GetAsync($"/api/cases/{submitted.Id}", Ct));
        after.State.ShouldBe(CaseState.Submitted);
        after.Version.ShouldBe(submitted.Version);
    }

    [Fact]
    public async Task Assigning_to_someone_who_is_not_staff_of_the_zone_is_refused_naming_the_field()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var id = (await SubmitAsync(citizen)).Id;
        var dept = await factory.ClientForAsync("dept");
        await ReadAsync(await ActAsync(dept, id, CaseAction.Accept));
        var stranger = await ActAsync(dept, id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = Guid.NewGuid() });
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("assignToUserId", out _).ShouldBeTrue();
        (await dept.GetFromJsonAsync<CaseView>($"/api/cases/{id}", Json, Ct))!.State.ShouldBe(CaseState.Accepted);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_a_problem_naming_the_reason()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var submitted = await SubmitAsync(citizen);
        var response = await ActAsync(dept, submitted.Id, CaseAction.Reject, new CaseActionRequest { Reason = " " });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await ReadAsync(await ActAsync(dept, submitted.Id, CaseAction.Reject, new CaseActionRequest { Reason = "不属于本区管辖" }))).State.ShouldBe(CaseState.Rejected);
    }

    [Fact]
    public async Task A_stale_if_match_gets_412_and_the_current_one_succeeds()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var submitted = await SubmitAsync(citizen);
        var read = await dept.GetAsync($"/api/cases/{submitted.Id}", Ct);
        var etag = read.Headers.ETag!.Tag.Trim('"');
        var version = int.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);
        (await ActAsync(dept, submitted.Id, CaseAction.Accept, ifMatch: version + 1)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var accepted = await ActAsync(dept, submitted.Id, CaseAction.Accept, ifMatch: version);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        accepted.Headers.ETag!.Tag.ShouldBe($"\"{version + 1}\"");
    }

    [Fact]
    public async Task Two_staff_acting_at_once_one_wins_and_the_other_is_told_without_losing_anything()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var park = await factory.ClientForAsync("park");
        var submitted = await SubmitAsync(citizen);
        var results = await Task.WhenAll(
            ActAsync(dept, submitted.Id, CaseAction.Accept, ifMatch: submitted.Version),
            ActAsync(park, submitted.Id, CaseAction.Accept, ifMatch: submitted.Version));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed);
        var after = await ReadAsync(await dept.GetAsync($"/api/cases/{submitted.Id}", Ct));
        after.Timeline.Count(e => e.Action == "Accept").ShouldBe(1);
    }

    [Fact]
    public async Task Waiting_for_the_requester_pauses_the_clock_and_their_reply_resumes_it()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var id = (await SubmitAsync(citizen)).Id;
        await ReadAsync(await ActAsync(dept, id, CaseAction.Accept));
        await ReadAsync(await ActAsync(dept, id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = await HandlerAsync(dept) }));
        await ReadAsync(await ActAsync(dept, id, CaseAction.Start));
        var waiting = await ReadAsync(await ActAsync(dept, id, CaseAction.AskRequester, new CaseActionRequest { Reason = "请补充具体位置照片" }));
        waiting.State.ShouldBe(CaseState.WaitingForRequester);
        waiting.Resolution.Paused.ShouldBeTrue();

        var other = await factory.ClientForAsync("enterprise");
        (await ActAsync(other, id, CaseAction.RequesterReplied)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var resumed = await ReadAsync(await ActAsync(citizen, id, CaseAction.RequesterReplied, new CaseActionRequest { Reason = "已补充" }));
        resumed.State.ShouldBe(CaseState.InProgress);
        resumed.Resolution.Paused.ShouldBeFalse();
    }

    [Fact]
    public async Task Personal_data_and_other_zones_stay_hidden()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var submitted = await SubmitAsync(citizen, "<script>alert(1)</script> 井盖缺失");
        submitted.Description.ShouldBe("<script>alert(1)</script> 井盖缺失"); // stored as text, never interpreted
        var grid = await factory.ClientForAsync("grid");
        (await ReadAsync(await grid.GetAsync($"/api/cases/{submitted.Id}", Ct))).RequesterPhone.ShouldBe("138****0000");
        var zoneB = await factory.ClientForAsync("b-admin");
        (await zoneB.GetAsync($"/api/cases/{submitted.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stranger = await factory.ClientForAsync("enterprise");
        (await stranger.GetAsync($"/api/cases/{submitted.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_new_child_row_added_through_a_navigation_is_refused_loudly_not_written_without_its_zone()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var submitted = await SubmitAsync(citizen);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartIsland.Platform.Data.PlatformDbContext>();
        var zone = await db.Set<SmartIsland.Organisation.Domain.Zone>().FirstAsync(z => z.DivisionCode == "410471", Ct);
        db.UseZone(zone.Id);
        var c = await db.Set<SmartIsland.Cases.Domain.Case>().Include(x => x.Pauses).FirstAsync(x => x.Id == submitted.Id, Ct);
        c.Pauses.Add(new CasePause { CaseId = c.Id, From = DateTimeOffset.UtcNow });
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        (await db.Set<CasePause>().IgnoreQueryFilters().CountAsync(p => p.CaseId == c.Id, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_work_queue_shows_staff_the_zone_and_a_requester_only_their_own()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var mine = await SubmitAsync(citizen, "队列测试：本人提交");
        var enterprise = await factory.ClientForAsync("enterprise");
        var theirs = await ReadAsync(await enterprise.PostAsJsonAsync("/api/cases", new CaseSubmission { TypeCode = "request", Category = "enterprise-service", Description = "队列测试：企业提交", Address = "园区" }, Ct));

        var own = await citizen.GetFromJsonAsync<CasePage>("/api/cases?pageSize=200", Json, Ct);
        own!.Items.ShouldContain(c => c.Id == mine.Id);
        own.Items.ShouldNotContain(c => c.Id == theirs.Id);

        var dept = await factory.ClientForAsync("dept");
        var all = await dept.GetFromJsonAsync<CasePage>("/api/cases?search=" + Uri.EscapeDataString("队列测试"), Json, Ct);
        all!.Items.Select(c => c.Id).ShouldBe([theirs.Id, mine.Id], ignoreOrder: true);
        var byCode = await dept.GetFromJsonAsync<CasePage>("/api/cases?search=" + mine.TrackingCode.ToLowerInvariant(), Json, Ct);
        byCode!.Items.Single().Id.ShouldBe(mine.Id);
        var submittedOnly = await dept.GetFromJsonAsync<CasePage>("/api/cases?state=Closed&search=" + Uri.EscapeDataString("队列测试"), Json, Ct);
        submittedOnly!.Total.ShouldBe(0);
    }

    private static string NameOf(string html, string field) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"([^\"]*{field})\"").Groups[1].Value;

    private static async Task<(string Html, Dictionary<string, string> Form)> ReportFormAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/report", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return (html, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "report" });
    }

    [Fact]
    public async Task A_citizen_reports_without_an_account_and_follows_it_by_tracking_code_without_personal_data()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (html, form) = await ReportFormAsync(client);
        form[NameOf(html, "Kind")] = "request/street-light";
        form[NameOf(html, "Description")] = "路灯不亮 <b>急</b>";
        form[NameOf(html, "Address")] = "皇台街道高阳社区东门";
        form[NameOf(html, "RequesterPhone")] = "13912345678";
        var posted = await client.PostAsync("/report", new FormUrlEncodedContent(form), Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync(Ct));
        var target = posted.Headers.Location!;
        var location = target.IsAbsoluteUri ? target.PathAndQuery : target.ToString();
        location.ShouldStartWith("/track/SI");

        var track = await client.GetAsync(location, Ct);
        track.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await track.Content.ReadAsStringAsync(Ct);
        var code = location["/track/".Length..location.IndexOf('?', StringComparison.Ordinal)];
        page.ShouldContain(code);
        page.ShouldNotContain("13912345678");
        page.ShouldNotContain("139****5678");
        // The public page shows progress only: not the description either, which may carry personal details.
        System.Net.WebUtility.HtmlDecode(page).ShouldNotContain("路灯不亮");

        // Staff find it in their queue; the phone is there for those who need it.
        var dept = await factory.ClientForAsync("dept");
        var queue = await dept.GetFromJsonAsync<CasePage>("/api/cases?search=" + code, Json, Ct);
        var view = await dept.GetFromJsonAsync<CaseView>($"/api/cases/{queue!.Items.Single().Id}", Json, Ct);
        view!.RequesterPhone.ShouldBe("13912345678");
        view.Description.ShouldBe("路灯不亮 <b>急</b>");
    }

    [Fact]
    public async Task A_report_without_a_place_keeps_what_was_typed_and_says_what_is_missing()
    {
        var client = factory.CreateClient();
        var (html, form) = await ReportFormAsync(client);
        form[NameOf(html, "Kind")] = "request/street-light";
        form[NameOf(html, "Description")] = "井盖缺失";
        form[NameOf(html, "RequesterPhone")] = "13912345678";
        var response = await client.PostAsync("/report", new FormUrlEncodedContent(form), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        page.ShouldContain("data-testid=\"report-errors\"");
        page.ShouldContain("井盖缺失");
        page.ShouldContain("13912345678");
    }

    [Fact]
    public async Task An_unknown_tracking_code_is_404() =>
        (await factory.CreateClient().GetAsync("/track/SI000000XXXXXX", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Bad_submissions_name_the_field_and_write_nothing()
    {
        var citizen = await factory.ClientForAsync("citizen");
        var noPlace = await citizen.PostAsJsonAsync("/api/cases", new CaseSubmission { TypeCode = "request", Category = "road", Description = "无位置" }, Ct);
        noPlace.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noPlace.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("location", out _).ShouldBeTrue();
        var unknown = await citizen.PostAsJsonAsync("/api/cases", new CaseSubmission { TypeCode = "no-such-type", Description = "x", Address = "y" }, Ct);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("typeCode", out _).ShouldBeTrue();
    }
}

public sealed class CasesOnSqlite(CasesSqliteFactory factory) : CaseBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class CasesOnPostgres(CasesPostgresFactory factory) : CaseBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
