using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Investment.Domain;
using SmartIsland.Investment.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Keeping the idle-site inventory (edits with versions, status, parks' leading industries) and the zone's 代办 task
/// list (by project, open, overdue, its export) over HTTP on both databases; the clock starts Wed 2026-11-25 10:00 (+08:00).
/// </summary>
public abstract class IdleSiteAndTaskBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static SiteInput NewSite(string name) => new()
    {
        Kind = SiteKind.Plant, Name = name, Area = 2400, Location = "测试园区纬一路", OwnerName = "园区管理办公室", Price = 12, AvailableFrom = Today,
        IndustryCode = "C3829", Note = "单层钢结构",
    };

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

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response) =>
        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, int? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request, Ct);
    }

    private static async Task<SiteView> GetSiteAsync(HttpClient client, Guid id) => await ReadAsync<SiteView>(await client.GetAsync($"/api/investment/sites/{id}", Ct));

    /// <summary>A lead moved to 签约 (tasks may be added from then on).</summary>
    private static async Task<LeadView> SignedLeadAsync(HttpClient client, string investor)
    {
        var lead = await ReadAsync<LeadView>(await client.PostAsJsonAsync("/api/investment/leads", new LeadInput
        {
            InvestorName = investor, ProjectName = investor + "生产基地项目", Source = LeadSource.Visit, IndustryCode = "C3829", IntendedAmount = 5000m,
            NextAction = "约企业负责人来区考察", NextActionOn = Today.AddDays(3),
        }, Json, Ct));
        foreach (var stage in new[] { LeadStage.Negotiating, LeadStage.Signed })
        {
            lead = await ReadAsync<LeadView>(await SendAsync(client, HttpMethod.Post, $"/api/investment/leads/{lead.Id}/stage", new StageChange(stage, "推进"), lead.Version));
        }
        return lead;
    }

    private static async Task<AgencyTaskView> AddTaskAsync(HttpClient client, Guid leadId, string title, int days) =>
        await ReadAsync<AgencyTaskView>(await client.PostAsJsonAsync($"/api/investment/leads/{leadId}/tasks", new AgencyTaskInput { Title = title, DueInWorkingDays = days }, Json, Ct));

    [Fact]
    public async Task A_site_edited_with_a_stale_version_is_412_and_keeps_what_the_first_editor_saved()
    {
        var dept = await factory.ClientForAsync("dept");
        var park = await factory.ClientForAsync("park");
        var site = await ReadAsync<SiteView>(await dept.PostAsJsonAsync("/api/investment/sites", NewSite("测试闲置厂房甲"), Json, Ct));
        site.Status.ShouldBe(SiteStatus.Available);

        // Both read version N; the park clerk reserves it first.
        var reserved = await ReadAsync<SiteView>(await SendAsync(park, HttpMethod.Put, $"/api/investment/sites/{site.Id}",
            NewSite("测试闲置厂房甲") with { Status = SiteStatus.Reserved }, site.Version));
        reserved.Status.ShouldBe(SiteStatus.Reserved);
        reserved.Version.ShouldNotBe(site.Version);

        await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/sites/{site.Id}",
            NewSite("测试闲置厂房甲（改名）") with { Status = SiteStatus.Taken, Area = 1800 }, site.Version), HttpStatusCode.PreconditionFailed);

        var now = await GetSiteAsync(dept, site.Id);
        now.Name.ShouldBe("测试闲置厂房甲");
        now.Status.ShouldBe(SiteStatus.Reserved);
        now.Area.ShouldBe(2400m);
        now.Note.ShouldBe("单层钢结构");
        now.Version.ShouldBe(reserved.Version);

        // With the current version the change goes through.
        var taken = await ReadAsync<SiteView>(await SendAsync(dept, HttpMethod.Put, $"/api/investment/sites/{site.Id}",
            NewSite("测试闲置厂房甲") with { Status = SiteStatus.Taken }, now.Version));
        taken.Status.ShouldBe(SiteStatus.Taken);
        (await dept.GetFromJsonAsync<List<SiteView>>("/api/investment/sites?status=Taken&search=测试闲置厂房甲", Json, Ct))!.ShouldHaveSingleItem().Id.ShouldBe(site.Id);
    }

    [Fact]
    public async Task A_bad_area_price_or_industry_is_a_400_naming_each_field_and_the_site_is_unchanged()
    {
        var dept = await factory.ClientForAsync("dept");
        var site = await ReadAsync<SiteView>(await dept.PostAsJsonAsync("/api/investment/sites", NewSite("测试闲置厂房乙"), Json, Ct));

        (await ErrorKeysAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/sites/{site.Id}",
            NewSite("测试闲置厂房乙") with { Area = 0, Price = -1, Status = SiteStatus.Taken }, site.Version))).ShouldBe(["area", "price"]);
        // A38 has the shape of a division but section A (农、林、牧、渔业) ends at 05 (GB/T 4754—2017); a code past the class level is not one either.
        (await ErrorKeysAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/sites/{site.Id}",
            NewSite("测试闲置厂房乙") with { IndustryCode = "A38" }, site.Version))).ShouldBe(["industryCode"]);
        (await ErrorKeysAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/sites/{site.Id}",
            NewSite("测试闲置厂房乙") with { IndustryCode = "C382901" }, site.Version))).ShouldBe(["industryCode"]);

        var now = await GetSiteAsync(dept, site.Id);
        now.Area.ShouldBe(2400m);
        now.Price.ShouldBe(12m);
        now.Status.ShouldBe(SiteStatus.Available);
        now.IndustryCode.ShouldBe("C3829");
        now.Version.ShouldBe(site.Version);

        var citizen = await factory.ClientForAsync("citizen");
        (await SendAsync(citizen, HttpMethod.Put, $"/api/investment/sites/{site.Id}", NewSite("测试闲置厂房乙"), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_park_s_leading_industries_are_saved_as_typed_and_a_code_that_is_no_division_is_named()
    {
        var dept = await factory.ClientForAsync("dept");
        var park = (await dept.GetFromJsonAsync<List<ParkIndustriesView>>("/api/investment/parks", Json, Ct))!.Single(p => p.ParkName == "临港物流产业园区");
        park.Divisions.ShouldBe(["G59", "G60", "F51"]); // the demo guide

        // Typed the way staff type: full-width comma, spaces, lower case, a repeat.
        var saved = await ReadAsync<ParkIndustriesView>(await SendAsync(dept, HttpMethod.Put, $"/api/investment/parks/{park.ParkId}",
            new ParkIndustriesInput(["g59，G60  F51", "C29", "G59"]), park.Version));
        saved.Divisions.ShouldBe(["G59", "G60", "F51", "C29"]);
        saved.Version.ShouldNotBe(park.Version);

        var bad = await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/parks/{park.ParkId}",
            new ParkIndustriesInput(["G59, A38, C2929, 物流"]), saved.Version), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["divisions"]);
        var message = errors.GetProperty("divisions")[0].GetString()!;
        message.ShouldContain("A38");
        message.ShouldContain("C2929");
        message.ShouldContain("物流");
        message.ShouldNotContain("G59");

        // Someone else's save in between: 412, and the list stays as saved.
        await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/parks/{park.ParkId}", new ParkIndustriesInput(["G59"]), park.Version), HttpStatusCode.PreconditionFailed);
        var read = (await dept.GetFromJsonAsync<List<ParkIndustriesView>>("/api/investment/parks", Json, Ct))!.Single(p => p.ParkId == park.ParkId);
        read.Divisions.ShouldBe(["G59", "G60", "F51", "C29"]);
        read.Version.ShouldBe(saved.Version);
    }

    [Fact]
    public async Task A_project_s_tasks_include_those_added_before_the_lead_became_the_project_and_filter_by_open_and_overdue()
    {
        var dept = await factory.ClientForAsync("dept");
        var lead = await SignedLeadAsync(dept, "河南某测试代办企业甲");
        var before = await AddTaskAsync(dept, lead.Id, "企业开办", 3);
        lead = await ReadAsync<LeadView>(await dept.GetAsync($"/api/investment/leads/{lead.Id}", Ct));
        var converted = await ReadAsync<LeadView>(await SendAsync(dept, HttpMethod.Post, $"/api/investment/leads/{lead.Id}/convert",
            new ConversionInput { Level = ProjectLevel.Zone, Category = ProjectCategory.AdvancedManufacturing }, lead.Version));
        var projectId = converted.ProjectId!.Value;
        var after = await AddTaskAsync(dept, lead.Id, "项目备案", 10);
        var other = await SignedLeadAsync(dept, "河南某测试代办企业乙");
        await AddTaskAsync(dept, other.Id, "企业开办", 3);

        var listed = (await dept.GetFromJsonAsync<List<AgencyTaskView>>($"/api/investment/tasks?projectId={projectId}", Json, Ct))!;
        listed.Select(t => t.Id).ShouldBe([before.Id, after.Id]); // soonest due first
        listed.ShouldAllBe(t => t.ProjectId == projectId && t.ProjectCode == converted.ProjectCode && t.LeadCode == lead.Code && t.InvestorName == "河南某测试代办企业甲");

        // Started, then the first one is done: open-only leaves the second.
        var started = await ReadAsync<AgencyTaskView>(await SendAsync(dept, HttpMethod.Put, $"/api/investment/tasks/{before.Id}", new AgencyTaskUpdate(AgencyTaskStatus.InProgress, null), before.Version));
        started.Status.ShouldBe(AgencyTaskStatus.InProgress);
        started.DoneOn.ShouldBeNull();
        await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/investment/tasks/{before.Id}", new AgencyTaskUpdate(AgencyTaskStatus.Cancelled, null), before.Version),
            HttpStatusCode.PreconditionFailed);
        await ReadAsync<AgencyTaskView>(await SendAsync(dept, HttpMethod.Put, $"/api/investment/tasks/{before.Id}", new AgencyTaskUpdate(AgencyTaskStatus.Done, "营业执照已领取"), started.Version));
        (await dept.GetFromJsonAsync<List<AgencyTaskView>>($"/api/investment/tasks?projectId={projectId}&openOnly=true", Json, Ct))!
            .Select(t => t.Id).ShouldBe([after.Id]);

        // The second falls due last Friday: three working days overdue (Mon 23, Tue 24, Wed 25).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var task = await db.Set<AgencyTask>().IgnoreQueryFilters().SingleAsync(t => t.Id == after.Id, Ct);
            db.UseZone(task.ZoneId);
            task.DueOn = new DateOnly(2026, 11, 20);
            db.AuditReason = "test arrangement: a task past its due day";
            await db.SaveChangesAsync(Ct);
        }
        var overdue = (await dept.GetFromJsonAsync<List<AgencyTaskView>>("/api/investment/tasks?overdueOnly=true", Json, Ct))!;
        var late = overdue.ShouldHaveSingleItem(); // the demo tasks all fall due later
        late.Id.ShouldBe(after.Id);
        late.Overdue.ShouldBeTrue();
        late.WorkingDaysLeft.ShouldBe(-3);
    }

    [Fact]
    public async Task The_task_export_is_an_xlsx_of_the_filtered_rows()
    {
        var dept = await factory.ClientForAsync("dept");
        var lead = await SignedLeadAsync(dept, "河南某测试代办企业丙");
        var converted = await ReadAsync<LeadView>(await SendAsync(dept, HttpMethod.Post, $"/api/investment/leads/{lead.Id}/convert",
            new ConversionInput { Level = ProjectLevel.Zone, Category = ProjectCategory.AdvancedManufacturing }, lead.Version));
        var filing = await AddTaskAsync(dept, lead.Id, "项目备案", 5);
        var permit = await AddTaskAsync(dept, lead.Id, "施工许可", 20);
        await ReadAsync<AgencyTaskView>(await SendAsync(dept, HttpMethod.Put, $"/api/investment/tasks/{filing.Id}", new AgencyTaskUpdate(AgencyTaskStatus.Done, null), filing.Version));

        var response = await dept.GetAsync($"/api/investment/tasks/export?projectId={converted.ProjectId}&openOnly=true", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = rows.ShouldHaveSingleItem();
        row["事项"].ShouldBe("施工许可");
        row["编号"].ShouldBe(lead.Code);
        row["投资方"].ShouldBe("河南某测试代办企业丙");
        row["项目编号"].ShouldBe(converted.ProjectCode);
        row["状态"].ShouldBe("待办");
        row["截止日期"].ShouldBe(permit.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // Without the open filter the done one is there too.
        var all = MiniExcel.Query(new MemoryStream(await dept.GetByteArrayAsync($"/api/investment/tasks/export?projectId={converted.ProjectId}", Ct)), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().Select(r => r["事项"]).ToList();
        all.ShouldBe(["项目备案", "施工许可"]);

        var citizen = await factory.ClientForAsync("citizen");
        (await citizen.GetAsync("/api/investment/tasks/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class IdleSiteAndTaskOnSqlite(CasesSqliteFactory factory) : IdleSiteAndTaskBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class IdleSiteAndTaskOnPostgres(CasesPostgresFactory factory) : IdleSiteAndTaskBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
