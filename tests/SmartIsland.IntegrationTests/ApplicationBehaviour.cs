using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Applications;
using static SmartIsland.IntegrationTests.Support.CaseSteps;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// 办件 over HTTP on both databases, with the demo catalogue (DemoCatalogue.json) and the demo e-licences: the
/// <c>enterprise</c> account's company holds a business licence and a property certificate, so 营业执照 and 场所使用证明
/// are proved by e-licence for it. The clock starts Wednesday 2026-11-25 10:00 (+08:00) and each test sets it first;
/// expected dates are counted by hand on the 2026 calendar (no holiday in late November or early December).
/// </summary>
public abstract class ApplicationBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory, ISchedulerHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void ClockTo(string local) => factory.Clock.Set(At(local));

    /// <summary>A real (if tiny) PDF: the header is what the content check reads.</summary>
    private static byte[] Pdf(string text = "材料") => Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static MultipartFormDataContent Form(object application, params (string Code, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(application, Json), Encoding.UTF8, "application/json"), "application" },
        };
        foreach (var (code, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, code, code + ".pdf");
        }
        return form;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] ErrorKeys(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();

    private async Task<(string CreditCode, string Name, string? LegalRepresentative)> EnterpriseAccountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "enterprise").Select(u => u.EnterpriseId!.Value).FirstAsync(Ct);
        var e = await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id, Ct);
        return (e.CreditCode, e.Name, e.LegalRepresentative);
    }

    private async Task<int> ApplicationRowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Set<Application>().IgnoreQueryFilters().CountAsync(Ct) + await db.Set<StoredFile>().IgnoreQueryFilters().CountAsync(Ct);
    }

    /// <summary>The registry's own values for the pre-filled fields, as the enterprise would leave them.</summary>
    private async Task<Dictionary<string, string?>> RegistryFieldsAsync()
    {
        var (code, name, legal) = await EnterpriseAccountAsync();
        var prepared = await (await factory.ClientForAsync("enterprise")).GetFromJsonAsync<PreparedApplication>("/api/services/prepare?item=CG-XK-003", Json, Ct);
        var fields = prepared!.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Definition.Key, f => f.Value);
        fields["enterpriseName"].ShouldBe(name);
        fields["creditCode"].ShouldBe(code);
        fields["legalRepresentative"].ShouldBe(legal);
        return fields;
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> registry, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string?>(registry);
        foreach (var (k, v) in more) all[k] = v;
        return all;
    }

    // ---- one-thing bundles and e-licence exemptions ------------------------------------------------------------

    [Fact]
    public async Task A_bundle_asks_each_material_once_and_an_e_licence_takes_a_material_off_the_list()
    {
        ClockTo("2026-11-25 10:00");
        var enterprise = await factory.ClientForAsync("enterprise");
        var (code, name, _) = await EnterpriseAccountAsync();
        var prepared = (await enterprise.GetFromJsonAsync<PreparedApplication>("/api/services/prepare?bundle=YJS-MDKY", Json, Ct))!;

        // 门头招牌 asks 5 materials and 户外促销 5; 营业执照 and 授权委托书 are in both: 8 on the one form.
        prepared.Items.Select(i => i.Code).ShouldBe(["CG-XK-001", "CG-XK-002"]);
        prepared.Materials.Select(m => m.Code).ShouldBe(
            ["M-BL", "M-PROP", "M-SIGN-DESIGN", "M-SIGN-SAFE", "M-AUTH", "M-PROMO-PLAN", "M-SITE-PLAN", "M-SAFETY"], ignoreOrder: true);
        prepared.Materials.Single(m => m.Code == "M-BL").ItemCodes.ShouldBe(["CG-XK-001", "CG-XK-002"], ignoreOrder: true);
        prepared.Applicant!.Key.ShouldBe(code);
        prepared.Fields.Single(f => f.Definition.Key == "enterpriseName").Value.ShouldBe(name);

        // The company's e-licences prove 营业执照 and 场所使用证明: nothing to upload for them.
        var licence = prepared.Materials.Single(m => m.Code == "M-BL").Exempt.ShouldNotBeNull();
        licence.TypeCode.ShouldBe("business-licence");
        prepared.Materials.Single(m => m.Code == "M-PROP").Exempt.ShouldNotBeNull().TypeCode.ShouldBe("property-certificate");
        prepared.Materials.Where(m => m.Code is not ("M-BL" or "M-PROP")).ShouldAllBe(m => m.Exempt == null);

        var fields = With(await RegistryFieldsAsync(),
            ("signArea", "12"), ("signProjection", "0.3"), ("onOwnFacade", "是"), ("blocksTraffic", "否"),
            ("eventName", "开业促销"), ("place", "门店前广场"), ("startDate", "2026-12-05"), ("durationDays", "10"), ("area", "60"), ("onMainRoad", "否"));
        var submitted = await ReadAsync<BundleApplicationView>(await enterprise.PostAsync("/api/services/bundle-applications",
            Form(new { bundleCode = "YJS-MDKY", fields, contactName = "李经办", contactPhone = "13903751234" },
                ("M-SIGN-DESIGN", Pdf("效果图")), ("M-SIGN-SAFE", Pdf("承诺书")), ("M-PROMO-PLAN", Pdf("方案")), ("M-SITE-PLAN", Pdf("平面图")), ("M-SAFETY", Pdf("预案"))), Ct));

        submitted.Applications.Select(a => a.ItemCode).ShouldBe(["CG-XK-001", "CG-XK-002"], ignoreOrder: true);
        submitted.Applications.ShouldAllBe(a => a.BundleNumber == submitted.Number);
        var signboard = await ReadAsync<ApplicationView>(await enterprise.GetAsync($"/api/services/applications/{submitted.Applications.Single(a => a.ItemCode == "CG-XK-001").Number}", Ct), HttpStatusCode.OK);
        signboard.Materials.Select(m => m.Code).ShouldBe(["M-BL", "M-PROP", "M-SIGN-DESIGN", "M-SIGN-SAFE", "M-AUTH"], ignoreOrder: true);
        var exempt = signboard.Materials.Single(m => m.Code == "M-BL");
        (exempt.State, exempt.LicenceNumber, exempt.FileName).ShouldBe((MaterialState.Exempt, licence.Number, null));
        signboard.Materials.Single(m => m.Code == "M-SIGN-DESIGN").State.ShouldBe(MaterialState.Provided);
        signboard.Materials.Single(m => m.Code == "M-AUTH").State.ShouldBe(MaterialState.NotGiven); // optional, not given
        signboard.Form.ShouldNotContainKey("eventName"); // each item keeps only its own fields
        signboard.AcceptedAt.ShouldNotBeNull();

        // The file one material was uploaded as comes back to its owner, byte for byte.
        var file = await enterprise.GetAsync($"/api/services/applications/{signboard.Number}/materials/M-SIGN-DESIGN", Ct);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(Pdf("效果图"));
    }

    // ---- 容缺受理 ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_missing_deferrable_material_is_accepted_with_a_promise_and_a_missing_required_one_is_refused_by_name()
    {
        ClockTo("2026-11-25 10:00"); // Wednesday
        var enterprise = await factory.ClientForAsync("enterprise");
        var fields = With(await RegistryFieldsAsync(), ("roadName", "建设路"), ("length", "30"), ("startDate", "2026-12-07"));
        var before = await ApplicationRowsAsync();

        // 道路挖掘施工方案 may not be deferred: refused, named, and nothing is kept.
        var refused = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields }, ("M-TRAFFIC", Pdf())), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(refused).ShouldBe(["materials.M-DIG-PLAN"]);
        refused.GetProperty("errors").GetProperty("materials.M-DIG-PLAN")[0].GetString()!.ShouldContain("道路挖掘施工方案");
        (await ApplicationRowsAsync()).ShouldBe(before);

        // 交通疏导方案 may: accepted now, promised within the item's 5 working days — Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 December.
        var accepted = await ReadAsync<ApplicationView>(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields }, ("M-DIG-PLAN", Pdf())), Ct));
        accepted.Stage.ShouldBe(ApplicationStage.Accepted);
        accepted.DeferredAcceptance.ShouldBeTrue();
        accepted.PromisedBy.ShouldBe(new DateOnly(2026, 12, 2));
        accepted.Materials.Single(m => m.Code == "M-TRAFFIC").State.ShouldBe(MaterialState.Deferred);
        // Promised in 3 working days, counted from the day after acceptance: due Monday 30 November.
        DateOnly.FromDateTime(accepted.DueAt!.Value.ToOffset(TimeSpan.FromHours(8)).DateTime).ShouldBe(new DateOnly(2026, 11, 30));

        // The promise is a follow-up case with the implementing department, due at the end of the promise day.
        var caseCode = accepted.DeferredCaseCode.ShouldNotBeNull();
        var followUp = await FollowUpAsync(caseCode);
        followUp.TypeCode.ShouldBe(ApplicationService.DeferredCaseType);
        followUp.Description.ShouldContain(accepted.Number);
        DateOnly.FromDateTime(followUp.Resolution.Due.ToOffset(TimeSpan.FromHours(8)).DateTime).ShouldBe(new DateOnly(2026, 12, 2));

        // Not kept: once the promise day has passed, the sweep supervises it like any overdue case.
        ClockTo("2026-12-03 09:00");
        (await factory.SweepAsync()).Failed.ShouldBe(0);
        var overdue = await FollowUpAsync(caseCode);
        overdue.Resolution.Overdue.ShouldBeGreaterThan(TimeSpan.Zero);
        overdue.Timeline.ShouldContain(e => e.Action == "Escalate");

        // Supplied late: the material is there, the case closes.
        enterprise = await factory.ClientForAsync("enterprise");
        var supplied = await ReadAsync<ApplicationView>(await enterprise.PostAsync($"/api/services/applications/{accepted.Number}/materials/M-TRAFFIC",
            Form(new { }, ("M-TRAFFIC", Pdf("疏导方案"))), Ct), HttpStatusCode.OK);
        supplied.Materials.Single(m => m.Code == "M-TRAFFIC").State.ShouldBe(MaterialState.Provided);
        (await FollowUpAsync(caseCode)).State.ShouldBe(CaseState.Closed);
    }

    private async Task<CaseView> FollowUpAsync(string trackingCode)
    {
        var dept = await factory.ClientForAsync("dept"); // signed in at the moved clock
        var page = await dept.GetFromJsonAsync<CasePage>($"/api/cases?search={trackingCode}&pageSize=5", Json, Ct);
        var id = page!.Items.Single(i => i.TrackingCode == trackingCode).Id;
        return await GetAsync(dept, id);
    }

    // ---- 秒批 --------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Invoices_within_the_published_conditions_are_approved_at_once_with_a_certificate_that_verifies()
    {
        ClockTo("2026-11-25 10:00");
        var enterprise = await factory.ClientForAsync("enterprise");
        var fields = With(await RegistryFieldsAsync(), ("invoiceType", "增值税普通发票"), ("quantity", "20"), ("noOutstandingViolations", "是"));
        var view = await ReadAsync<ApplicationView>(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "SW-QT-001", fields }, ("M-INVOICE-APP", Pdf()), ("M-ID", Pdf())), Ct));

        (view.Stage, view.Decision, view.AutoApproved).ShouldBe((ApplicationStage.Completed, Decision.Approved, true));
        view.AutoApproval!.Criteria.ShouldAllBe(c => c.Met == true);
        var number = view.LicenceNumber.ShouldNotBeNull();
        view.Events.Select(e => e.Action).ShouldBe(["Submit", "Accept", "AutoApprove", "Complete"]);

        var verified = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/licences/verify/{number}", Ct);
        verified.GetProperty("outcome").GetString().ShouldBe("Valid");
        verified.GetProperty("typeCode").GetString().ShouldBe("invoice-approval");
        var pdf = await enterprise.GetAsync(view.CertificatePath, Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        var notices = await enterprise.GetFromJsonAsync<List<NoticeView>>("/api/services/notices", Json, Ct);
        notices!.Where(n => n.ApplicationNumber == view.Number).Select(n => n.Text).ShouldContain(t => t.Contains(number));
    }

    [Fact]
    public async Task An_application_outside_the_conditions_waits_for_a_person_and_is_not_refused_by_the_machine()
    {
        ClockTo("2026-11-25 10:00");
        var enterprise = await factory.ClientForAsync("enterprise");
        var fields = With(await RegistryFieldsAsync(), ("invoiceType", "增值税普通发票"), ("quantity", "50"), ("noOutstandingViolations", "是"));
        var view = await ReadAsync<ApplicationView>(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "SW-QT-001", fields }, ("M-INVOICE-APP", Pdf()), ("M-ID", Pdf())), Ct));

        (view.Stage, view.Decision, view.AutoApproved, view.LicenceNumber).ShouldBe((ApplicationStage.Accepted, (Decision?)null, false, (string?)null));
        // The explanation says which condition failed (at most 25 invoices) for the reviewer.
        var quantity = view.AutoApproval!.Criteria.Single(c => c.Key == "C2");
        (quantity.Met, quantity.Value).ShouldBe((false, "50"));
        view.AutoApproval.Criteria.Single(c => c.Key == "C3").Met.ShouldBe(true);
        view.CanDecide.ShouldBeFalse(); // the applicant cannot decide its own

        // The tax office's item: staff of 城市管理和综合执法局 (the dept account) read it but do not decide it; an administrator may.
        var dept = await factory.ClientForAsync("dept");
        (await ReadAsync<ApplicationView>(await dept.GetAsync($"/api/services/applications/{view.Number}", Ct), HttpStatusCode.OK)).CanDecide.ShouldBeFalse();
        var refused = await DecideAsync(dept, view, new { decision = "Approved" });
        (await ProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("services.decide");
        var admin = await factory.ClientForAsync("admin");
        (await ReadAsync<ApplicationView>(await admin.GetAsync($"/api/services/applications/{view.Number}", Ct), HttpStatusCode.OK)).CanDecide.ShouldBeTrue();
        var queue = await admin.GetFromJsonAsync<ApplicationPage>($"/api/services/applications?stage=Accepted&text={view.Number}", Json, Ct);
        queue!.Items.ShouldHaveSingleItem().Number.ShouldBe(view.Number);
    }

    // ---- decisions --------------------------------------------------------------------------------------------------

    private async Task<ApplicationView> DiggingApplicationAsync(params (string Key, string Value)[] changed)
    {
        var enterprise = await factory.ClientForAsync("enterprise");
        var fields = With(With(await RegistryFieldsAsync(), ("roadName", "建设路"), ("length", "30"), ("startDate", "2026-12-07")), changed);
        return await ReadAsync<ApplicationView>(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields }, ("M-DIG-PLAN", Pdf()), ("M-TRAFFIC", Pdf())), Ct));
    }

    private async Task<HttpResponseMessage> DecideAsync(HttpClient client, ApplicationView app, object body, int? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/services/applications/{app.Number}/decision") { Content = JsonContent.Create(body, options: Json) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version ?? app.Version}\""));
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_refusal_must_cite_a_condition_or_prohibited_situation_of_the_item()
    {
        ClockTo("2026-11-25 10:00");
        var app = await DiggingApplicationAsync();
        var dept = await factory.ClientForAsync("dept");

        var bare = await ProblemAsync(await DecideAsync(dept, app, new { decision = "Refused", note = "不同意" }), HttpStatusCode.BadRequest);
        ErrorKeys(bare).ShouldBe(["rule"]);
        // C4 belongs to 货车通行证, not to 道路挖掘 (C1–C3, P1–P2).
        var foreign = await ProblemAsync(await DecideAsync(dept, app, new { decision = "Refused", rule = "C4" }), HttpStatusCode.BadRequest);
        ErrorKeys(foreign).ShouldBe(["rule"]);
        var unchanged = await ReadAsync<ApplicationView>(await dept.GetAsync($"/api/services/applications/{app.Number}", Ct), HttpStatusCode.OK);
        (unchanged.Stage, unchanged.Version).ShouldBe((ApplicationStage.Accepted, app.Version));

        var refused = await ReadAsync<ApplicationView>(await DecideAsync(dept, app, new { decision = "Refused", rule = "p1", note = "施工期与汛期重叠" }), HttpStatusCode.OK);
        (refused.Stage, refused.Decision, refused.RefusalRule).ShouldBe((ApplicationStage.Completed, Decision.Refused, "P1"));
        refused.RefusalText.ShouldNotBeNullOrEmpty();
        refused.LicenceNumber.ShouldBeNull();
        var enterprise = await factory.ClientForAsync("enterprise");
        var notices = await enterprise.GetFromJsonAsync<List<NoticeView>>("/api/services/notices", Json, Ct);
        notices!.Where(n => n.ApplicationNumber == app.Number).ShouldContain(n => n.Text.Contains("P1"));

        // A decided application is not decided again.
        (await DecideAsync(dept, refused, new { decision = "Approved" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_declared_value_that_differs_from_the_registry_is_flagged_and_an_approval_must_say_why()
    {
        ClockTo("2026-11-25 10:00");
        var app = await DiggingApplicationAsync(("legalRepresentative", "王某某"));
        var flagged = app.Discrepancies.ShouldHaveSingleItem();
        (flagged.Field, flagged.Declared).ShouldBe(("legalRepresentative", "王某某"));
        flagged.Registry.ShouldBe((await EnterpriseAccountAsync()).LegalRepresentative);

        var dept = await factory.ClientForAsync("dept");
        var stale = await DecideAsync(dept, app, new { decision = "Approved", note = "已核实" }, version: app.Version + 7);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var silent = await ProblemAsync(await DecideAsync(dept, app, new { decision = "Approved" }), HttpStatusCode.BadRequest);
        ErrorKeys(silent).ShouldBe(["note"]);

        var approved = await ReadAsync<ApplicationView>(await DecideAsync(dept, app, new { decision = "Approved", note = "法定代表人已于上月变更，以变更通知书为准" }), HttpStatusCode.OK);
        (approved.Stage, approved.Decision, approved.AutoApproved).ShouldBe((ApplicationStage.Completed, Decision.Approved, false));
        approved.Events.Select(e => e.Action).ShouldBe(["Submit", "Accept", "Approve", "Complete"]);
    }

    [Fact]
    public async Task An_approval_whose_certificate_cannot_be_issued_stays_decided_until_staff_complete_it_again()
    {
        ClockTo("2026-11-25 10:00");
        // An item of the dept account's department that issues a licence type the zone does not know.
        var department = await ApplicationSeeds.DepartmentIdAsync(factory, "城市管理和综合执法局");
        var item = await ApplicationSeeds.ItemAsync(factory, department, "城市管理和综合执法局", statutoryDays: 20, promisedDays: 3, issuesLicenceType: "no-such-type");
        var enterprise = await factory.ClientForAsync("enterprise");
        var app = await ReadAsync<ApplicationView>(await enterprise.PostAsync("/api/services/applications", Form(new { itemCode = item.Code }), Ct));

        var dept = await factory.ClientForAsync("dept");
        var decided = await ReadAsync<ApplicationView>(await DecideAsync(dept, app, new { decision = "Approved" }), HttpStatusCode.OK);
        (decided.Stage, decided.Decision, decided.LicenceNumber, decided.CanComplete).ShouldBe((ApplicationStage.Decided, Decision.Approved, (string?)null, true));
        decided.Events[^1].Action.ShouldBe("CertificatePending");
        (await ProblemAsync(await enterprise.PostAsync($"/api/services/applications/{app.Number}/completion", null, Ct), HttpStatusCode.Forbidden))
            .GetProperty("rule").GetString()!.ShouldStartWith("services.decide");

        // Once the catalogue names a type the zone issues, completing again issues it.
        await ApplicationSeeds.UpdateItemAsync(factory, item.Id, i => i.IssuesLicenceType = "signboard-permit");
        var completed = await ReadAsync<ApplicationView>(await dept.PostAsync($"/api/services/applications/{app.Number}/completion", null, Ct), HttpStatusCode.OK);
        (completed.Stage, completed.CanComplete).ShouldBe((ApplicationStage.Completed, false));
        (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/licences/verify/{completed.LicenceNumber}", Ct)).GetProperty("outcome").GetString().ShouldBe("Valid");
        (await dept.PostAsync($"/api/services/applications/{app.Number}/completion", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_ledger_exports_the_rows_the_reader_may_see_with_the_list_filters()
    {
        ClockTo("2026-11-25 10:00");
        var app = await DiggingApplicationAsync();
        var dept = await factory.ClientForAsync("dept");
        var response = await dept.GetAsync($"/api/services/applications/export?text={app.Number}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        var row = rows.ShouldHaveSingleItem();
        (row["办件编号"], row["事项编码"], row["办理状态"], row["实施部门"]).ShouldBe(((object?)app.Number, (object?)"CG-XK-003", (object?)"已受理", (object?)"城市管理和综合执法局"));

        // A citizen's ledger has none of the enterprise's applications.
        var citizen = await (await factory.ClientForAsync("citizen")).GetAsync($"/api/services/applications/export?text={app.Number}", Ct);
        citizen.StatusCode.ShouldBe(HttpStatusCode.OK);
        MiniExcelLibs.MiniExcel.Query(new MemoryStream(await citizen.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ShouldNotContain(r => Equals(r["办件编号"], app.Number));
    }

    // ---- bad input ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Bad_submissions_name_the_field_and_store_nothing()
    {
        ClockTo("2026-11-25 10:00");
        var enterprise = await factory.ClientForAsync("enterprise");
        var fields = With(await RegistryFieldsAsync(), ("roadName", "建设路"), ("length", "30"), ("startDate", "2026-12-07"));
        var before = await ApplicationRowsAsync();

        var unknown = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "NO-SUCH-ITEM", fields }), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(unknown).ShouldBe(["itemCode"]);

        // A script named .pdf: judged by its content.
        var script = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields }, ("M-DIG-PLAN", TestImages.FakeJpeg()), ("M-TRAFFIC", Pdf())), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(script).ShouldBe(["materials.M-DIG-PLAN"]);

        var large = new byte[11 * 1024 * 1024];
        Pdf().CopyTo(large, 0);
        var tooLarge = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields }, ("M-DIG-PLAN", large)), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(tooLarge).ShouldBe(["materials.M-DIG-PLAN"]);

        var badFields = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields = With(fields, ("length", "三十"), ("startDate", "")) }, ("M-DIG-PLAN", Pdf())), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(badFields).ShouldBe(["fields.length", "fields.startDate"], ignoreOrder: true);

        // An enterprise applies only in its own name.
        var other = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", applicantKey = EnterpriseSeeds.NewCreditCode(), fields }, ("M-DIG-PLAN", Pdf())), Ct), HttpStatusCode.Forbidden);
        other.GetProperty("rule").GetString()!.ShouldStartWith("services.apply.own");

        // A penalty is not applied for.
        var penalty = await ProblemAsync(await enterprise.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-CF-001", fields = new { } }), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(penalty).ShouldBe(["itemCode"]);

        (await ApplicationRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Window_staff_apply_for_the_applicant_they_name()
    {
        ClockTo("2026-11-25 10:00");
        var (code, name, _) = await EnterpriseAccountAsync();
        var dept = await factory.ClientForAsync("dept");
        var prepared = (await dept.GetFromJsonAsync<PreparedApplication>($"/api/services/prepare?item=CG-XK-003&applicant={code}", Json, Ct))!;
        (prepared.Applicant!.Name, prepared.Applicant.InRegistry).ShouldBe((name, true));
        prepared.Materials.Single(m => m.Code == "M-BL").Exempt.ShouldNotBeNull(); // the applicant's licences, not the clerk's

        var fields = With(prepared.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Definition.Key, f => f.Value),
            ("roadName", "建设路"), ("length", "30"), ("startDate", "2026-12-07"));
        var view = await ReadAsync<ApplicationView>(await dept.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", applicantKey = code, fields }, ("M-DIG-PLAN", Pdf()), ("M-TRAFFIC", Pdf())), Ct));
        (view.Channel, view.ApplicantName, view.ApplicantKey).ShouldBe((ApplicationChannel.Window, name, code));
        // The enterprise finds it among its own.
        var own = await (await factory.ClientForAsync("enterprise")).GetFromJsonAsync<ApplicationPage>($"/api/services/applications?text={view.Number}", Json, Ct);
        own!.Items.ShouldHaveSingleItem().Number.ShouldBe(view.Number);

        // Nobody named: refused on the field, nothing stored.
        var before = await ApplicationRowsAsync();
        var nobody = await ProblemAsync(await dept.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", fields }, ("M-DIG-PLAN", Pdf())), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(nobody).ShouldContain("applicantKey");
        var badCode = await ProblemAsync(await dept.PostAsync("/api/services/applications",
            Form(new { itemCode = "CG-XK-003", applicantKey = "91410400MA00000000", fields }, ("M-DIG-PLAN", Pdf())), Ct), HttpStatusCode.BadRequest);
        ErrorKeys(badCode).ShouldContain("applicantKey");
        (await ApplicationRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Readers_who_do_not_decide_see_personal_data_masked_and_no_files()
    {
        ClockTo("2026-11-25 10:00");
        var app = await DiggingApplicationAsync();
        var legal = (await EnterpriseAccountAsync()).LegalRepresentative!;
        app.Form["legalRepresentative"].ShouldBe(legal); // the applicant sees its own

        // A zone leader reads the queue, not the people in it.
        var leader = await factory.ClientForAsync("leader");
        var read = await ReadAsync<ApplicationView>(await leader.GetAsync($"/api/services/applications/{app.Number}", Ct), HttpStatusCode.OK);
        read.Form["legalRepresentative"].ShouldNotBe(legal);
        read.Form["legalRepresentative"]!.ShouldContain("*");
        read.Form["roadName"].ShouldBe("建设路");
        var file = await leader.GetAsync($"/api/services/applications/{app.Number}/materials/M-DIG-PLAN", Ct);
        (await ProblemAsync(file, HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("services.files");
        // The deciding department opens it.
        (await (await factory.ClientForAsync("dept")).GetAsync($"/api/services/applications/{app.Number}/materials/M-DIG-PLAN", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Roles that do not apply are not shown an applicant's registry values or licences.
        var prepare = await (await factory.ClientForAsync("park")).GetAsync($"/api/services/prepare?item=CG-XK-003&applicant={(await EnterpriseAccountAsync()).CreditCode}", Ct);
        (await ProblemAsync(prepare, HttpStatusCode.Forbidden)).GetProperty("rule").GetString()!.ShouldStartWith("services.apply");
    }

    [Fact]
    public async Task A_citizen_naming_someone_gets_no_exemption_from_their_licences()
    {
        ClockTo("2026-11-25 10:00");
        // The demo resident's 居民身份证 is in the licence library (mirrored from public security).
        string resident;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            resident = await db.Set<SmartIsland.Licences.Domain.Licence>().IgnoreQueryFilters().Where(l => l.Number == "ID410471201800001").Select(l => l.HolderKey).SingleAsync(Ct);
        }
        // At the window the clerk checks the person, so the licence spares the copy of the ID card …
        var window = (await (await factory.ClientForAsync("dept")).GetFromJsonAsync<PreparedApplication>(
            $"/api/services/prepare?item=RS-GG-001&applicant={resident}", Json, Ct))!;
        window.Materials.Single(m => m.Code == "M-ID").Exempt.ShouldNotBeNull();
        // … but a citizen's account names nobody verified: whoever it names, the ID card is uploaded.
        var online = (await (await factory.ClientForAsync("citizen")).GetFromJsonAsync<PreparedApplication>(
            $"/api/services/prepare?item=RS-GG-001&applicant={resident}", Json, Ct))!;
        online.Materials.Single(m => m.Code == "M-ID").Exempt.ShouldBeNull();
    }

    [Fact]
    public async Task An_application_is_read_by_its_applicant_and_staff_only()
    {
        ClockTo("2026-11-25 10:00");
        var app = await DiggingApplicationAsync();
        (await (await factory.ClientForAsync("citizen")).GetAsync($"/api/services/applications/{app.Number}", Ct)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await (await factory.ClientForAsync("citizen")).GetAsync($"/api/services/applications/{app.Number}/materials/M-DIG-PLAN", Ct)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await factory.CreateClient().GetAsync($"/api/services/applications/{app.Number}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var mine = await (await factory.ClientForAsync("citizen")).GetFromJsonAsync<ApplicationPage>("/api/services/applications", Json, Ct);
        mine!.Items.ShouldNotContain(i => i.Number == app.Number);
        (await (await factory.ClientForAsync("b-admin")).GetAsync($"/api/services/applications/{app.Number}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ApplicationOnSqlite(SweepSqliteFactory factory) : ApplicationBehaviour<SweepSqliteFactory>(factory), IClassFixture<SweepSqliteFactory>;

public sealed class ApplicationOnPostgres(SweepPostgresFactory factory) : ApplicationBehaviour<SweepPostgresFactory>(factory), IClassFixture<SweepPostgresFactory>;
