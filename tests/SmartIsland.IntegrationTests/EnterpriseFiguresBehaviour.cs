using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// A year's figures (validated), their review (submit → review → locked, or sent back), corrections with
/// a reason, and declared facts — through the API, on both databases. Tests on the demo enterprise user's
/// own enterprise each use a year of their own (the demo data holds 2023–2025).
/// </summary>
public abstract class EnterpriseFiguresBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Code()
    {
        var first17 = "91410100MA" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17);
    }

    private async Task<Guid> NewEnterpriseAsync(HttpClient staff, string name)
    {
        var response = await staff.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = Code(), Name = name, IndustryCode = "C3825" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct))!.Id;
    }

    private static async Task<Guid> OwnEnterpriseAsync(HttpClient enterprise) =>
        (await enterprise.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises", Json, Ct))!.Items.Single().Id;

    private static async Task<EnterpriseDetail> DetailAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{id}", Json, Ct))!;

    private static async Task<IndicatorView?> YearAsync(HttpClient client, Guid id, int year) =>
        (await DetailAsync(client, id)).Indicators.SingleOrDefault(i => i.Year == year);

    private static Task<HttpResponseMessage> PutYearAsync(HttpClient client, Guid id, int year, IndicatorInput input) =>
        client.PutAsJsonAsync($"/api/enterprises/{id}/indicators/{year}", input, Ct);

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, int year, string step, int? version, string? reason = null) =>
        client.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/{step}", new IndicatorStepInput { Version = version, Reason = reason }, Ct);

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
    }

    private static List<string> Keys(JsonElement errors) => errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    private static IndicatorInput Plausible() => new()
    {
        Revenue = 30_000_000m, MainBusinessRevenue = 28_000_000m, TotalIncome = 29_500_000m, HighTechProductRevenue = 20_000_000m,
        NetProfit = 2_000_000m, ValueAdded = 9_000_000m, TaxPaid = 900_000m, RdExpense = 1_500_000m, DomesticRdExpense = 1_400_000m,
        TotalCost = 27_000_000m, TotalAssets = 40_000_000m, TotalLiabilities = 15_000_000m, EquityFinancing = 0m,
        Employees = 120, TechStaff = 25, RdStaff = 18, InventionPatents = 3, UtilityModelPatents = 10, DesignPatents = 1,
        SoftwareCopyrights = 4, TechConversions = 2, LandMu = 30m, EnergyUseTce = 800m,
    };

    private static IndicatorInput With(Action<IndicatorInput> change)
    {
        var input = Plausible();
        change(input);
        return input;
    }

    /// <summary>A year taken all the way to Reviewed by staff; returns its version.</summary>
    private static async Task<int> ReviewedYearAsync(HttpClient staff, Guid id, int year, IndicatorInput input)
    {
        var created = await PutYearAsync(staff, id, year, input);
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var v = (await YearAsync(staff, id, year))!.Version;
        (await StepAsync(staff, id, year, "submit", v)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StepAsync(staff, id, year, "review", v + 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reviewed = (await YearAsync(staff, id, year))!;
        reviewed.Status.ShouldBe(IndicatorStatus.Reviewed);
        return reviewed.Version;
    }

    [Fact]
    public async Task Each_impossible_figure_is_refused_under_its_own_field_and_nothing_is_stored()
    {
        var dept = await factory.ClientForAsync("dept");
        var id = await NewEnterpriseAsync(dept, "指标校验测试有限公司");
        var nextYear = DateTime.Now.Year + 1;
        var cases = new (string Field, int Year, IndicatorInput Input)[]
        {
            ("taxPaid", 2024, With(i => i.TaxPaid = -1m)),
            ("totalLiabilities", 2024, With(i => i.TotalLiabilities = -5m)),
            ("employees", 2024, With(i => { i.Employees = -1; i.TechStaff = null; i.RdStaff = null; })),
            ("rdExpense", 2024, With(i => { i.RdExpense = 27_000_001m; i.DomesticRdExpense = 1m; })),
            ("domesticRdExpense", 2024, With(i => i.DomesticRdExpense = 1_500_000.01m)),
            ("techStaff", 2024, With(i => i.TechStaff = 121)),
            ("rdStaff", 2024, With(i => i.RdStaff = 121)),
            ("highTechProductRevenue", 2024, With(i => i.HighTechProductRevenue = 29_500_001m)),
            ("mainBusinessRevenue", 2024, With(i => i.MainBusinessRevenue = 30_000_001m)),
            ("netProfit", 2024, With(i => i.NetProfit = 30_000_001m)),
            ("year", 1999, Plausible()),
            ("year", nextYear, Plausible()),
            ("year", 2024, new IndicatorInput()),
        };
        foreach (var (field, year, input) in cases)
        {
            var errors = await ErrorsAsync(await PutYearAsync(dept, id, year, input));
            Keys(errors).ShouldBe([field], $"{field} in {year}");
        }
        // The message names the field and, for a part above its whole, the whole (zh-CN by default).
        var rd = await ErrorsAsync(await PutYearAsync(dept, id, 2024, With(i => { i.RdExpense = 27_000_001m; i.DomesticRdExpense = 1m; })));
        rd.GetProperty("rdExpense")[0].GetString()!.ShouldBe("研发费用不能大于成本费用支出总额");
        (await DetailAsync(dept, id)).Indicators.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_problem_of_a_year_is_reported_at_once()
    {
        var dept = await factory.ClientForAsync("dept");
        var id = await NewEnterpriseAsync(dept, "多项错误测试有限公司");
        var input = With(i =>
        {
            i.TaxPaid = -1m;
            i.TechStaff = 500;
            i.DomesticRdExpense = 2_000_000m;
            i.HighTechProductRevenue = 40_000_000m;
        });
        var errors = await ErrorsAsync(await PutYearAsync(dept, id, 2024, input));
        Keys(errors).ShouldBe(["domesticRdExpense", "highTechProductRevenue", "taxPaid", "techStaff"]);
        (await DetailAsync(dept, id)).Indicators.ShouldBeEmpty();
    }

    [Fact]
    public async Task Liabilities_above_assets_and_a_loss_are_recorded_with_every_new_figure()
    {
        var dept = await factory.ClientForAsync("dept");
        var id = await NewEnterpriseAsync(dept, "资不抵债测试有限公司");
        var input = With(i => { i.TotalAssets = 5_000_000m; i.TotalLiabilities = 9_000_000m; i.NetProfit = -1_200_000m; });
        (await PutYearAsync(dept, id, 2024, input)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var year = (await YearAsync(dept, id, 2024))!;
        (year.TotalAssets, year.TotalLiabilities, year.NetProfit).ShouldBe((5_000_000m, 9_000_000m, -1_200_000m));
        (year.MainBusinessRevenue, year.TotalIncome, year.HighTechProductRevenue, year.DomesticRdExpense, year.TotalCost).ShouldBe((28_000_000m, 29_500_000m, 20_000_000m, 1_400_000m, 27_000_000m));
        (year.ValueAdded, year.EquityFinancing, year.RdStaff, year.TechConversions).ShouldBe((9_000_000m, 0m, 18, 2));
        year.Status.ShouldBe(IndicatorStatus.Draft);
    }

    [Fact]
    public async Task An_enterprise_user_submits_staff_review_and_the_year_is_then_locked()
    {
        var own = await factory.ClientForAsync("enterprise");
        var dept = await factory.ClientForAsync("dept");
        var id = await OwnEnterpriseAsync(own);
        const int year = 2011;

        (await PutYearAsync(own, id, year, Plausible())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = (await YearAsync(own, id, year))!;
        draft.Status.ShouldBe(IndicatorStatus.Draft);
        (await StepAsync(own, id, year, "submit", draft.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = (await YearAsync(own, id, year))!;
        submitted.Status.ShouldBe(IndicatorStatus.Submitted);
        submitted.SubmittedAt.ShouldNotBeNull();

        // Waiting for review: the enterprise no longer edits it, and it cannot review its own figures.
        var edit = With(i => i.Revenue = 31_000_000m);
        edit.Version = submitted.Version;
        (await PutYearAsync(own, id, year, edit)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var selfReview = await StepAsync(own, id, year, "review", submitted.Version);
        selfReview.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await selfReview.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("enterprises.indicators.review");

        var leader = await factory.ClientForAsync("leader");
        var leaderReview = await StepAsync(leader, id, year, "review", submitted.Version);
        leaderReview.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leaderReview.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("enterprises.indicators.review");

        (await StepAsync(dept, id, year, "review", submitted.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reviewed = (await YearAsync(own, id, year))!;
        reviewed.Status.ShouldBe(IndicatorStatus.Reviewed);
        reviewed.ReviewedAt.ShouldNotBeNull();

        // Locked for everyone, staff included: changes go through a correction.
        edit.Version = reviewed.Version;
        foreach (var client in new[] { own, dept })
        {
            var refused = await PutYearAsync(client, id, year, edit);
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("year");
        }
        (await YearAsync(dept, id, year))!.Revenue.ShouldBe(30_000_000m);
        (await StepAsync(dept, id, year, "review", reviewed.Version)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Staff_send_a_year_back_only_with_a_reason_and_the_enterprise_edits_it_again()
    {
        var own = await factory.ClientForAsync("enterprise");
        var park = await factory.ClientForAsync("park");
        var id = await OwnEnterpriseAsync(own);
        const int year = 2012;
        (await PutYearAsync(own, id, year, Plausible())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var v = (await YearAsync(own, id, year))!.Version;
        (await StepAsync(own, id, year, "submit", v)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noReason = await ErrorsAsync(await StepAsync(park, id, year, "return", v + 1, "  "));
        Keys(noReason).ShouldBe(["reason"]);
        (await YearAsync(own, id, year))!.Status.ShouldBe(IndicatorStatus.Submitted);

        (await StepAsync(park, id, year, "return", v + 1, "研发人员数与社保名单不符，请核对")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var returned = (await YearAsync(own, id, year))!;
        returned.Status.ShouldBe(IndicatorStatus.Draft);
        returned.ReturnReason.ShouldBe("研发人员数与社保名单不符，请核对");

        var fixedFigures = With(i => i.RdStaff = 15);
        fixedFigures.Version = returned.Version;
        (await PutYearAsync(own, id, year, fixedFigures)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await YearAsync(own, id, year))!.RdStaff.ShouldBe(15);
    }

    [Fact]
    public async Task Staff_apply_a_correction_with_a_reason_recording_old_and_new_and_without_a_reason_nothing_changes()
    {
        var dept = await factory.ClientForAsync("dept");
        var id = await NewEnterpriseAsync(dept, "更正测试有限公司");
        var version = await ReviewedYearAsync(dept, id, 2024, Plausible());
        var corrected = With(i => { i.Revenue = 32_000_000m; i.RdStaff = 20; });
        corrected.Version = version;

        var noReason = await dept.PostAsJsonAsync($"/api/enterprises/{id}/indicators/2024/corrections", new CorrectionInput { Figures = corrected }, Ct);
        Keys(await ErrorsAsync(noReason)).ShouldBe(["reason"]);
        var impossible = With(i => i.TechStaff = 500);
        impossible.Version = version;
        var bad = await dept.PostAsJsonAsync($"/api/enterprises/{id}/indicators/2024/corrections", new CorrectionInput { Figures = impossible, Reason = "审计调整" }, Ct);
        Keys(await ErrorsAsync(bad)).ShouldBe(["techStaff"]);
        (await YearAsync(dept, id, 2024))!.Version.ShouldBe(version);
        (await dept.GetFromJsonAsync<List<CorrectionView>>($"/api/enterprises/{id}/corrections", Json, Ct))!.ShouldBeEmpty();

        var applied = await dept.PostAsJsonAsync($"/api/enterprises/{id}/indicators/2024/corrections", new CorrectionInput { Figures = corrected, Reason = "年报审计调整" }, Ct);
        applied.StatusCode.ShouldBe(HttpStatusCode.Created);
        var correction = (await applied.Content.ReadFromJsonAsync<CorrectionView>(Json, Ct))!;
        correction.Status.ShouldBe(CorrectionStatus.Applied);
        correction.Changes.Keys.Order(StringComparer.Ordinal).ShouldBe(["rdStaff", "revenue"]);
        correction.Changes["revenue"].ShouldBe(new FigureChange(30_000_000m, 32_000_000m));
        correction.Changes["rdStaff"].ShouldBe(new FigureChange(18m, 20m));

        var year = (await YearAsync(dept, id, 2024))!;
        (year.Revenue, year.RdStaff, year.Status).ShouldBe((32_000_000m, 20, IndicatorStatus.Reviewed));
        var listed = (await dept.GetFromJsonAsync<List<CorrectionView>>($"/api/enterprises/{id}/corrections", Json, Ct))!.Single();
        (listed.Reason, listed.RequestedByName, listed.DecidedByName).ShouldBe(("年报审计调整", "dept", "dept"));

        var admin = await factory.ClientForAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?entityType=YearlyIndicator&user=dept&action=Update&pageSize=50", Ct);
        audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("reason").GetString() == "年报审计调整" && e.GetProperty("after").GetString()!.Contains("32000000"));

        // The same correction against the version before it is stale.
        (await dept.PostAsJsonAsync($"/api/enterprises/{id}/indicators/2024/corrections", new CorrectionInput { Figures = corrected, Reason = "再次调整" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_enterprise_requested_correction_waits_for_staff_who_reject_with_a_note_or_approve()
    {
        var own = await factory.ClientForAsync("enterprise");
        var cso = await factory.ClientForAsync("cso");
        var id = await OwnEnterpriseAsync(own);
        const int year = 2013;
        (await PutYearAsync(own, id, year, Plausible())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var v = (await YearAsync(own, id, year))!.Version;
        (await StepAsync(own, id, year, "submit", v)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StepAsync(cso, id, year, "review", v + 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var locked = (await YearAsync(own, id, year))!.Version;

        var wanted = With(i => i.InventionPatents = 5);
        wanted.Version = locked;
        var first = await own.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections", new CorrectionInput { Figures = wanted, Reason = "漏报两件授权发明专利" }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var pending = (await first.Content.ReadFromJsonAsync<CorrectionView>(Json, Ct))!;
        pending.Status.ShouldBe(CorrectionStatus.Pending);
        var unchanged = (await YearAsync(own, id, year))!;
        (unchanged.InventionPatents, unchanged.CorrectionPending).ShouldBe((3, true));
        (await own.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections", new CorrectionInput { Figures = wanted, Reason = "重复申请" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections/{pending.Id}/approve", new CorrectionDecisionInput { Version = pending.Version }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var noNote = await cso.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections/{pending.Id}/reject", new CorrectionDecisionInput { Version = pending.Version }, Ct);
        Keys(await ErrorsAsync(noNote)).ShouldBe(["note"]);
        var rejected = await cso.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections/{pending.Id}/reject", new CorrectionDecisionInput { Version = pending.Version, Note = "请附专利证书" }, Ct);
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rejected.Content.ReadFromJsonAsync<CorrectionView>(Json, Ct))!.Status.ShouldBe(CorrectionStatus.Rejected);
        (await YearAsync(own, id, year))!.InventionPatents.ShouldBe(3);

        var second = await own.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections", new CorrectionInput { Figures = wanted, Reason = "漏报两件发明专利，证书见附件" }, Ct);
        var again = (await second.Content.ReadFromJsonAsync<CorrectionView>(Json, Ct))!;
        var approved = await cso.PostAsJsonAsync($"/api/enterprises/{id}/indicators/{year}/corrections/{again.Id}/approve", new CorrectionDecisionInput { Version = again.Version }, Ct);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<CorrectionView>(Json, Ct))!.Status.ShouldBe(CorrectionStatus.Applied);
        var after = (await YearAsync(own, id, year))!;
        (after.InventionPatents, after.CorrectionPending, after.Status).ShouldBe((5, false, IndicatorStatus.Reviewed));
        var history = (await own.GetFromJsonAsync<List<CorrectionView>>($"/api/enterprises/{id}/indicators/{year}/corrections", Json, Ct))!;
        history.Select(c => c.Status).ShouldBe([CorrectionStatus.Applied, CorrectionStatus.Rejected]);
    }

    [Fact]
    public async Task Stale_versions_are_refused_409_in_the_body_and_412_in_if_match()
    {
        var dept = await factory.ClientForAsync("dept");
        var id = await NewEnterpriseAsync(dept, "版本测试有限公司");
        (await PutYearAsync(dept, id, 2024, Plausible())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var v = (await YearAsync(dept, id, 2024))!.Version;

        (await StepAsync(dept, id, 2024, "submit", v + 7)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enterprises/{id}/indicators/2024/submit") { Content = JsonContent.Create(new { }) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v + 7}\"");
            (await dept.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        Keys(await ErrorsAsync(await StepAsync(dept, id, 2024, "submit", null))).ShouldBe(["version"]);
        (await YearAsync(dept, id, 2024))!.Status.ShouldBe(IndicatorStatus.Draft);

        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enterprises/{id}/indicators/2024/submit") { Content = JsonContent.Create(new { }) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
            (await dept.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await YearAsync(dept, id, 2024))!.Status.ShouldBe(IndicatorStatus.Submitted);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_touch_another_enterprises_figures_or_facts()
    {
        var own = await factory.ClientForAsync("enterprise");
        var dept = await factory.ClientForAsync("dept");
        var other = await NewEnterpriseAsync(dept, "他家企业测试有限公司");
        var version = await ReviewedYearAsync(dept, other, 2024, Plausible());
        (await PutYearAsync(dept, other, 2022, Plausible())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var figures = With(i => i.Revenue = 1m);
        figures.Version = version;
        var attempts = new[]
        {
            await PutYearAsync(own, other, 2021, Plausible()),
            await StepAsync(own, other, 2022, "submit", 0),
            await own.PostAsJsonAsync($"/api/enterprises/{other}/indicators/2024/corrections", new CorrectionInput { Figures = figures, Reason = "越权" }, Ct),
            await own.PutAsJsonAsync($"/api/enterprises/{other}/facts/hnte.keyField", new FactInput { Value = "true", Evidence = "越权", DeclaredOn = new DateOnly(2025, 1, 1) }, Ct),
        };
        foreach (var response in attempts)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("enterprises.edit");
        }
        (await own.GetAsync($"/api/enterprises/{other}/corrections", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await DetailAsync(dept, other);
        after.Indicators.Select(i => (i.Year, i.Status)).Order().ShouldBe([(2022, IndicatorStatus.Draft), (2024, IndicatorStatus.Reviewed)]);
        after.Indicators.Single(i => i.Year == 2024).Revenue.ShouldBe(30_000_000m);
        after.Facts.ShouldBeEmpty();
        (await dept.GetFromJsonAsync<List<CorrectionView>>($"/api/enterprises/{other}/corrections", Json, Ct))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fact_is_declared_replaced_with_its_version_and_withdrawn()
    {
        var own = await factory.ClientForAsync("enterprise");
        var id = await OwnEnterpriseAsync(own);
        const string key = "test.declaredThenWithdrawn";
        var declared = await own.PutAsJsonAsync($"/api/enterprises/{id}/facts/{key}", new FactInput { Value = "TRUE", Evidence = "2025 年安全生产检查无重大事故（应急局证明）", DeclaredOn = new DateOnly(2025, 12, 1) }, Ct);
        declared.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fact = (await declared.Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct))!.Facts.Single(x => x.Key == key);
        (fact.Value, fact.DeclaredOn).ShouldBe(("true", new DateOnly(2025, 12, 1)));

        var again = await own.PutAsJsonAsync($"/api/enterprises/{id}/facts/{key}", new FactInput { Value = "false", DeclaredOn = new DateOnly(2025, 12, 2) }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var replaced = await own.PutAsJsonAsync($"/api/enterprises/{id}/facts/{key}", new FactInput { Value = "12.50", DeclaredOn = new DateOnly(2025, 12, 2), Version = fact.Version }, Ct);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var now = (await replaced.Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct))!.Facts.Single(x => x.Key == key);
        now.Value.ShouldBe("12.50");

        (await own.DeleteAsync($"/api/enterprises/{id}/facts/{key}?version={fact.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.DeleteAsync($"/api/enterprises/{id}/facts/{key}?version={now.Version}&reason=误报", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DetailAsync(own, id)).Facts.ShouldNotContain(x => x.Key == key);
    }

    [Fact]
    public async Task A_bad_fact_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var dept = await factory.ClientForAsync("dept");
        var id = await NewEnterpriseAsync(dept, "声明校验测试有限公司");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var cases = new (string Key, FactInput Input, string[] Fields)[]
        {
            ("Hnte.keyField", new FactInput { Value = "false", DeclaredOn = today }, ["key"]),
            ("hnte..keyField", new FactInput { Value = "false", DeclaredOn = today }, ["key"]),
            ("h" + new string('x', 64), new FactInput { Value = "false", DeclaredOn = today }, ["key"]),
            ("hnte.keyField", new FactInput { Value = "yes", DeclaredOn = today }, ["value"]),
            ("hnte.keyField", new FactInput { Value = "1,000", DeclaredOn = today }, ["value"]),
            ("hnte.keyField", new FactInput { Value = "true", DeclaredOn = today.AddDays(2) }, ["declaredOn", "evidence"]),
            ("hnte.keyField", new FactInput { Value = "true", Evidence = new string('证', 501), DeclaredOn = today }, ["evidence"]),
            ("hnte.keyField", new FactInput { Value = "false" }, ["declaredOn"]),
        };
        foreach (var (key, input, fields) in cases)
        {
            var errors = await ErrorsAsync(await dept.PutAsJsonAsync($"/api/enterprises/{id}/facts/{Uri.EscapeDataString(key)}", input, Ct));
            Keys(errors).ShouldBe(fields.ToList(), key);
        }
        (await DetailAsync(dept, id)).Facts.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_openapi_document_describes_the_review_corrections_and_facts()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = doc.GetProperty("paths");
        var expected = new (string Path, string Method)[]
        {
            ("/api/enterprises/{id}/indicators/{year}/submit", "post"),
            ("/api/enterprises/{id}/indicators/{year}/review", "post"),
            ("/api/enterprises/{id}/indicators/{year}/return", "post"),
            ("/api/enterprises/{id}/indicators/{year}/corrections", "post"),
            ("/api/enterprises/{id}/indicators/{year}/corrections/{correctionId}/approve", "post"),
            ("/api/enterprises/{id}/indicators/{year}/corrections/{correctionId}/reject", "post"),
            ("/api/enterprises/{id}/corrections", "get"),
            ("/api/enterprises/{id}/facts/{key}", "put"),
            ("/api/enterprises/{id}/facts/{key}", "delete"),
        };
        foreach (var (path, method) in expected)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue(path);
            item.GetProperty(method).GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path}");
        }
        var input = doc.GetProperty("components").GetProperty("schemas").GetProperty("IndicatorInput").GetProperty("properties");
        foreach (var figure in IndicatorFields.All) input.TryGetProperty(figure.Key, out _).ShouldBeTrue(figure.Key);
    }
}

public sealed class EnterpriseFiguresOnSqlite(SqliteFactory factory) : EnterpriseFiguresBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class EnterpriseFiguresOnPostgres(PostgresFactory factory) : EnterpriseFiguresBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
