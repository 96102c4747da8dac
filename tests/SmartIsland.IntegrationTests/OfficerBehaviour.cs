using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Features;
using SmartIsland.Cultivation.Officers;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Chief service officers (首席服务员) over HTTP on both databases; the clock starts Wed 2026-11-25 10:00 (+08:00),
/// so "today" for a visit date is 2026-11-25. Each test registers the enterprises it works on.
/// </summary>
public abstract class OfficerBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private const string DemoOfficer = "孙立平"; // the demo account "cso"
    private const string SecondOfficerUser = "cso-second";
    private const string SecondOfficer = "钱晓峰";

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

    private static bool Names(JsonElement problem, string field) => problem.GetProperty("errors").TryGetProperty(field, out _);

    private static string NewCode()
    {
        var first17 = "91410100MA" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17);
    }

    private async Task<Guid> RegisterAsync(string name, Guid? parkId = null)
    {
        var admin = await factory.ClientForAsync("admin");
        var created = await ReadAsync<EnterpriseDetail>(await admin.PostAsJsonAsync("/api/enterprises",
            new EnterpriseInput { CreditCode = NewCode(), Name = name, IndustryCode = "C3825", ParkId = parkId }, Ct));
        return created.Id;
    }

    /// <summary>A second chief service officer in the demo zone (made once per database), so "one officer's list" can be told apart.</summary>
    private async Task<Guid> SecondOfficerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        if (await users.FindByNameAsync(SecondOfficerUser) is { } existing) return existing.Id;
        var (csoId, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        var zone = (await users.FindByIdAsync(csoId.ToString()))!.ZoneId;
        var user = new PlatformUser { UserName = SecondOfficerUser, DisplayName = SecondOfficer, ZoneId = zone, PhoneNumber = "13903759999" };
        (await users.CreateAsync(user, "Demo@2026")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.ChiefServiceOfficer)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private static Task<HttpResponseMessage> AssignAsync(HttpClient client, Guid enterpriseId, Guid officer, string? reason = null, int? version = null) =>
        client.PutAsJsonAsync($"/api/officers/enterprises/{enterpriseId}/assignment", new AssignInput { OfficerUserId = officer, Reason = reason, Version = version }, Ct);

    private static MultipartFormDataContent VisitForm(string? day, string? notes, IEnumerable<string>? requests = null, params (string FileName, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent();
        if (day is not null) form.Add(new StringContent(day), "visitedOn");
        if (notes is not null) form.Add(new StringContent(notes), "notes");
        foreach (var r in requests ?? []) form.Add(new StringContent(r), "requests");
        foreach (var (fileName, content) in photos)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what a client claims decides nothing
            form.Add(file, "photos", fileName);
        }
        return form;
    }

    private async Task<int> VisitRowsAsync(Guid enterpriseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.EnterpriseId == enterpriseId, Ct);
    }

    [Fact]
    public async Task An_enterprise_has_one_officer_and_a_reassignment_keeps_who_when_and_why()
    {
        var id = await RegisterAsync("指派测试科技有限公司");
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        var second = await SecondOfficerAsync();
        var admin = await factory.ClientForAsync("admin");
        var dept = await factory.ClientForAsync("dept");

        var first = await ReadAsync<AssignmentView>(await AssignAsync(admin, id, cso));
        first.OfficerId.ShouldBe(cso);
        first.History.Count.ShouldBe(1);

        Names(await ProblemAsync(await AssignAsync(dept, id, second, reason: null, version: first.Version), HttpStatusCode.BadRequest), "reason").ShouldBeTrue();
        Names(await ProblemAsync(await AssignAsync(dept, id, Guid.NewGuid(), "换人", first.Version), HttpStatusCode.BadRequest), "officerUserId").ShouldBeTrue();
        (await AssignAsync(dept, id, second, "工作调整", first.Version + 5)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var moved = await ReadAsync<AssignmentView>(await AssignAsync(dept, id, second, "工作调整", first.Version));
        moved.OfficerId.ShouldBe(second);
        moved.History.Count.ShouldBe(2);
        var latest = moved.History[0];
        (latest.PreviousOfficerId, latest.OfficerId, latest.PreviousOfficerName, latest.OfficerName, latest.ByName, latest.Reason)
            .ShouldBe((cso, second, DemoOfficer, SecondOfficer, "陈思雨", "工作调整"));
        moved.History[1].ByName.ShouldBe("林晓安");

        // The database itself keeps one officer per enterprise: a second current row is refused.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var zone = await db.Set<OfficerAssignment>().IgnoreQueryFilters().Where(a => a.EnterpriseId == id).Select(a => a.ZoneId).SingleAsync(Ct);
            db.UseZone(zone);
            db.Add(new OfficerAssignment { ZoneId = zone, EnterpriseId = id, OfficerUserId = cso, Since = DateTimeOffset.UtcNow });
            db.AuditReason = "test: a second officer row";
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        var cards = await (await factory.ClientForAsync("cso")).GetFromJsonAsync<OfficerCardView>($"/api/officers/enterprises/{id}/card", Json, Ct);
        cards!.OfficerName.ShouldBe(SecondOfficer);
        var officer = await factory.ClientForAsync("cso");
        var refused = await ProblemAsync(await AssignAsync(officer, id, cso, "我来", moved.Version), HttpStatusCode.Forbidden);
        refused.GetProperty("rule").GetString()!.ShouldStartWith("officers.assign");
    }

    [Fact]
    public async Task A_visit_with_a_photo_and_a_request_becomes_a_case_routed_to_the_enterprises_park()
    {
        var (_, park) = await CaseSteps.AccountAsync(factory.Services, "park");
        var id = await RegisterAsync("走访测试电气有限公司", park);
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        await ReadAsync<AssignmentView>(await AssignAsync(await factory.ClientForAsync("admin"), id, cso));
        var officer = await factory.ClientForAsync("cso");

        const string request = "企业反映厂区外道路照明不足，夜间货车进出困难";
        using var form = VisitForm("2026-11-24", "走访了解二期扩产进度，企业计划明年申报高新技术企业。", [request], ("site.png", TestImages.Png()));
        var visit = await ReadAsync<VisitView>(await officer.PostAsync($"/api/officers/enterprises/{id}/visits", form, Ct));

        visit.VisitedOn.ShouldBe(new DateOnly(2026, 11, 24));
        visit.OfficerName.ShouldBe(DemoOfficer);
        visit.Photos.Count.ShouldBe(1);
        var raised = visit.Requests.ShouldHaveSingleItem();
        raised.TrackingCode.ShouldNotBeNull();

        // The case exists in the case engine, as this enterprise's request, at the enterprise's park.
        var dept = await factory.ClientForAsync("dept");
        var made = await CaseSteps.GetAsync(dept, raised.CaseId!.Value);
        made.TrackingCode.ShouldBe(raised.TrackingCode);
        made.Description.ShouldBe(request);
        made.EnterpriseId.ShouldBe(id);
        made.AssignedUnitId.ShouldBe(park);
        made.CategoryCode.ShouldBe("enterprise-service");

        // The photo was re-encoded: sent as PNG, stored and served as JPEG.
        var photo = await officer.GetAsync($"/api/officers/visits/{visit.Id}/photos/{visit.Photos[0].Id}", Ct);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await photo.Content.ReadAsByteArrayAsync(Ct))[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });

        var card = await officer.GetFromJsonAsync<OfficerCardView>($"/api/officers/enterprises/{id}/card", Json, Ct);
        card!.LastVisitOn.ShouldBe(new DateOnly(2026, 11, 24));
        var audit = await (await factory.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Visit&entityId={visit.Id}&pageSize=10", Ct);
        audit.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Goal_progress_comes_from_the_qualification_held_and_the_patents_in_the_yearly_figures()
    {
        var id = await RegisterAsync("目标测试新材料有限公司");
        var admin = await factory.ClientForAsync("admin");
        (await admin.PostAsJsonAsync($"/api/enterprises/{id}/qualifications", new { kind = "TechSme", validFrom = "2025-06-01", validUntil = "2028-05-31" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var year = (await ReadAsync<EnterpriseDetail>(await admin.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025",
            new IndicatorInput { Revenue = 30_000_000m, InventionPatents = 2, UtilityModelPatents = 1, DesignPatents = 0 }, Ct))).Indicators.Single();
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        await ReadAsync<AssignmentView>(await AssignAsync(admin, id, cso));
        var officer = await factory.ClientForAsync("cso");

        var techSme = await ReadAsync<GoalView>(await officer.PutAsJsonAsync($"/api/officers/enterprises/{id}/goals/TechSme",
            new GoalInput { TargetYear = 2026, Owner = "技术总监", Status = GoalStatus.Planned, Progress = 10 }, Ct));
        (techSme.Progress.Source, techSme.Progress.Status, techSme.Progress.Percent).ShouldBe((ProgressSource.Platform, GoalStatus.Achieved, 100));
        techSme.Progress.ValidUntil.ShouldBe(new DateOnly(2028, 5, 31));

        var highTech = await ReadAsync<GoalView>(await officer.PutAsJsonAsync($"/api/officers/enterprises/{id}/goals/HighTechEnterprise",
            new GoalInput { TargetYear = 2027, Owner = "总经理", Status = GoalStatus.InProgress, Progress = 40 }, Ct));
        (highTech.Progress.Source, highTech.Progress.Status, highTech.Progress.Percent).ShouldBe((ProgressSource.Declared, GoalStatus.InProgress, 40));

        // 2 invention + 1 utility model in force at the end of 2025, aiming for 4: three quarters.
        var patents = await ReadAsync<GoalView>(await officer.PutAsJsonAsync($"/api/officers/enterprises/{id}/goals/PatentFiling",
            new GoalInput { TargetYear = 2026, TargetCount = 4, Owner = "研发部", Status = GoalStatus.Planned }, Ct));
        (patents.Progress.Source, patents.Progress.Status, patents.Progress.Percent, patents.Progress.FigureYear).ShouldBe((ProgressSource.Platform, GoalStatus.InProgress, 75, (int?)2025));

        // The registry's figures change; the goal's progress follows without the officer touching it.
        (await admin.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025?reason=补录专利",
            new IndicatorInput { Revenue = 30_000_000m, InventionPatents = 3, UtilityModelPatents = 1, DesignPatents = 0, Version = year.Version }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var goals = await officer.GetFromJsonAsync<List<GoalView>>($"/api/officers/enterprises/{id}/goals", Json, Ct);
        var after = goals!.Single(g => g.Kind == GoalKind.PatentFiling);
        (after.Progress.Status, after.Progress.Percent).ShouldBe((GoalStatus.Achieved, 100));

        // Editing an existing goal needs the version read; a stale one is refused.
        Names(await ProblemAsync(await officer.PutAsJsonAsync($"/api/officers/enterprises/{id}/goals/PatentFiling",
            new GoalInput { TargetYear = 2026, TargetCount = 6, Owner = "研发部" }, Ct), HttpStatusCode.BadRequest), "version").ShouldBeTrue();
        (await officer.PutAsJsonAsync($"/api/officers/enterprises/{id}/goals/PatentFiling",
            new GoalInput { TargetYear = 2026, TargetCount = 6, Owner = "研发部", Version = after.Version + 3 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Names(await ProblemAsync(await officer.PutAsJsonAsync($"/api/officers/enterprises/{id}/goals/PatentFiling",
            new GoalInput { TargetYear = 2026, TargetCount = 0, Owner = "研发部", Version = after.Version }, Ct), HttpStatusCode.BadRequest), "targetCount").ShouldBeTrue();
    }

    [Fact]
    public async Task An_enterprise_user_reads_its_own_officer_and_visits_but_not_another_enterprises()
    {
        Guid own;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            own = (await db.Users.AsNoTracking().Where(u => u.UserName == "enterprise").Select(u => u.EnterpriseId).SingleAsync(Ct))!.Value;
        }
        var other = await RegisterAsync("他家企业测试有限公司");
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        await ReadAsync<AssignmentView>(await AssignAsync(await factory.ClientForAsync("admin"), other, cso));
        var enterprise = await factory.ClientForAsync("enterprise");

        // The demo enterprise account's enterprise is served by the demo officer, whose phone it needs in full.
        var mine = await ReadAsync<EnterpriseServiceView>(await enterprise.GetAsync($"/api/officers/enterprises/{own}/service", Ct));
        mine.Officer!.OfficerName.ShouldBe(DemoOfficer);
        (mine.Officer.Phone, mine.Officer.PhoneMasked).ShouldBe(("13903751004", false));
        mine.History.ShouldBeEmpty(); // who assigned whom is the administration's business
        mine.CanRecordVisit.ShouldBeFalse();

        var leader = await factory.ClientForAsync("leader");
        var masked = await leader.GetFromJsonAsync<OfficerCardView>($"/api/officers/enterprises/{own}/card", Json, Ct);
        (masked!.Phone, masked.PhoneMasked).ShouldBe(("139****1004", true));

        foreach (var path in new[] { $"/api/officers/enterprises/{other}/service", $"/api/officers/enterprises/{other}/card", $"/api/officers/enterprises/{other}/goals" })
            (await ProblemAsync(await enterprise.GetAsync(path, Ct), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("officers.read");
        (await ProblemAsync(await enterprise.GetAsync("/api/officers/enterprises", Ct), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("officers.list");
        using var form = VisitForm("2026-11-24", "自己记录的走访");
        (await ProblemAsync(await enterprise.PostAsync($"/api/officers/enterprises/{own}/visits", form, Ct), HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("officers.visit");
        (await (await factory.ClientForAsync("citizen")).GetAsync($"/api/officers/enterprises/{own}/service", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientForAsync("b-admin")).GetAsync($"/api/officers/enterprises/{own}/service", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_officer_sees_only_the_enterprises_they_serve()
    {
        var mineId = await RegisterAsync("列表测试甲科技有限公司");
        var theirsId = await RegisterAsync("列表测试乙科技有限公司");
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        var second = await SecondOfficerAsync();
        var admin = await factory.ClientForAsync("admin");
        await ReadAsync<AssignmentView>(await AssignAsync(admin, mineId, cso));
        await ReadAsync<AssignmentView>(await AssignAsync(admin, theirsId, second));
        var officer = await factory.ClientForAsync("cso");

        var list = await ReadAsync<ServedPage>(await officer.GetAsync("/api/officers/enterprises?pageSize=200", Ct));
        list.Items.ShouldContain(e => e.EnterpriseId == mineId);
        list.Items.ShouldNotContain(e => e.EnterpriseId == theirsId);
        list.Items.ShouldAllBe(e => e.OfficerId == cso);
        var searched = await ReadAsync<ServedPage>(await officer.GetAsync("/api/officers/enterprises?search=" + Uri.EscapeDataString("列表测试"), Ct));
        searched.Items.Select(e => e.EnterpriseId).ShouldBe([mineId]);

        (await ProblemAsync(await officer.GetAsync($"/api/officers/enterprises?officerId={second}", Ct), HttpStatusCode.Forbidden))
            .GetProperty("rule").GetString()!.ShouldStartWith("officers.list");
        var theirs = await ReadAsync<ServedPage>(await admin.GetAsync($"/api/officers/enterprises?officerId={second}&search=" + Uri.EscapeDataString("列表测试"), Ct));
        theirs.Items.Select(e => e.EnterpriseId).ShouldBe([theirsId]);
        // Another officer's enterprise: the demo officer may read it (staff) but not record a visit there.
        using var form = VisitForm("2026-11-24", "不是我服务的企业");
        (await ProblemAsync(await officer.PostAsync($"/api/officers/enterprises/{theirsId}/visits", form, Ct), HttpStatusCode.Forbidden))
            .GetProperty("rule").GetString()!.ShouldStartWith("officers.visit");
    }

    [Fact]
    public async Task An_enterprise_last_visited_more_than_sixty_working_days_ago_is_due_a_visit()
    {
        var id = await RegisterAsync("走访周期测试有限公司");
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        await ReadAsync<AssignmentView>(await AssignAsync(await factory.ClientForAsync("admin"), id, cso));
        var officer = await factory.ClientForAsync("cso");
        async Task<ServedEnterprise> RowAsync() =>
            (await ReadAsync<ServedPage>(await officer.GetAsync("/api/officers/enterprises?pageSize=200&search=" + Uri.EscapeDataString("走访周期测试"), Ct))).Items.Single();

        (await RowAsync()).VisitOverdue.ShouldBeFalse(); // just assigned

        // 2026-08-20 + 60 working days is 2026-11-18 (中秋 and 国庆 off, 调休 Sundays worked): on 11-25 a visit is due.
        using (var old = VisitForm("2026-08-20", "上季度走访"))
            await ReadAsync<VisitView>(await officer.PostAsync($"/api/officers/enterprises/{id}/visits", old, Ct));
        var due = await RowAsync();
        (due.VisitOverdue, due.LastVisitOn, due.Visits).ShouldBe((true, (DateOnly?)new DateOnly(2026, 8, 20), 1));
        (await ReadAsync<ServedPage>(await officer.GetAsync("/api/officers/enterprises?overdue=true&pageSize=200", Ct))).Items.ShouldContain(e => e.EnterpriseId == id);

        using (var recent = VisitForm("2026-11-20", "本月走访"))
            await ReadAsync<VisitView>(await officer.PostAsync($"/api/officers/enterprises/{id}/visits", recent, Ct));
        (await RowAsync()).VisitOverdue.ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_visits_name_the_field_and_store_nothing()
    {
        var id = await RegisterAsync("坏输入测试有限公司");
        var (cso, _) = await CaseSteps.AccountAsync(factory.Services, "cso");
        await ReadAsync<AssignmentView>(await AssignAsync(await factory.ClientForAsync("admin"), id, cso));
        var officer = await factory.ClientForAsync("cso");
        const string request = "坏输入测试诉求-不应成为工单";

        async Task<JsonElement> RefusedAsync(MultipartFormDataContent form)
        {
            using (form) return await ProblemAsync(await officer.PostAsync($"/api/officers/enterprises/{id}/visits", form, Ct), HttpStatusCode.BadRequest);
        }

        Names(await RefusedAsync(VisitForm("2026-11-26", "明天的走访", [request])), "visitedOn").ShouldBeTrue();
        Names(await RefusedAsync(VisitForm("2026-11-24", "   ", [request])), "notes").ShouldBeTrue();
        Names(await RefusedAsync(VisitForm(null, "没有日期", [request])), "visitedOn").ShouldBeTrue();
        Names(await RefusedAsync(VisitForm("2026-11-24", "脚本冒充照片", [request], ("photo.jpg", TestImages.FakeJpeg()))), "photos").ShouldBeTrue();
        Names(await RefusedAsync(VisitForm("2026-11-24", "截断的照片", [request], ("broken.jpg", TestImages.TruncatedJpeg()))), "photos").ShouldBeTrue();
        var json = await officer.PostAsJsonAsync($"/api/officers/enterprises/{id}/visits", new { visitedOn = "2026-12-01", notes = "" }, Ct);
        var both = await ProblemAsync(json, HttpStatusCode.BadRequest);
        (Names(both, "visitedOn"), Names(both, "notes")).ShouldBe((true, true));

        (await VisitRowsAsync(id)).ShouldBe(0);
        var dept = await factory.ClientForAsync("dept");
        (await dept.GetFromJsonAsync<CasePage>("/api/cases?search=" + Uri.EscapeDataString(request), Json, Ct))!.Total.ShouldBe(0);

        // A correction needs the version read: a stale If-Match is 412, and the notes stay as they were.
        var visit = await ReadAsync<VisitView>(await officer.PostAsJsonAsync($"/api/officers/enterprises/{id}/visits", new { visitedOn = "2026-11-23", notes = "原始记录" }, Ct));
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/officers/visits/{visit.Id}") { Content = JsonContent.Create(new { visitedOn = "2026-11-23", notes = "改过的记录" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{visit.Version + 1}\"");
        (await officer.SendAsync(stale, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await officer.GetFromJsonAsync<VisitView>($"/api/officers/visits/{visit.Id}", Json, Ct))!.Notes.ShouldBe("原始记录");
        var fixedVisit = await ReadAsync<VisitView>(await officer.PutAsJsonAsync($"/api/officers/visits/{visit.Id}", new { visitedOn = "2026-11-23", notes = "改过的记录", version = visit.Version }, Ct));
        fixedVisit.Notes.ShouldBe("改过的记录");
    }
}

public sealed class OfficersOnSqlite(CasesSqliteFactory factory) : OfficerBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class OfficersOnPostgres(CasesPostgresFactory factory) : OfficerBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
