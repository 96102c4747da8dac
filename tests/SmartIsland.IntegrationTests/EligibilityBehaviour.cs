using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>Tier eligibility through the API and the rule sets kept as data, on both databases.</summary>
public abstract class EligibilityBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Result(JsonElement body, string code) =>
        body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);

    private static JsonElement Condition(JsonElement result, string key) =>
        result.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    private async Task<JsonElement> EligibilityAsync(HttpClient client, string creditCode, string query = "")
    {
        var response = await client.GetAsync($"/api/enterprises/{creditCode}/eligibility{query}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Staff_read_every_tier_with_its_outcome_score_and_sources()
    {
        var e = await EnterpriseSeeds.AddAsync(factory, "资格测试甲科技有限公司", [EnterpriseSeeds.SmallTechYear()], EnterpriseSeeds.TechSmeFacts);
        var body = await EligibilityAsync(await factory.ClientForAsync("dept"), e.CreditCode);
        body.GetProperty("year").GetInt32().ShouldBe(2025);
        var codes = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        codes.ShouldBe(["techSme", "hnte", "innovativeSme", "srdiSme", "littleGiant"]);
        var techSme = Result(body, "techSme");
        techSme.GetProperty("outcome").GetString().ShouldBe("Eligible");
        techSme.GetProperty("score").GetProperty("low").GetDecimal().ShouldBe(70m); // 30% staff 20 + R&D 6% 50 + no IP 0
        Condition(techSme, "employees").GetProperty("cite").GetString()!.ShouldContain("国科发政〔2017〕115号");
        // 高企 always waits for the experts; here it also lacks IP and its key-field declaration.
        var hnte = Result(body, "hnte");
        hnte.GetProperty("outcome").GetString().ShouldBe("NotEligible");
        Condition(hnte, "ownsIp").GetProperty("met").GetBoolean().ShouldBeFalse();
        // The 2026 办法 is in force today (2026-11-25) and rests on unverified thresholds.
        Result(body, "srdiSme").GetProperty("version").GetString().ShouldBe("2026");
        Result(body, "srdiSme").GetProperty("unverified").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_rd_gap_is_given_in_yuan_over_three_years()
    {
        // Sales 1,000万 a year, R&D 40万 a year: 4% against the 5% band; 5% × 3,000万 − 120万 = 30万 more.
        var years = new[] { 2023, 2024, 2025 }.Select(y => EnterpriseSeeds.SmallTechYear(y, rd: 400_000)).ToList();
        var e = await EnterpriseSeeds.AddAsync(factory, "资格测试乙科技有限公司", years, EnterpriseSeeds.TechSmeFacts);
        var rd = Condition(Result(await EligibilityAsync(await factory.ClientForAsync("dept"), e.CreditCode), "hnte"), "rdRatio");
        rd.GetProperty("value").GetDecimal().ShouldBe(0.04m);
        rd.GetProperty("threshold").GetDecimal().ShouldBe(0.05m);
        rd.GetProperty("met").GetBoolean().ShouldBeFalse();
        rd.GetProperty("gapAs").GetDecimal().ShouldBe(300_000m);
        rd.GetProperty("gapAsUnit").GetString().ShouldBe("yuan");
    }

    [Fact]
    public async Task A_year_with_no_figures_says_what_is_missing_and_never_throws()
    {
        var e = await EnterpriseSeeds.AddAsync(factory, "资格测试丙空白有限公司", []);
        var body = await EligibilityAsync(await factory.ClientForAsync("dept"), e.CreditCode, "?ruleSet=techSme");
        var r = Result(body, "techSme");
        r.GetProperty("outcome").GetString().ShouldBe("NeedsConfirmation");
        r.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldContain("employees[2025]");
    }

    [Fact]
    public async Task An_enterprise_user_reads_its_own_standing_but_not_anothers()
    {
        var other = await EnterpriseSeeds.AddAsync(factory, "资格测试丁他人有限公司", [EnterpriseSeeds.SmallTechYear()]);
        var enterprise = await factory.ClientForAsync("enterprise");
        (await enterprise.GetAsync($"/api/enterprises/{other.CreditCode}/eligibility", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await (await factory.ClientForAsync("dept")).GetFromJsonAsync<JsonElement>("/api/enterprises?search=凤翔", Ct);
        var code = own.GetProperty("items")[0].GetProperty("creditCode").GetString()!;
        (await EligibilityAsync(enterprise, code)).GetProperty("results").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Another_zones_enterprise_is_not_found()
    {
        var b = await EnterpriseSeeds.AddAsync(factory, "洛阳资格测试有限公司", [EnterpriseSeeds.SmallTechYear()], division: "410371");
        var response = await (await factory.ClientForAsync("dept")).GetAsync($"/api/enterprises/{b.CreditCode}/eligibility", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await factory.ClientForAsync("b-admin")).GetAsync($"/api/enterprises/{b.CreditCode}/eligibility", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_rule_set_or_a_bad_year_is_a_problem_naming_it()
    {
        var e = await EnterpriseSeeds.AddAsync(factory, "资格测试戊有限公司", [EnterpriseSeeds.SmallTechYear()]);
        var dept = await factory.ClientForAsync("dept");
        var unknown = await dept.GetAsync($"/api/enterprises/{e.CreditCode}/eligibility?ruleSet=nosuch", Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("nosuch");
        var year = await dept.GetAsync($"/api/enterprises/{e.CreditCode}/eligibility?year=1999", Ct);
        year.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await year.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("year", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_profile_in_the_body_is_evaluated_and_nothing_is_stored()
    {
        var dept = await factory.ClientForAsync("dept");
        var before = (await dept.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=1", Ct)).GetProperty("total").GetInt32();
        var response = await dept.PostAsJsonAsync("/api/eligibility/evaluate", new
        {
            asOf = "2026-11-25", registeredOn = "2018-03-01", ruleSets = new[] { "techSme" },
            years = new[] { new { year = 2025, revenue = 10_000_000, rdExpense = 600_000, totalCost = 8_000_000, totalAssets = 20_000_000, employees = 100, techStaff = 30, inventionPatents = 0, utilityModelPatents = 2 } },
            facts = EnterpriseSeeds.TechSmeFacts,
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var r = Result(await response.Content.ReadFromJsonAsync<JsonElement>(Ct), "techSme");
        r.GetProperty("outcome").GetString().ShouldBe("Eligible");
        r.GetProperty("score").GetProperty("low").GetDecimal().ShouldBe(82m); // 20 + 50 + two Class II 12
        (await dept.GetFromJsonAsync<JsonElement>("/api/enterprises?pageSize=1", Ct)).GetProperty("total").GetInt32().ShouldBe(before);
    }

    [Fact]
    public async Task Impossible_figures_in_the_body_are_refused_by_field()
    {
        var dept = await factory.ClientForAsync("dept");
        var response = await dept.PostAsJsonAsync("/api/eligibility/evaluate", new
        {
            years = new object[]
            {
                new { year = 2025, employees = 10, techStaff = 11, revenue = -1, rdExpense = 500, totalCost = 100 },
            },
            facts = new Dictionary<string, string> { ["resident"] = "maybe" },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "years[0].techStaff", "years[0].revenue", "years[0].rdExpense", "facts.resident" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        var unknown = await dept.PostAsJsonAsync("/api/eligibility/evaluate", new { ruleSets = new[] { "nosuch" } }, Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_zone_version_of_a_rule_set_changes_the_zones_results_and_a_broken_one_is_refused()
    {
        var admin = await factory.ClientForAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/rule-sets", Ct);
        list.EnumerateArray().Count(s => s.GetProperty("official").GetBoolean()).ShouldBe(8);
        var official = await admin.GetFromJsonAsync<JsonElement>("/api/rule-sets/techSme/2017", Ct);
        var json = official.GetProperty("definition").GetRawText();

        // The zone counts the basis the company declared instead of the better of the two R&D ratios.
        var zoneJson = json.Replace("\"rdRatioBest\": 1", "\"rdRatioBest\": 0", StringComparison.Ordinal)
            .Replace("\"rdRatioBest\":1", "\"rdRatioBest\":0", StringComparison.Ordinal)
            .Replace("\"version\": \"2017\"", "\"version\": \"2017-zone\"", StringComparison.Ordinal)
            .Replace("\"version\":\"2017\"", "\"version\":\"2017-zone\"", StringComparison.Ordinal);
        zoneJson.ShouldContain("2017-zone");
        var dept = await factory.ClientForAsync("dept");
        var refused = await dept.PutAsJsonAsync("/api/rule-sets/zone", new { definition = JsonDocument.Parse(zoneJson).RootElement, reason = "本园区口径" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var saved = await admin.PutAsJsonAsync("/api/rule-sets/zone", new { definition = JsonDocument.Parse(zoneJson).RootElement, reason = "本园区按企业申报口径计分" }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));

        // R&D 20万: 2% of sales (10) or 25% of an 80万 cost base (40); undeclared basis → the item stays open.
        var year = EnterpriseSeeds.SmallTechYear(rd: 200_000);
        year.TotalCost = 800_000;
        var e = await EnterpriseSeeds.AddAsync(factory, "资格测试己口径有限公司", [year], EnterpriseSeeds.TechSmeFacts);
        var r = Result(await EligibilityAsync(dept, e.CreditCode), "techSme");
        r.GetProperty("version").GetString().ShouldBe("2017-zone");
        var rdItem = r.GetProperty("score").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
            .Single(i => i.GetProperty("key").GetString() == "rdInput");
        (rdItem.GetProperty("low").GetDecimal(), rdItem.GetProperty("high").GetDecimal()).ShouldBe((0m, 50m));

        var broken = zoneJson.Replace("\"employees\"", "\"employes\"", StringComparison.Ordinal);
        var bad = await admin.PutAsJsonAsync("/api/rule-sets/zone", new { definition = JsonDocument.Parse(broken).RootElement, rowVersion = 0, reason = "试错" }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("definition")[0].GetString()!;
        message.ShouldContain("employes");

        // Removing the zone's version brings the national text back.
        var row = (await admin.GetFromJsonAsync<JsonElement>("/api/rule-sets", Ct)).EnumerateArray().Single(s => s.GetProperty("version").GetString() == "2017-zone");
        (await admin.DeleteAsync($"/api/rule-sets/zone/techSme/2017-zone?rowVersion={row.GetProperty("rowVersion").GetInt32()}&reason=恢复国家口径", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Result(await EligibilityAsync(dept, e.CreditCode), "techSme").GetProperty("version").GetString().ShouldBe("2017");
    }

    [Fact]
    public async Task The_openapi_document_has_both_eligibility_operations_with_examples_and_the_request_example_is_answered_as_documented()
    {
        var paths = (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("paths");
        static JsonElement Json(JsonElement content) => content.GetProperty("content").GetProperty("application/json");

        var get = paths.GetProperty("/api/enterprises/{creditCode}/eligibility").GetProperty("get");
        get.GetProperty("operationId").GetString().ShouldBe("GetEnterpriseEligibility");
        get.GetProperty("parameters").EnumerateArray().Select(p => $"{p.GetProperty("in").GetString()}:{p.GetProperty("name").GetString()}")
            .ShouldBe(["path:creditCode", "query:year", "query:ruleSet"], ignoreOrder: true);
        var standing = Json(get.GetProperty("responses").GetProperty("200")).GetProperty("example");
        standing.GetProperty("year").GetInt32().ShouldBe(2025);
        var documented = standing.GetProperty("results")[0];
        documented.GetProperty("code").GetString().ShouldBe("techSme");
        documented.GetProperty("score").GetProperty("passMark").GetDecimal().ShouldBe(60m);
        var criterion = documented.GetProperty("conditions")[0];
        criterion.GetProperty("cite").GetString().ShouldBe("国科发政〔2017〕115号 第六条（二）");
        criterion.GetProperty("threshold").GetDecimal().ShouldBe(500m);

        var post = paths.GetProperty("/api/eligibility/evaluate").GetProperty("post");
        post.GetProperty("operationId").GetString().ShouldBe("EvaluateEligibility");
        var request = Json(post.GetProperty("requestBody")).GetProperty("example");
        request.GetProperty("ruleSets").EnumerateArray().Select(r => r.GetString()).ShouldBe(["techSme"]);
        request.GetProperty("years")[0].GetProperty("techStaff").GetInt32().ShouldBe(30);
        request.GetProperty("facts").GetProperty("techSme.cleanRecord").GetString().ShouldBe("true");
        var evaluated = Json(post.GetProperty("responses").GetProperty("200")).GetProperty("example").GetProperty("results")[0];
        evaluated.GetProperty("outcome").GetString().ShouldBe("Eligible");

        // The request example, sent as documented, gets the answer the response example shows.
        var answer = await (await factory.ClientForAsync("dept")).PostAsync("/api/eligibility/evaluate",
            new StringContent(request.GetRawText(), System.Text.Encoding.UTF8, "application/json"), Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        var techSme = Result(await answer.Content.ReadFromJsonAsync<JsonElement>(Ct), "techSme");
        techSme.GetProperty("outcome").GetString().ShouldBe(evaluated.GetProperty("outcome").GetString());
        techSme.GetProperty("score").GetProperty("low").GetDecimal().ShouldBe(evaluated.GetProperty("score").GetProperty("low").GetDecimal());
        var employees = Condition(techSme, "employees");
        employees.GetProperty("value").GetDecimal().ShouldBe(evaluated.GetProperty("conditions")[0].GetProperty("value").GetDecimal());
        employees.GetProperty("cite").GetString().ShouldBe(evaluated.GetProperty("conditions")[0].GetProperty("cite").GetString());
    }
}

public sealed class EligibilityOnSqlite(SqliteFactory factory) : EligibilityBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class EligibilityOnPostgres(PostgresFactory factory) : EligibilityBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
