using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Screening and reserve pools (issue 4 §3) through the API, on both databases. The clock stands at 2026-11-25, so
/// the rules read 2025 and the three years 2023–2025. Each test marks its enterprises' names with its own token and
/// looks only at those (the zone also holds demo enterprises and other tests' ones).
/// </summary>
public abstract class PoolBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Token() => "池" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Meets every 高企 condition except the R&amp;D ratio: sales 1,000万 a year (the 5% band), R&amp;D at
    /// <paramref name="rdPercent"/> of sales in each of 2023–2025, all of it in China; two invention patents;
    /// 30 of 100 staff in technology; 70% high-tech income; the key field and no major incident declared.
    /// </summary>
    private Task<Enterprise> AddHnteCandidateAsync(string name, decimal rdPercent, IEnumerable<Qualification>? titles = null, string division = "410471")
    {
        var years = new[] { 2023, 2024, 2025 }.Select(y =>
        {
            var year = EnterpriseSeeds.SmallTechYear(y, rd: 10_000_000m * rdPercent / 100);
            year.InventionPatents = 2;
            return year;
        }).ToList();
        var facts = new Dictionary<string, string>(EnterpriseSeeds.TechSmeFacts) { ["hnte.keyField"] = "true", ["hnte.noMajorIncident"] = "true" };
        return EnterpriseSeeds.AddAsync(factory, name, years, facts, titles, division: division);
    }

    private static async Task<JsonElement> ScreenAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/pools/screen", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var run = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        run.GetProperty("status").GetString().ShouldBe("Done");
        return run;
    }

    private static async Task<List<JsonElement>> PoolAsync(HttpClient client, string code, string search)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/pools/{code}?search={Uri.EscapeDataString(search)}&pageSize=100", Ct);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<JsonElement> EntryAsync(HttpClient client, string code, Guid enterpriseId)
    {
        var response = await client.GetAsync($"/api/pools/{code}/{enterpriseId}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Three_enterprises_just_under_the_hnte_rd_threshold_appear_in_the_reserve_pool_in_order()
    {
        var t = Token();
        // Names in the opposite order to their closeness, so a list ordered by name would fail.
        var far = await AddHnteCandidateAsync($"{t}甲研发四点二", 4.2m);
        var mid = await AddHnteCandidateAsync($"{t}乙研发四点六", 4.6m);
        var near = await AddHnteCandidateAsync($"{t}丙研发四点九", 4.9m);
        var dept = await factory.ClientForAsync("dept");
        await ScreenAsync(dept);

        var pool = await PoolAsync(dept, "hnte", t);
        pool.Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([near.Id, mid.Id, far.Id]);
        var ranks = pool.Select(r => r.GetProperty("rank").GetInt32()).ToList();
        ranks.ShouldBe(ranks.Order().ToList());
        ranks.Distinct().Count().ShouldBe(3);
        // 5% × 3,000万 − 3 × 49万 = 3万 more R&D; 5% × 3,000万 − 3 × 42万 = 24万.
        pool[0].GetProperty("mainGaps").GetString()!.ShouldContain("4.9%，需 ≥5%：还需研发费用约 3 万元");
        pool[2].GetProperty("mainGaps").GetString()!.ShouldContain("4.2%，需 ≥5%：还需研发费用约 24 万元");

        var entry = await EntryAsync(dept, "hnte", near.Id);
        entry.GetProperty("inPool").GetBoolean().ShouldBeTrue();
        var gap = entry.GetProperty("gaps").EnumerateArray().Single();
        gap.GetProperty("k").GetString().ShouldBe("rdRatio");
        gap.GetProperty("ga").GetDecimal().ShouldBe(30_000m);
        var entered = entry.GetProperty("history").EnumerateArray().Single();
        entered.GetProperty("kind").GetString().ShouldBe("Entered");
        entered.GetProperty("byScreening").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_enterprise_holding_the_title_is_not_a_candidate()
    {
        var t = Token();
        var holder = await AddHnteCandidateAsync($"{t}已认定", 4.9m,
            [new Qualification { Kind = QualificationKind.HighTechEnterprise, ValidFrom = new DateOnly(2024, 12, 1), ValidUntil = new DateOnly(2027, 11, 30) }]);
        var other = await AddHnteCandidateAsync($"{t}未认定", 4.9m);
        var dept = await factory.ClientForAsync("dept");
        await ScreenAsync(dept);
        (await PoolAsync(dept, "hnte", t)).Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([other.Id]);
        (await dept.GetAsync($"/api/pools/hnte/{holder.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_enterprise_that_gets_the_title_leaves_the_pool_and_the_history_says_why()
    {
        var t = Token();
        var e = await AddHnteCandidateAsync($"{t}将认定", 4.6m);
        var dept = await factory.ClientForAsync("dept");
        await ScreenAsync(dept);
        (await EntryAsync(dept, "hnte", e.Id)).GetProperty("inPool").GetBoolean().ShouldBeTrue();

        var granted = await dept.PostAsJsonAsync($"/api/enterprises/{e.Id}/qualifications",
            new { kind = "HighTechEnterprise", certificateNumber = "GR202641000123", validFrom = "2026-11-01", validUntil = "2029-10-31" }, Ct);
        granted.StatusCode.ShouldBe(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync(Ct));
        await ScreenAsync(dept);

        var entry = await EntryAsync(dept, "hnte", e.Id);
        entry.GetProperty("inPool").GetBoolean().ShouldBeFalse();
        var left = entry.GetProperty("history").EnumerateArray().First();
        left.GetProperty("kind").GetString().ShouldBe("Left");
        left.GetProperty("reason").GetString().ShouldBe("screening:titleHeld");
        (await PoolAsync(dept, "hnte", t)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Staff_add_an_enterprise_by_hand_with_a_reason_and_screening_keeps_it()
    {
        var t = Token();
        var e = await EnterpriseSeeds.AddAsync(factory, $"{t}手工入库", [EnterpriseSeeds.SmallTechYear(2025, rd: 100_000)]);
        var dept = await factory.ClientForAsync("dept");
        await ScreenAsync(dept);
        (await PoolAsync(dept, "hnte", t)).ShouldBeEmpty();

        var noReason = await dept.PostAsJsonAsync("/api/pools/hnte/entries", new { enterpriseId = e.Id, reason = " " }, Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var park = await (await factory.ClientForAsync("grid")).PostAsJsonAsync("/api/pools/hnte/entries", new { enterpriseId = e.Id, reason = "园区推荐" }, Ct);
        park.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await park.Content.ReadAsStringAsync(Ct)).ShouldContain("pools.edit");

        var added = await dept.PostAsJsonAsync("/api/pools/hnte/entries", new { enterpriseId = e.Id, reason = "园区推荐：新产品明年量产" }, Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync(Ct));
        await ScreenAsync(dept);
        var entry = await EntryAsync(dept, "hnte", e.Id);
        entry.GetProperty("inPool").GetBoolean().ShouldBeTrue();
        entry.GetProperty("addedByHand").GetBoolean().ShouldBeTrue();
        entry.GetProperty("handReason").GetString().ShouldBe("园区推荐：新产品明年量产");
        var history = entry.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("kind").GetString() is "Entered" or "Left").ToList();
        history.Single().GetProperty("reason").GetString().ShouldBe("园区推荐：新产品明年量产");
        history.Single().GetProperty("actorName").GetString().ShouldBe("dept");

        var removed = await dept.DeleteAsync($"/api/pools/hnte/{e.Id}?reason={Uri.EscapeDataString("企业暂无申报意愿")}", Ct);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ScreenAsync(dept);
        (await PoolAsync(dept, "hnte", t)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plan_saved_on_a_stale_version_is_refused_with_409()
    {
        var t = Token();
        var e = await AddHnteCandidateAsync($"{t}计划", 4.6m);
        var dept = await factory.ClientForAsync("dept");
        await ScreenAsync(dept);
        var version = (await EntryAsync(dept, "hnte", e.Id)).GetProperty("version").GetInt32();
        var staff = (await dept.GetFromJsonAsync<JsonElement>("/api/pools/staff", Ct)).EnumerateArray().First();

        var bad = await dept.PutAsJsonAsync($"/api/pools/hnte/{e.Id}/plan", new { version, actions = new[] { new { title = "", owner = "李工", done = false } } }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("actions[0].title", out _).ShouldBeTrue();

        var plan = new
        {
            version, responsibleUserId = staff.GetProperty("id").GetGuid(),
            actions = new[] { new { title = "归集研发费用辅助账", owner = "企业财务", dueOn = "2026-12-31", done = false } },
        };
        var saved = await dept.PutAsJsonAsync($"/api/pools/hnte/{e.Id}/plan", plan, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("responsibleName").GetString().ShouldBe(staff.GetProperty("name").GetString());
        body.GetProperty("plan")[0].GetProperty("title").GetString().ShouldBe("归集研发费用辅助账");

        var stale = await dept.PutAsJsonAsync($"/api/pools/hnte/{e.Id}/plan", plan with { }, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await EntryAsync(dept, "hnte", e.Id)).GetProperty("plan").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_export_has_the_pools_rows_in_rank_order_with_gaps_in_words()
    {
        var t = Token();
        var far = await AddHnteCandidateAsync($"{t}甲导出", 4.2m);
        var near = await AddHnteCandidateAsync($"{t}乙导出", 4.9m);
        var dept = await factory.ClientForAsync("dept");
        await ScreenAsync(dept);
        var export = await dept.GetAsync($"/api/pools/hnte/export?search={Uri.EscapeDataString(t)}", Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["企业"]).ShouldBe([near.Name, far.Name]);
        rows[0]["统一社会信用代码"].ShouldBe(near.CreditCode);
        rows[1]["主要差距"].ToString()!.ShouldContain("还需研发费用约 24 万元");
    }

    [Fact]
    public async Task Screening_one_zone_does_not_touch_another()
    {
        var t = Token();
        var inA = await AddHnteCandidateAsync($"{t}一区", 4.9m);
        var inB = await AddHnteCandidateAsync($"{t}二区", 4.9m, division: "410371");
        var dept = await factory.ClientForAsync("dept");
        var bAdmin = await factory.ClientForAsync("b-admin");
        await ScreenAsync(dept);
        (await PoolAsync(bAdmin, "hnte", t)).ShouldBeEmpty();
        (await PoolAsync(dept, "hnte", t)).Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([inA.Id]);
        var aBefore = await EntryAsync(dept, "hnte", inA.Id);

        await ScreenAsync(bAdmin);
        (await PoolAsync(bAdmin, "hnte", t)).Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([inB.Id]);
        var aAfter = await EntryAsync(dept, "hnte", inA.Id);
        aAfter.GetProperty("evaluatedAt").GetDateTimeOffset().ShouldBe(aBefore.GetProperty("evaluatedAt").GetDateTimeOffset());
        aAfter.GetProperty("history").GetArrayLength().ShouldBe(aBefore.GetProperty("history").GetArrayLength());
        (await dept.GetAsync($"/api/pools/hnte/{inB.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_minimum_closeness_is_checked_versioned_and_needs_a_reason()
    {
        var dept = await factory.ClientForAsync("dept");
        var version = (await dept.GetFromJsonAsync<JsonElement>("/api/pools", Ct)).GetProperty("settingsVersion").GetInt32();
        var low = await dept.PutAsJsonAsync("/api/pools/settings", new { minCloseness = 0.3m, version, reason = "扩大储备" }, Ct);
        low.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await low.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("minCloseness", out _).ShouldBeTrue();
        var noReason = await dept.PutAsJsonAsync("/api/pools/settings", new { minCloseness = 0.8m, version }, Ct);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        // The same 0.8 the other tests rely on, saved explicitly: the version moves, and the old one is stale.
        var saved = await dept.PutAsJsonAsync("/api/pools/settings", new { minCloseness = 0.8m, version, reason = "按区管委会意见确认门槛" }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("minCloseness").GetDecimal().ShouldBe(0.8m);
        var stale = await dept.PutAsJsonAsync("/api/pools/settings", new { minCloseness = 0.8m, version, reason = "重复提交" }, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var grid = await (await factory.ClientForAsync("grid")).PutAsJsonAsync("/api/pools/settings", new { minCloseness = 0.8m, version = version + 1, reason = "试试" }, Ct);
        grid.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_enterprise_user_reads_only_its_own_pools()
    {
        var enterprise = await factory.ClientForAsync("enterprise");
        var list = await enterprise.GetAsync("/api/pools/hnte", Ct);
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await list.Content.ReadAsStringAsync(Ct)).ShouldContain("pools.read");
        (await enterprise.PostAsync("/api/pools/screen", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var other = await AddHnteCandidateAsync($"{Token()}他人", 4.9m);
        (await enterprise.GetAsync($"/api/pools/of/{other.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class PoolsOnSqlite(CasesSqliteFactory factory) : PoolBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class PoolsOnPostgres(CasesPostgresFactory factory) : PoolBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
