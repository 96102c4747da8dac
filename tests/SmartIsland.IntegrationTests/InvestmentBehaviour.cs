using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Investment.Domain;
using SmartIsland.Investment.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.IntegrationTests;

/// <summary>招商 over HTTP on both databases; the clock starts Wed 2026-11-25 10:00 (+08:00).</summary>
public abstract class InvestmentBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static LeadInput NewLead(string investor, string industry = "C3829", decimal amount = 3000m) => new()
    {
        InvestorName = investor, ProjectName = investor + "生产基地项目", Source = LeadSource.Visit, IndustryCode = industry, IntendedAmount = amount,
        NeedKind = SiteKind.Plant, NeedArea = 2000, NextAction = "约企业负责人来区考察", NextActionOn = Today.AddDays(3),
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request, Ct);
    }

    private static async Task<LeadView> CreateAsync(HttpClient client, LeadInput input) =>
        await ReadAsync<LeadView>(await client.PostAsJsonAsync("/api/investment/leads", input, Json, Ct));

    private static async Task<LeadView> MoveAsync(HttpClient client, LeadView lead, LeadStage stage, string note) =>
        await ReadAsync<LeadView>(await PostAsync(client, $"/api/investment/leads/{lead.Id}/stage", new StageChange(stage, note), lead.Version));

    private async Task<int> LeadRowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Set<Lead>().IgnoreQueryFilters().CountAsync(Ct) + await db.Set<LeadEvent>().IgnoreQueryFilters().CountAsync(Ct);
    }

    [Fact]
    public async Task A_lead_moves_through_its_stages_and_every_change_and_note_is_in_its_history_and_the_audit_log()
    {
        var dept = await factory.ClientForAsync("dept");
        var lead = await CreateAsync(dept, NewLead("河南某测试电气企业甲"));
        lead.Stage.ShouldBe(LeadStage.Lead);
        lead.Code.ShouldStartWith("ZS2026-");
        lead.OwnerName.ShouldBe("陈思雨"); // the creator when no owner is given

        lead = await MoveAsync(dept, lead, LeadStage.Negotiating, "企业负责人来区考察");
        lead = await ReadAsync<LeadView>(await PostAsync(dept, $"/api/investment/leads/{lead.Id}/notes", new NoteInput("报送厂房租金优惠方案"), lead.Version));
        lead = await MoveAsync(dept, lead, LeadStage.Signed, "投资协议签约");

        var read = await ReadAsync<LeadView>(await dept.GetAsync($"/api/investment/leads/{lead.Id}", Ct));
        read.Stage.ShouldBe(LeadStage.Signed);
        read.SignedOn.ShouldBe(Today);
        read.History.Select(h => h.Kind).ShouldBe([LeadEventKind.Created, LeadEventKind.StageChanged, LeadEventKind.Note, LeadEventKind.StageChanged]);
        read.History[1].FromStage.ShouldBe(LeadStage.Lead);
        read.History[1].ToStage.ShouldBe(LeadStage.Negotiating);
        read.History[1].Text.ShouldBe("企业负责人来区考察");
        read.History[3].ActorName.ShouldBe("陈思雨");

        // A move the pipeline does not allow (签约 back to 线索) is refused and changes nothing.
        (await PostAsync(dept, $"/api/investment/leads/{lead.Id}/stage", new StageChange(LeadStage.Lead, "退回"), read.Version)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A stage change without a note names the note.
        (await ErrorKeysAsync(await PostAsync(dept, $"/api/investment/leads/{lead.Id}/stage", new StageChange(LeadStage.Dropped, " "), read.Version))).ShouldBe(["note"]);
        (await ReadAsync<LeadView>(await dept.GetAsync($"/api/investment/leads/{lead.Id}", Ct))).Version.ShouldBe(read.Version);

        var admin = await factory.ClientForAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Lead&entityId={lead.Id}&pageSize=50", Ct);
        audit.GetProperty("total").GetInt32().ShouldBe(4); // registered + two moves + the note

        var listed = await dept.GetFromJsonAsync<List<LeadListItem>>("/api/investment/leads?stage=Signed&search=测试电气企业甲", Json, Ct);
        listed!.Single().Id.ShouldBe(lead.Id);
    }

    [Fact]
    public async Task A_signed_lead_becomes_a_project_in_one_step_keeping_its_history_and_converting_twice_is_409()
    {
        var dept = await factory.ClientForAsync("dept");
        var lead = await CreateAsync(dept, NewLead("河南某测试电气企业乙", amount: 12000m));
        (await PostAsync(dept, $"/api/investment/leads/{lead.Id}/convert", new ConversionInput { Level = ProjectLevel.Zone, Category = ProjectCategory.AdvancedManufacturing }, lead.Version))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict); // not signed yet
        lead = await MoveAsync(dept, lead, LeadStage.Negotiating, "实质洽谈");
        lead = await MoveAsync(dept, lead, LeadStage.Signed, "签约");
        // 落地 means the project started: not before the lead is a project.
        (await PostAsync(dept, $"/api/investment/leads/{lead.Id}/stage", new StageChange(LeadStage.Landed, "开工"), lead.Version)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var converted = await ReadAsync<LeadView>(await PostAsync(dept, $"/api/investment/leads/{lead.Id}/convert",
            new ConversionInput { Level = ProjectLevel.Municipal, Category = ProjectCategory.AdvancedManufacturing, ResponsibleLeader = "周明远" }, lead.Version));
        converted.ProjectId.ShouldNotBeNull();
        converted.ProjectCode.ShouldStartWith("XM2026-");
        converted.Stage.ShouldBe(LeadStage.Signed);
        converted.History.Select(h => h.Kind).ShouldBe([LeadEventKind.Created, LeadEventKind.StageChanged, LeadEventKind.StageChanged, LeadEventKind.ConvertedToProject]);
        converted.History[^1].Text!.ShouldStartWith(converted.ProjectCode!);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var projects = await db.Set<Project>().IgnoreQueryFilters().AsNoTracking().Where(p => p.SourceLeadId == lead.Id).ToListAsync(Ct);
            var project = projects.ShouldHaveSingleItem();
            project.Id.ShouldBe(converted.ProjectId!.Value);
            project.Name.ShouldBe("河南某测试电气企业乙生产基地项目");
            project.OwnerName.ShouldBe("河南某测试电气企业乙");
            project.TotalInvestment.ShouldBe(12000m);
            project.Level.ShouldBe(ProjectLevel.Municipal);
            project.SignedOn.ShouldBe(Today);
        }

        var twice = await PostAsync(dept, $"/api/investment/leads/{lead.Id}/convert", new ConversionInput { Level = ProjectLevel.Zone, Category = ProjectCategory.AdvancedManufacturing }, converted.Version);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("projectId");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.Set<Project>().IgnoreQueryFilters().CountAsync(p => p.SourceLeadId == lead.Id, Ct)).ShouldBe(1);
        }

        var landed = await MoveAsync(dept, converted, LeadStage.Landed, "项目开工");
        landed.Stage.ShouldBe(LeadStage.Landed);
        landed.History.Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_chain_lead_links_to_its_source_enterprise_and_an_enterprise_outside_the_registry_is_a_400_naming_the_field()
    {
        var dept = await factory.ClientForAsync("dept");
        Guid source, otherZone;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            source = await db.Set<Enterprise>().IgnoreQueryFilters().Where(e => e.Name == "河南巨高智能电气有限公司").Select(e => e.Id).SingleAsync(Ct);
            otherZone = await db.Set<Enterprise>().IgnoreQueryFilters().Where(e => e.Name == "洛阳示例智能装备有限公司").Select(e => e.Id).SingleAsync(Ct);
        }
        var chain = NewLead("浙江某测试配套企业") with { Source = LeadSource.ChainLead, SourceEnterpriseId = source, ChainDirection = ChainDirection.Upstream };
        var lead = await CreateAsync(dept, chain);
        lead.SourceEnterpriseId.ShouldBe(source);
        lead.SourceEnterpriseName.ShouldBe("河南巨高智能电气有限公司");
        lead.ChainDirection.ShouldBe(ChainDirection.Upstream);

        var before = await LeadRowsAsync();
        (await ErrorKeysAsync(await dept.PostAsJsonAsync("/api/investment/leads", chain with { SourceEnterpriseId = Guid.NewGuid() }, Json, Ct))).ShouldBe(["sourceEnterpriseId"]);
        (await ErrorKeysAsync(await dept.PostAsJsonAsync("/api/investment/leads", chain with { SourceEnterpriseId = otherZone }, Json, Ct))).ShouldBe(["sourceEnterpriseId"]);
        (await ErrorKeysAsync(await dept.PostAsJsonAsync("/api/investment/leads", chain with { ChainDirection = null }, Json, Ct))).ShouldBe(["chainDirection"]);
        (await LeadRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_input_names_each_field_a_stale_if_match_is_412_and_nothing_is_stored()
    {
        var dept = await factory.ClientForAsync("dept");
        var before = await LeadRowsAsync();
        var keys = await ErrorKeysAsync(await dept.PostAsJsonAsync("/api/investment/leads",
            NewLead("河南某测试电气企业丙", amount: -1m) with { NextActionOn = Today.AddDays(-1), IndustryCode = "电气" }, Json, Ct));
        keys.Order(StringComparer.Ordinal).ShouldBe(["industryCode", "intendedAmount", "nextActionOn"]);
        (await ErrorKeysAsync(await dept.PostAsJsonAsync("/api/investment/leads", NewLead("河南某测试电气企业丙") with { OwnerUserId = Guid.NewGuid() }, Json, Ct)))
            .ShouldBe(["ownerUserId"]);
        (await LeadRowsAsync()).ShouldBe(before);

        var lead = await CreateAsync(dept, NewLead("河南某测试电气企业丁"));
        var moved = await MoveAsync(dept, lead, LeadStage.Negotiating, "洽谈");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/investment/leads/{lead.Id}")
        {
            Content = JsonContent.Create(NewLead("改名后的投资方"), options: Json),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{lead.Version}\"");
        (await dept.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var after = await ReadAsync<LeadView>(await dept.GetAsync($"/api/investment/leads/{lead.Id}", Ct));
        after.InvestorName.ShouldBe("河南某测试电气企业丁");
        after.Version.ShouldBe(moved.Version);

        var citizen = await factory.ClientForAsync("citizen");
        (await citizen.GetAsync("/api/investment/leads", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Idle_sites_are_matched_to_a_lead_by_kind_area_within_30_percent_and_industry_best_first_with_reasons()
    {
        var dept = await factory.ClientForAsync("dept");
        var parks = await dept.GetFromJsonAsync<List<ParkIndustriesView>>("/api/investment/parks", Json, Ct);
        var torch = parks!.Single(p => p.ParkName == "高新火炬园");
        var setPark = new HttpRequestMessage(HttpMethod.Put, $"/api/investment/parks/{torch.ParkId}") { Content = JsonContent.Create(new ParkIndustriesInput([.. torch.Divisions, "C17"]), options: Json) };
        setPark.Headers.TryAddWithoutValidation("If-Match", $"\"{torch.Version}\"");
        (await dept.SendAsync(setPark, Ct)).EnsureSuccessStatusCode();

        async Task<Guid> SiteAsync(string name, SiteKind kind, decimal area, string industry, Guid? park = null, SiteStatus status = SiteStatus.Available) =>
            (await ReadAsync<SiteView>(await dept.PostAsJsonAsync("/api/investment/sites", new SiteInput
            {
                Kind = kind, Name = name, Area = area, ParkId = park, Location = "测试位置", OwnerName = "园区管理办公室", Price = 12, AvailableFrom = Today, Status = status, IndustryCode = industry,
            }, Json, Ct))).Id;

        var exact = await SiteAsync("测试纺织厂房A", SiteKind.Plant, 1000, "C1761");
        var larger = await SiteAsync("测试纺织厂房B", SiteKind.Plant, 1250, "C1711");
        await SiteAsync("测试纺织厂房C（大 40%）", SiteKind.Plant, 1400, "C17");
        var smaller = await SiteAsync("测试纺织厂房D", SiteKind.Plant, 720, "C17");
        await SiteAsync("测试纺织用地E", SiteKind.Land, 1000, "C17");
        var park = await SiteAsync("测试火炬园厂房F", SiteKind.Plant, 950, "C3829", torch.ParkId);
        await SiteAsync("测试电气厂房G", SiteKind.Plant, 1000, "C3829");
        await SiteAsync("测试纺织厂房H（已盘活）", SiteKind.Plant, 1000, "C17", status: SiteStatus.Taken);

        var lead = await CreateAsync(dept, NewLead("某测试纺织企业", industry: "C1751") with { NeedArea = 1000 });
        var matches = (await dept.GetFromJsonAsync<List<SiteMatchView>>($"/api/investment/leads/{lead.Id}/matches", Json, Ct))!;

        matches.Select(m => m.Site.Id).ShouldBe([exact, larger, smaller, park]);
        matches.Select(m => m.Industry).ShouldBe([IndustryBasis.SameDivision, IndustryBasis.SameDivision, IndustryBasis.SameDivision, IndustryBasis.ParkLeadingIndustry]);
        matches[1].AreaDeviation.ShouldBe(0.25m);
        matches[2].AreaDeviation.ShouldBe(-0.28m);
        matches[3].Reasons.ShouldContain(r => r.Contains("高新火炬园") && r.Contains("C17"));
        matches[0].Reasons.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_agency_task_due_in_working_days_skips_the_weekend_and_is_listed_per_lead()
    {
        var dept = await factory.ClientForAsync("dept");
        var lead = await CreateAsync(dept, NewLead("河南某测试电气企业戊"));
        (await dept.PostAsJsonAsync($"/api/investment/leads/{lead.Id}/tasks", new AgencyTaskInput { Title = "企业开办", DueInWorkingDays = 3 }, Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict); // only for signed or landed leads
        lead = await MoveAsync(dept, lead, LeadStage.Negotiating, "洽谈");
        lead = await MoveAsync(dept, lead, LeadStage.Signed, "签约");

        // Wed 2026-11-25 + 3 working days: Thu 26, Fri 27, (Sat 28, Sun 29), Mon 30.
        var task = await ReadAsync<AgencyTaskView>(await dept.PostAsJsonAsync($"/api/investment/leads/{lead.Id}/tasks",
            new AgencyTaskInput { Title = "企业开办", DueInWorkingDays = 3 }, Json, Ct));
        task.DueOn.ShouldBe(new DateOnly(2026, 11, 30));
        task.WorkingDaysLeft.ShouldBe(3);
        task.Status.ShouldBe(AgencyTaskStatus.Open);
        task.OwnerName.ShouldBe("陈思雨");

        (await ErrorKeysAsync(await dept.PostAsJsonAsync($"/api/investment/leads/{lead.Id}/tasks",
            new AgencyTaskInput { Title = "项目备案", DueOn = Today.AddDays(-2) }, Json, Ct))).ShouldBe(["dueOn"]);

        // Without the version read, a change could overwrite one made meanwhile: refused, naming the header, nothing changed.
        var blind = await dept.PutAsJsonAsync($"/api/investment/tasks/{task.Id}", new AgencyTaskUpdate(AgencyTaskStatus.Cancelled, null), Json, Ct);
        (await ErrorKeysAsync(blind)).ShouldBe(["If-Match"]);
        (await dept.GetFromJsonAsync<List<AgencyTaskView>>($"/api/investment/leads/{lead.Id}/tasks", Json, Ct))!.Single().Status.ShouldBe(AgencyTaskStatus.Open);

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/investment/tasks/{task.Id}") { Content = JsonContent.Create(new AgencyTaskUpdate(AgencyTaskStatus.Done, "营业执照已领取"), options: Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{task.Version}\"");
        var done = await ReadAsync<AgencyTaskView>(await dept.SendAsync(request, Ct));
        done.DoneOn.ShouldBe(Today);

        var listed = await dept.GetFromJsonAsync<List<AgencyTaskView>>($"/api/investment/leads/{lead.Id}/tasks", Json, Ct);
        listed!.ShouldHaveSingleItem().Status.ShouldBe(AgencyTaskStatus.Done);
    }

    [Fact]
    public async Task The_lead_export_has_the_rows_the_list_shows_with_its_filters()
    {
        var dept = await factory.ClientForAsync("dept");
        var list = await dept.GetFromJsonAsync<List<LeadListItem>>("/api/investment/leads?source=ChainLead", Json, Ct);
        list!.Count.ShouldBeGreaterThan(5); // the demo chain leads
        var response = await dept.GetAsync("/api/investment/leads/export?source=ChainLead", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["编号"]?.ToString()).Order(StringComparer.Ordinal).ShouldBe(list.Select(l => l.Code).Order(StringComparer.Ordinal));
        rows.ShouldAllBe(r => Equals(r["来源"], "链上招商"));
    }
}

public sealed class InvestmentOnSqlite(CasesSqliteFactory factory) : InvestmentBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class InvestmentOnPostgres(CasesPostgresFactory factory) : InvestmentBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
