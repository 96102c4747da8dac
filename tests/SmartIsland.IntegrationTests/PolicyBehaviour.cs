using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Policies and 免申即享 through the API on both databases. Each test's policy asks for a 科技型中小企业 title first
/// granted in a year of its own (since.techSme), so a test's run entitles only the enterprises that test arranged.
/// </summary>
public abstract class PolicyBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>R&amp;D subsidy: holds 科技型 first granted in <paramref name="since"/>, R&amp;D last year; 5% of it, at most 20万.</summary>
    private static object Conditions(int since) => new
    {
        conditions = new object[]
        {
            new { key = "holdsTechSme", title = new { zh = "已入库科技型中小企业", en = "Registered tech SME" }, cite = "测试政策 第一条", value = "holds.techSme", op = "=", threshold = "1", unit = "bool" },
            new { key = "since", title = new { zh = "首次入库年度", en = "First registered in" }, cite = "测试政策 第一条", value = "since.techSme", op = "=", threshold = since.ToString(System.Globalization.CultureInfo.InvariantCulture), unit = "years" },
            new { key = "rd", title = new { zh = "上一年度有研发费用", en = "R&D last year" }, cite = "测试政策 第二条", value = "rdExpense", op = ">", threshold = "0", unit = "yuan" },
        },
    };

    private async Task<Guid> DepartmentAsync()
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var units = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().UnitsAsync(zone, Ct);
        return units.First(u => u.Kind == UnitKind.Department).Id;
    }

    private async Task<object> PolicyBodyAsync(string slug, int since, string amount = "min(rdExpense * 5%, 20万)") => new
    {
        slug, title = $"测试研发补助 {slug}", departmentId = await DepartmentAsync(), document = "测试文件 第二条", year = 2026,
        budget = 1_000_000m, conditions = Conditions(since), amountFormula = amount,
    };

    /// <summary>Creates and publishes (which runs 免申即享 once); returns the policy id.</summary>
    private async Task<Guid> PublishedPolicyAsync(HttpClient dept, string slug, int since)
    {
        var created = await dept.PostAsJsonAsync("/api/policies", await PolicyBodyAsync(slug, since), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("summary").GetProperty("id").GetGuid();
        var published = await dept.PostAsJsonAsync($"/api/policies/{id}/publish", new { rowVersion = body.GetProperty("summary").GetProperty("rowVersion").GetInt32() }, Ct);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync(Ct));
        return id;
    }

    private static Qualification TechSme(int since) =>
        new() { Kind = QualificationKind.TechSme, ValidFrom = new DateOnly(since, 5, 1), ValidUntil = new DateOnly(2027, 12, 31) };

    private Task<Enterprise> TechSmeAsync(string name, int since, decimal? rd2025, string division = "410471") =>
        EnterpriseSeeds.AddAsync(factory, name, rd2025 is { } rd ? [EnterpriseSeeds.SmallTechYear(2025, rd)] : [], titles: [TechSme(since)], division: division);

    private static async Task<List<JsonElement>> EntitlementsAsync(HttpClient client, Guid policy, string? status = null)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/policies/{policy}/entitlements" + (status is null ? "" : $"?status={status}"), Ct);
        return list.EnumerateArray().ToList();
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, Guid policy, JsonElement entitlement, string step, object? extra = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var body = new Dictionary<string, object?> { ["rowVersion"] = entitlement.GetProperty("rowVersion").GetInt32() };
        foreach (var p in extra?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(extra);
        var response = await client.PostAsJsonAsync($"/api/policies/{policy}/entitlements/{entitlement.GetProperty("id").GetGuid()}/{step}", body, Ct);
        response.StatusCode.ShouldBe(expect, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_run_entitles_exactly_the_qualifying_enterprises_with_hand_computed_amounts()
    {
        var a = await TechSmeAsync("政策甲科技有限公司", 2011, 2_000_000);      // 5% = 10万
        var b = await TechSmeAsync("政策乙科技有限公司", 2011, 6_000_000);      // 5% = 30万 → capped at 20万
        var c = await TechSmeAsync("政策丙科技有限公司", 2011, 1_234_567);      // 5% = 61,728.35
        var unknown = await TechSmeAsync("政策丁无数据有限公司", 2011, null);   // no 2025 figures: to confirm
        await TechSmeAsync("政策戊他年入库有限公司", 2010, 2_000_000);           // first registered another year
        await EnterpriseSeeds.AddAsync(factory, "政策己未入库有限公司", [EnterpriseSeeds.SmallTechYear(2025, 2_000_000)]);

        var dept = await factory.ClientForAsync("dept");
        var policy = await PublishedPolicyAsync(dept, "rd-exact", 2011);

        var found = await EntitlementsAsync(dept, policy, "Found");
        found.ToDictionary(e => e.GetProperty("enterpriseId").GetGuid(), e => e.GetProperty("computedAmount").GetDecimal())
            .ShouldBe(new Dictionary<Guid, decimal> { [a.Id] = 100_000m, [b.Id] = 200_000m, [c.Id] = 61_728.35m }, ignoreOrder: true);
        found.First().GetProperty("explanation").GetProperty("outcome").GetString().ShouldBe("Eligible");

        var toConfirm = (await EntitlementsAsync(dept, policy, "ToConfirm")).ShouldHaveSingleItem();
        toConfirm.GetProperty("enterpriseId").GetGuid().ShouldBe(unknown.Id);
        toConfirm.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldContain("rdExpense[2025]");
        (await EntitlementsAsync(dept, policy)).Count.ShouldBe(4);

        // Listed to confirm already, so not "close to"; one registered after the run is, with what it lacks.
        (await dept.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{unknown.Id}", Ct)).GetProperty("closeTo").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("policyId").GetGuid() == policy);
        var late = await TechSmeAsync("政策庚新入库有限公司", 2011, null);
        var close = (await dept.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{late.Id}", Ct)).GetProperty("closeTo").EnumerateArray()
            .Single(p => p.GetProperty("policyId").GetGuid() == policy);
        close.GetProperty("outcome").GetString().ShouldBe("NeedsConfirmation");
        close.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldContain("rdExpense[2025]");
        close.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("key").GetString()).ShouldBe(["rd"]);
    }

    [Fact]
    public async Task A_second_run_adds_no_duplicate_and_leaves_confirmed_rows_alone()
    {
        var a = await TechSmeAsync("政策重跑甲有限公司", 2012, 2_000_000);
        await TechSmeAsync("政策重跑乙有限公司", 2012, 3_000_000);
        var dept = await factory.ClientForAsync("dept");
        var policy = await PublishedPolicyAsync(dept, "rd-twice", 2012);
        var first = await EntitlementsAsync(dept, policy);
        first.Count.ShouldBe(2);
        var rowA = first.Single(e => e.GetProperty("enterpriseId").GetGuid() == a.Id);
        await StepAsync(dept, policy, rowA, "confirm");

        var run = await dept.PostAsync($"/api/policies/{policy}/run", null, Ct);
        run.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = await run.Content.ReadFromJsonAsync<JsonElement>(Ct);
        summary.GetProperty("found").GetInt32().ShouldBe(0);
        summary.GetProperty("unchanged").GetInt32().ShouldBe(2);
        var second = await EntitlementsAsync(dept, policy);
        second.Count.ShouldBe(2);
        second.Single(e => e.GetProperty("enterpriseId").GetGuid() == a.Id).GetProperty("status").GetString().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Confirm_notify_pay_is_audited_and_the_enterprise_sees_it_once_notified()
    {
        var dept = await factory.ClientForAsync("dept");
        var own = (await dept.GetFromJsonAsync<JsonElement>("/api/enterprises?search=凤翔", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        await GrantTechSmeAsync(own, since: 2013, rd2025: 1_000_000); // 5% = 5万
        var policy = await PublishedPolicyAsync(dept, "rd-flow", 2013);
        var row = (await EntitlementsAsync(dept, policy)).ShouldHaveSingleItem();
        row.GetProperty("computedAmount").GetDecimal().ShouldBe(50_000m);

        var enterprise = await factory.ClientForAsync("enterprise");
        async Task<JsonElement> Mine() => (await enterprise.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{own}", Ct)).GetProperty("entitlements");
        (await Mine()).EnumerateArray().ShouldNotContain(e => e.GetProperty("policyId").GetGuid() == policy); // found, not yet told

        row = await StepAsync(dept, policy, row, "confirm");
        row = await StepAsync(dept, policy, row, "notify");
        var seen = (await Mine()).EnumerateArray().Single(e => e.GetProperty("policyId").GetGuid() == policy);
        seen.GetProperty("status").GetString().ShouldBe("Notified");
        seen.GetProperty("confirmedAmount").GetDecimal().ShouldBe(50_000m);

        var noReason = await StepAsync(dept, policy, row, "pay", new { amount = 48_000m, paidOn = "2026-11-24", voucherNumber = "PZ-2026-118" }, HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await StepAsync(dept, policy, row, "pay", new { amount = 48_000m, paidOn = "2026-11-24", voucherNumber = "PZ-2026-118", reason = "扣减已享受的同类补助2,000元" });
        seen = (await Mine()).EnumerateArray().Single(e => e.GetProperty("policyId").GetGuid() == policy);
        seen.GetProperty("status").GetString().ShouldBe("Paid");
        seen.GetProperty("paidAmount").GetDecimal().ShouldBe(48_000m);
        seen.GetProperty("voucherNumber").GetString().ShouldBe("PZ-2026-118");

        var audit = await (await factory.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>(
            $"/api/audit?entityType=PolicyEntitlement&entityId={row.GetProperty("id").GetGuid()}", Ct);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Count.ShouldBe(4); // found, confirmed, notified, paid
        entries.ShouldAllBe(e => e.GetProperty("userName").GetString() == "dept");
        entries.ShouldContain(e => e.GetProperty("reason").GetString() == "扣减已享受的同类补助2,000元");

        var ledger = await dept.GetAsync($"/api/policies/{policy}/ledger", Ct);
        ledger.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await ledger.Content.ReadAsByteArrayAsync(Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var paid = rows.ShouldHaveSingleItem();
        paid["凭证号"].ShouldBe("PZ-2026-118");
        Convert.ToDecimal(paid["拨付金额（元）"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(48_000m);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_ends_the_entitlement()
    {
        await TechSmeAsync("政策驳回甲有限公司", 2014, 2_000_000);
        var dept = await factory.ClientForAsync("dept");
        var policy = await PublishedPolicyAsync(dept, "rd-reject", 2014);
        var row = (await EntitlementsAsync(dept, policy)).ShouldHaveSingleItem();
        var refused = await StepAsync(dept, policy, row, "reject", new { reason = "  " }, HttpStatusCode.BadRequest);
        refused.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await EntitlementsAsync(dept, policy)).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("Found");
        row = await StepAsync(dept, policy, row, "reject", new { reason = "该企业已享受同年度市级同类补助" });
        row.GetProperty("status").GetString().ShouldBe("Rejected");
        await StepAsync(dept, policy, row, "confirm", expect: HttpStatusCode.Conflict);
        var leader = await factory.ClientForAsync("leader");
        await StepAsync(leader, policy, row, "notify", expect: HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_its_own_entitlements()
    {
        var other = await TechSmeAsync("政策他人有限公司", 2015, 2_000_000);
        var dept = await factory.ClientForAsync("dept");
        var policy = await PublishedPolicyAsync(dept, "rd-privacy", 2015);
        var enterprise = await factory.ClientForAsync("enterprise");
        var foreign = await enterprise.GetAsync($"/api/policies/enterprises/{other.Id}", Ct);
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreign.Content.ReadAsStringAsync(Ct)).ShouldContain("enterprises.read");
        (await enterprise.GetAsync($"/api/policies/{policy}/entitlements", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await enterprise.GetAsync("/api/policies", Ct);
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await list.Content.ReadAsStringAsync(Ct)).ShouldContain("policies.read");
    }

    [Fact]
    public async Task A_bad_amount_formula_or_an_unknown_fact_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var dept = await factory.ClientForAsync("dept");
        var before = (await dept.GetFromJsonAsync<JsonElement>("/api/policies", Ct)).GetProperty("total").GetInt32();

        async Task<JsonElement> Refused(object body)
        {
            var r = await dept.PostAsJsonAsync("/api/policies", body, Ct);
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await r.Content.ReadAsStringAsync(Ct));
            return (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        }

        (await Refused(await PolicyBodyAsync("bad-syntax", 2016, "min(rdExpense * 5%, "))).TryGetProperty("amountFormula", out _).ShouldBeTrue();
        var unknownFigure = await Refused(await PolicyBodyAsync("bad-figure", 2016, "rdExpens * 5%"));
        unknownFigure.GetProperty("amountFormula")[0].GetString()!.ShouldContain("rdExpens");

        var body = await PolicyBodyAsync("bad-fact", 2016);
        var json = JsonSerializer.Serialize(body).Replace("holds.techSme", "holds.techSmee", StringComparison.Ordinal);
        var errors = await Refused(JsonDocument.Parse(json).RootElement);
        errors.GetProperty("conditions")[0].GetString()!.ShouldContain("holds.techSmee");

        var noTitle = await Refused(new { slug = "Bad Slug", year = 1990, conditions = Conditions(2016), amountFormula = "10万" });
        foreach (var field in new[] { "slug", "title", "year", "departmentId", "document" }) noTitle.TryGetProperty(field, out _).ShouldBeTrue(field);

        (await dept.GetFromJsonAsync<JsonElement>("/api/policies", Ct)).GetProperty("total").GetInt32().ShouldBe(before);
    }

    [Fact]
    public async Task Editing_needs_the_current_version_and_a_reason_and_a_leader_may_not_edit()
    {
        var dept = await factory.ClientForAsync("dept");
        var created = await (await dept.PostAsJsonAsync("/api/policies", await PolicyBodyAsync("rd-edit", 2017), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("summary").GetProperty("id").GetGuid();
        var version = created.GetProperty("summary").GetProperty("rowVersion").GetInt32();
        var body = JsonSerializer.SerializeToElement(await PolicyBodyAsync("rd-edit", 2017, "min(rdExpense * 10%, 30万)"));

        object With(int? rowVersion, string? reason)
        {
            var d = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body.GetRawText())!;
            d["rowVersion"] = JsonSerializer.SerializeToElement(rowVersion);
            d["reason"] = JsonSerializer.SerializeToElement(reason);
            return d;
        }

        var leader = await factory.ClientForAsync("leader");
        var forbidden = await leader.PutAsJsonAsync($"/api/policies/{id}", With(version, "试改"), Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadAsStringAsync(Ct)).ShouldContain("policies.edit");
        var noReason = await dept.PutAsJsonAsync($"/api/policies/{id}", With(version, null), Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ok = await dept.PutAsJsonAsync($"/api/policies/{id}", With(version, "补助比例按新文件调整"), Ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync(Ct));
        (await ok.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("amountFormula").GetString().ShouldBe("min(rdExpense * 10%, 30万)");
        (await dept.PutAsJsonAsync($"/api/policies/{id}", With(version, "再改一次"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_zones_enterprises_and_policies_are_untouched()
    {
        var b = await TechSmeAsync("洛阳政策测试有限公司", 2018, 2_000_000, division: "410371");
        var a = await TechSmeAsync("政策本区有限公司", 2018, 2_000_000);
        var dept = await factory.ClientForAsync("dept");
        var policy = await PublishedPolicyAsync(dept, "rd-zones", 2018);
        (await EntitlementsAsync(dept, policy)).Select(e => e.GetProperty("enterpriseId").GetGuid()).ShouldBe([a.Id]);
        var bAdmin = await factory.ClientForAsync("b-admin");
        (await bAdmin.GetAsync($"/api/policies/{policy}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bAdmin.GetFromJsonAsync<JsonElement>("/api/policies", Ct)).GetProperty("total").GetInt32().ShouldBe(0);
        (await bAdmin.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{b.Id}", Ct)).GetProperty("entitlements").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_enterprise_close_to_a_policy_sees_it_with_the_gap_in_yuan()
    {
        // Sales 1,000万 against a 1,200万 condition: closeness (1 + 1 + 1 + 1000/1200) / 4 ≈ 0.958 ≥ 0.8, gap 200万.
        var near = await TechSmeAsync("政策接近甲有限公司", 2019, 2_000_000);
        // Also first registered in another year: (1 + 0 + 1 + 0.833) / 4 ≈ 0.708, not close.
        var far = await TechSmeAsync("政策较远乙有限公司", 2009, 2_000_000);
        var dept = await factory.ClientForAsync("dept");
        var body = JsonSerializer.SerializeToNode(await PolicyBodyAsync("rd-close", 2019))!;
        body["conditions"]!["conditions"]!.AsArray().Add(JsonSerializer.SerializeToNode(new
        {
            key = "revenue", title = new { zh = "上一年度销售收入不低于1200万元", en = "Sales of at least 12m last year" }, cite = "测试政策 第三条",
            value = "revenue", op = ">=", threshold = "1200万", unit = "yuan",
        }));
        var created = await dept.PostAsJsonAsync("/api/policies", body, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var summary = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary");
        var policy = summary.GetProperty("id").GetGuid();
        (await dept.PostAsJsonAsync($"/api/policies/{policy}/publish", new { rowVersion = summary.GetProperty("rowVersion").GetInt32() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntitlementsAsync(dept, policy)).ShouldBeEmpty();

        var close = (await dept.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{near.Id}", Ct)).GetProperty("closeTo").EnumerateArray()
            .Single(p => p.GetProperty("policyId").GetGuid() == policy);
        close.GetProperty("outcome").GetString().ShouldBe("NotEligible");
        var gap = close.GetProperty("gaps").EnumerateArray().ShouldHaveSingleItem();
        gap.GetProperty("key").GetString().ShouldBe("revenue");
        gap.GetProperty("gap").GetDecimal().ShouldBe(2_000_000m);
        (await dept.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{far.Id}", Ct)).GetProperty("closeTo").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("policyId").GetGuid() == policy);
    }

    [Fact]
    public async Task The_illustrative_hnte_award_finds_the_demo_zones_2024_recognitions()
    {
        var dept = await factory.ClientForAsync("dept");
        var list = (await dept.GetFromJsonAsync<JsonElement>("/api/policies?search=示例", Ct)).GetProperty("items").EnumerateArray().ToList();
        list.Count.ShouldBe(2);
        list.ShouldAllBe(p => p.GetProperty("illustrative").GetBoolean());
        var award = list.Single(p => p.GetProperty("slug").GetString() == "hnte-new-award").GetProperty("id").GetGuid();
        (await dept.PostAsync($"/api/policies/{award}/run", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The demo registry holds four 高新技术企业 certificates, all granted 2024-12-01: the 2025 award's batch, 10万 each.
        var found = await EntitlementsAsync(dept, award);
        found.Count.ShouldBe(4);
        found.ShouldAllBe(e => e.GetProperty("status").GetString() == "Found" && e.GetProperty("computedAmount").GetDecimal() == 100_000m);
    }

    [Fact]
    public async Task A_preview_evaluates_one_enterprise_without_storing_and_a_closed_policy_is_not_run()
    {
        var e = await TechSmeAsync("政策试算甲有限公司", 2020, 5_000_000); // 5% = 25万 → capped at 20万
        var dept = await factory.ClientForAsync("dept");
        var before = (await dept.GetFromJsonAsync<JsonElement>("/api/policies", Ct)).GetProperty("total").GetInt32();
        var preview = await dept.PostAsJsonAsync("/api/policies/preview", new { conditions = Conditions(2020), amountFormula = "min(rdExpense * 5%, 20万)", year = 2026, enterpriseId = e.Id }, Ct);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync(Ct));
        var result = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        result.GetProperty("outcome").GetString().ShouldBe("Eligible");
        result.GetProperty("amount").GetDecimal().ShouldBe(200_000m);
        var bad = await dept.PostAsJsonAsync("/api/policies/preview", new { conditions = Conditions(2020), amountFormula = "max(", year = 2026, enterpriseId = e.Id }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("amountFormula", out _).ShouldBeTrue();
        (await dept.GetFromJsonAsync<JsonElement>("/api/policies", Ct)).GetProperty("total").GetInt32().ShouldBe(before);

        var policy = await PublishedPolicyAsync(dept, "rd-close-run", 2020);
        var version = (await dept.GetFromJsonAsync<JsonElement>($"/api/policies/{policy}", Ct)).GetProperty("summary").GetProperty("rowVersion").GetInt32();
        var noReason = await dept.PostAsJsonAsync($"/api/policies/{policy}/close", new { rowVersion = version }, Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await dept.PostAsJsonAsync($"/api/policies/{policy}/close", new { rowVersion = version, reason = "年度预算已用完" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dept.PostAsync($"/api/policies/{policy}/run", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_policy_endpoints_are_in_the_openapi_document()
    {
        var paths = (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("paths");
        foreach (var path in new[] { "/api/policies", "/api/policies/{id}/run", "/api/policies/{id}/entitlements/{entitlementId}/{step}",
                     "/api/policies/{id}/entitlements/{entitlementId}/acknowledge", "/api/policies/enterprises/{enterpriseId}" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
    }

    /// <summary>
    /// The demo account's own enterprise (凤翔) entitled under a new policy of its own and taken by staff to
    /// <paramref name="upTo"/> ("confirm" or "notify"). Same title year as the notify/pay test, so the earliest
    /// 科技型 grant (what since.techSme reads) is 2013 whichever test runs first.
    /// </summary>
    private async Task<(Guid Policy, JsonElement Row)> OwnEntitlementAsync(string slug, string upTo)
    {
        var dept = await factory.ClientForAsync("dept");
        var own = (await dept.GetFromJsonAsync<JsonElement>("/api/enterprises?search=凤翔", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        await GrantTechSmeAsync(own, since: 2013, rd2025: 1_000_000);
        var policy = await PublishedPolicyAsync(dept, slug, 2013);
        var row = (await EntitlementsAsync(dept, policy)).ShouldHaveSingleItem();
        row.GetProperty("enterpriseId").GetGuid().ShouldBe(own);
        row = await StepAsync(dept, policy, row, "confirm");
        if (upTo == "notify") row = await StepAsync(dept, policy, row, "notify");
        return (policy, row);
    }

    private static async Task<HttpResponseMessage> AcknowledgeAsync(HttpClient client, Guid policy, JsonElement row, int? ifMatch = null, int? rowVersion = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/policies/{policy}/entitlements/{row.GetProperty("id").GetGuid()}/acknowledge")
        {
            Content = JsonContent.Create(new { rowVersion }),
        };
        if (ifMatch is { } v) request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> StaffRowAsync(HttpClient dept, Guid policy, JsonElement row) =>
        (await EntitlementsAsync(dept, policy)).Single(e => e.GetProperty("id").GetGuid() == row.GetProperty("id").GetGuid());

    [Fact]
    public async Task The_notified_enterprise_acknowledges_once_and_staff_see_when_in_the_list_and_the_ledger()
    {
        var (policy, row) = await OwnEntitlementAsync("rd-ack", "notify");
        var version = row.GetProperty("rowVersion").GetInt32();
        var enterprise = await factory.ClientForAsync("enterprise");
        var own = row.GetProperty("enterpriseId").GetGuid();
        async Task<JsonElement> Mine() => (await enterprise.GetFromJsonAsync<JsonElement>($"/api/policies/enterprises/{own}", Ct))
            .GetProperty("entitlements").EnumerateArray().Single(e => e.GetProperty("policyId").GetGuid() == policy);
        (await Mine()).GetProperty("awaitsAcknowledgement").GetBoolean().ShouldBeTrue();

        var clock = factory.Services.GetRequiredService<TimeProvider>();
        var before = clock.GetUtcNow();
        var response = await AcknowledgeAsync(enterprise, policy, row, ifMatch: version);
        var after = clock.GetUtcNow();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.ETag!.Tag.ShouldBe($"\"{version + 1}\"");
        var acknowledged = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("acknowledgedAt").GetDateTimeOffset();
        acknowledged.ShouldBeInRange(before, after);

        var dept = await factory.ClientForAsync("dept");
        var staff = await StaffRowAsync(dept, policy, row);
        // Stored to the database's precision (PostgreSQL keeps microseconds).
        staff.GetProperty("acknowledgedAt").GetDateTimeOffset().ShouldBe(acknowledged, TimeSpan.FromMilliseconds(1));
        staff.GetProperty("status").GetString().ShouldBe("Notified"); // staff's step is still to record the payment
        (await Mine()).GetProperty("awaitsAcknowledgement").GetBoolean().ShouldBeFalse();

        // A second 知道了 (a double tap, another colleague) keeps the first time and writes nothing.
        var again = await AcknowledgeAsync(enterprise, policy, row, rowVersion: version);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        second.GetProperty("acknowledgedAt").GetDateTimeOffset().ShouldBe(acknowledged, TimeSpan.FromMilliseconds(1));
        second.GetProperty("rowVersion").GetInt32().ShouldBe(version + 1);

        var audit = await (await factory.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>(
            $"/api/audit?entityType=PolicyEntitlement&entityId={row.GetProperty("id").GetGuid()}", Ct);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Count.ShouldBe(4); // found, confirmed, notified, acknowledged once
        entries.Count(e => e.GetProperty("userName").GetString() == "enterprise").ShouldBe(1);

        var ledger = await dept.GetAsync($"/api/policies/{policy}/ledger", Ct);
        ledger.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await ledger.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        rows.ShouldHaveSingleItem()["企业已阅日期"].ShouldBe(acknowledged.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Only_the_enterprises_own_user_acknowledges_and_a_refusal_changes_nothing()
    {
        var (policy, row) = await OwnEntitlementAsync("rd-ack-who", "notify");
        var version = row.GetProperty("rowVersion").GetInt32();
        var stranger = await EnterpriseUserOfAsync(await TechSmeAsync("政策他企用户有限公司", 2021, 2_000_000), "ack-stranger");

        var refused = await AcknowledgeAsync(stranger, policy, row, ifMatch: version);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("policies.acknowledge");
        // Staff tell the enterprise; they cannot answer for it.
        var dept = await factory.ClientForAsync("dept");
        (await AcknowledgeAsync(dept, policy, row, ifMatch: version)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AcknowledgeAsync(await factory.ClientForAsync("b-admin"), policy, row, ifMatch: version)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var staff = await StaffRowAsync(dept, policy, row);
        staff.GetProperty("acknowledgedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        staff.GetProperty("rowVersion").GetInt32().ShouldBe(version);
    }

    [Fact]
    public async Task A_stale_version_is_412_and_an_entitlement_not_yet_notified_is_409_naming_its_status()
    {
        var (policy, row) = await OwnEntitlementAsync("rd-ack-when", "confirm");
        var enterprise = await factory.ClientForAsync("enterprise");
        var early = await AcknowledgeAsync(enterprise, policy, row, ifMatch: row.GetProperty("rowVersion").GetInt32());
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("field").GetString().ShouldBe("status");
        problem.GetProperty("title").GetString()!.ShouldContain("已确认");

        var dept = await factory.ClientForAsync("dept");
        var read = row.GetProperty("rowVersion").GetInt32();
        row = await StepAsync(dept, policy, row, "notify");
        (await AcknowledgeAsync(enterprise, policy, row, ifMatch: read)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await AcknowledgeAsync(enterprise, policy, row, rowVersion: read)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var noVersion = await AcknowledgeAsync(enterprise, policy, row);
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noVersion.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("rowVersion", out _).ShouldBeTrue();
        (await StaffRowAsync(dept, policy, row)).GetProperty("acknowledgedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        (await AcknowledgeAsync(enterprise, policy, row, rowVersion: row.GetProperty("rowVersion").GetInt32())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>An EnterpriseUser account of <paramref name="enterprise"/> in the demo zone, signed in.</summary>
    private async Task<HttpClient> EnterpriseUserOfAsync(Enterprise enterprise, string userName)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = new PlatformUser { UserName = userName, DisplayName = "测试企业用户", ZoneId = enterprise.ZoneId, EnterpriseId = enterprise.Id };
            (await users.CreateAsync(user, "Demo@2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.EnterpriseUser)).Succeeded.ShouldBeTrue();
        }
        return await factory.ClientForAsync(userName);
    }

    /// <summary>Gives an existing (demo) enterprise a 科技型 title and a known R&amp;D figure for 2025.</summary>
    private async Task GrantTechSmeAsync(Guid enterpriseId, int since, decimal rd2025)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(Ct);
        db.UseZone(zone);
        var q = TechSme(since);
        q.ZoneId = zone;
        q.EnterpriseId = enterpriseId;
        db.Add(q);
        var year = await db.Set<YearlyIndicator>().FirstAsync(i => i.EnterpriseId == enterpriseId && i.Year == 2025, Ct);
        year.RdExpense = rd2025;
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class PolicyOnSqlite(CasesSqliteFactory factory) : PolicyBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class PolicyOnPostgres(CasesPostgresFactory factory) : PolicyBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
