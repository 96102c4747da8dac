using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Guide;
using static SmartIsland.IntegrationTests.Support.GuideSeeds;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// The public guide (办事不找关系指南) read anonymously over HTTP on both databases, against items the tests put in the
/// catalogue themselves. The index is checked on every search here (Guide:IndexCheckSeconds=0), so an item added a
/// moment ago must be found: the version stamp is what is tested, not a timer.
/// </summary>
public abstract class GuideBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private HttpClient Anonymous() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> PageAsync(string url)
    {
        var response = await Anonymous().GetAsync(url, Ct);
        // Blazor writes non-ASCII text as character references: read the page as a browser would show it.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {html[..Math.Min(500, html.Length)]}");
        return html;
    }

    /// <summary>A paged list: follows ?page= until the marker shows (the demo catalogue may fill the first pages).</summary>
    private async Task<string> FindOnPagesAsync(string url, string marker)
    {
        for (var page = 1; page <= 40; page++)
        {
            var html = await PageAsync($"{url}?page={page}");
            if (html.Contains(marker, StringComparison.Ordinal)) return html;
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal)) break;
        }
        throw new ShouldAssertException($"{marker} is on no page of {url}");
    }

    private async Task<GuideSearchResult> SearchAsync(string q, int limit = 100)
    {
        var response = await Anonymous().GetAsync($"/api/guide/search?q={Uri.EscapeDataString(q)}&limit={limit}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<GuideSearchResult>(Json, Ct))!;
    }

    private static string Department() => "测试局" + Suffix();

    /// <summary>An item with a prohibited situation, a deferrable material and one an e-licence proves.</summary>
    private Task<SeededItem> FullItemAsync(string name, string department) => AddItemAsync(factory, name, department,
    [
        new MaterialSpec("营业执照", LicenceTypes: "business-licence-" + Suffix()),
        new MaterialSpec("门头招牌设计效果图" + Suffix(), Form: MaterialForm.Copy, Count: 2),
        new MaterialSpec("场地租赁合同" + Suffix(), Deferrable: true),
    ], prohibited: "要求申请人提供门头招牌施工单位资质证明" + Suffix(), promisedDays: 0);

    [Fact]
    public async Task Every_part_of_the_guide_opens_without_sign_in_and_shows_the_seeded_item()
    {
        var department = Department();
        var item = await FullItemAsync("门头招牌设置（测试）", department);
        var bundle = await AddBundleAsync(factory, "开店一件事（测试）" + Suffix(), item);

        var home = await PageAsync("/guide");
        foreach (var part in new[] { "/guide/powers", "/guide/paths", "/guide/items", "/guide/prohibited", "/guide/deferrable", "/guide/bundles" })
            home.ShouldContain($"href=\"{part}\"");
        home.ShouldNotContain("\"type\":\"server\""); // static: no interactive circuit for anonymous readers

        (await PageAsync($"/guide/powers?department={Uri.EscapeDataString(department)}")).ShouldContain($"data-code=\"{item.Code}\"");
        (await PageAsync("/guide/paths")).ShouldContain($"data-department=\"{department}\"");
        await FindOnPagesAsync("/guide/items", item.Code);
        var prohibited = await FindOnPagesAsync("/guide/prohibited", item.Code);
        prohibited.ShouldContain("要求申请人提供门头招牌施工单位资质证明");
        var deferrable = await FindOnPagesAsync("/guide/deferrable", item.Code);
        deferrable.ShouldContain("场地租赁合同");
        deferrable.ShouldNotContain("门头招牌设计效果图"); // not deferrable: not on the list
        (await PageAsync("/guide/bundles")).ShouldContain($"data-code=\"{bundle}\"");
        (await PageAsync($"/guide/bundles/{bundle}")).ShouldContain(item.Code);
        (await PageAsync($"/guide/items/{item.Code}")).ShouldContain("门头招牌设置（测试）");
    }

    [Fact]
    public async Task An_item_guide_shows_its_materials_marks_limits_flowchart_and_the_way_to_apply()
    {
        var item = await FullItemAsync("户外促销活动审批（测试）", Department());
        var html = await PageAsync($"/guide/items/{item.Code}");

        var rows = html.Split("data-testid=\"guide-material\"").Skip(1).ToList();
        rows.Count.ShouldBe(3);
        rows[0].ShouldContain("营业执照");
        rows[0].ShouldContain("可免提交（电子证照：business-licence-"); // the registry knows no such type: its code is shown
        rows[1].ShouldContain("门头招牌设计效果图");
        rows[1].ShouldContain("复印件");
        rows[1].ShouldContain(">2</td>");
        rows[1].ShouldNotContain("guide-deferrable-mark");
        rows[2].ShouldContain("场地租赁合同");
        rows[2].ShouldContain("guide-deferrable-mark");
        rows[2].ShouldContain("可容缺");

        html.ShouldContain("data-testid=\"guide-promised\">即办<");
        html.ShouldContain("data-testid=\"guide-statutory\">20 个工作日<");
        html.ShouldContain("申请人已依法登记");
        html.ShouldContain("要求申请人提供门头招牌施工单位资质证明");
        html.ShouldContain("《测试条例》第十二条");
        html.ShouldContain("0375-12345");
        html.ShouldContain($"href=\"/services/apply/{item.Code}\"");
        var svg = html[html.IndexOf("<svg class=\"si-guide-flow\"", StringComparison.Ordinal)..];
        svg = svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        svg.Split("data-testid=\"guide-flow-step\"").Length.ShouldBe(5); // four steps
        svg.ShouldContain(">审查<");
        svg.ShouldContain(">承办科室 · 2 个工作日<");
        (svg.IndexOf(">受理<", StringComparison.Ordinal) < svg.IndexOf(">办结<", StringComparison.Ordinal)).ShouldBeTrue();

        var json = await Anonymous().GetFromJsonAsync<GuideItem>($"/api/guide/items/{item.Code}", Json, Ct);
        json!.Materials.Select(m => m.Deferrable).ShouldBe([false, false, true]);
        json.IsImmediate.ShouldBeTrue();
    }

    [Fact]
    public async Task An_anonymous_reader_sees_the_e_licence_that_exempts_a_material_by_its_name()
    {
        // The demo 门头招牌 item: 营业执照 and 场所使用证明 are proved by the zone's licence types (seeded by the licence module).
        var html = await PageAsync("/guide/items/CG-XK-001");
        var rows = html.Split("data-testid=\"guide-material\"").Skip(1).ToList();
        var property = rows.Single(r => r.Contains("场所使用证明"));
        property.ShouldContain("可免提交（电子证照：不动产权证书");
        property.ShouldNotContain("property-certificate");
    }

    [Fact]
    public async Task A_two_character_word_finds_an_item_by_its_name_and_by_a_material_and_name_hits_rank_first()
    {
        var byName = await AddItemAsync(factory, "物流车辆通行证核发（测试" + Suffix() + "）", Department(), [new MaterialSpec("道路运输经营许可证")]);
        var byMaterial = await AddItemAsync(factory, "货运场站备案（测试" + Suffix() + "）", Department(), [new MaterialSpec("车辆通行路线图" + Suffix())]);
        var invoice = await AddItemAsync(factory, "发票领用（测试" + Suffix() + "）", Department(), [new MaterialSpec("税务登记证明")], keywords: "领票");

        var hits = (await SearchAsync("通行")).Hits.Select(h => h.Code).ToList();
        hits.ShouldContain(byName.Code);
        hits.ShouldContain(byMaterial.Code);
        hits.IndexOf(byName.Code).ShouldBeLessThan(hits.IndexOf(byMaterial.Code));
        var material = (await SearchAsync("路线")).Hits.Single(h => h.Code == byMaterial.Code);
        material.MatchedIn.ShouldBe(GuideMatch.Material);
        material.MatchedText!.ShouldStartWith("车辆通行路线图");

        (await SearchAsync("发票")).Hits.Select(h => h.Code).ShouldContain(invoice.Code);
        (await SearchAsync("领票")).Hits.Select(h => h.Code).ShouldContain(invoice.Code);
        (await SearchAsync(invoice.Code.ToLowerInvariant())).Hits[0].Code.ShouldBe(invoice.Code);
        (await SearchAsync("发票 通行")).Hits.Select(h => h.Code).ShouldNotContain(invoice.Code); // every term must match

        var page = await PageAsync("/guide?q=" + Uri.EscapeDataString("发票"));
        page.ShouldContain($"data-code=\"{invoice.Code}\"");
    }

    [Fact]
    public async Task An_item_added_after_a_search_is_found_by_the_next_one()
    {
        var word = "镭" + Suffix();
        (await SearchAsync(word)).Total.ShouldBe(0);
        var item = await AddItemAsync(factory, "放射诊疗许可" + word, Department(), [new MaterialSpec("放射防护评价报告")]);
        (await SearchAsync(word)).Hits.Single().Code.ShouldBe(item.Code);
    }

    [Fact]
    public async Task An_unpublished_item_is_nowhere_in_the_guide()
    {
        var department = Department();
        var hidden = await AddItemAsync(factory, "停办事项（测试" + Suffix() + "）", department, [new MaterialSpec("停办材料" + Suffix(), Deferrable: true)], published: false);

        (await SearchAsync(hidden.Name)).Hits.Select(h => h.Code).ShouldNotContain(hidden.Code);
        (await SearchAsync(department)).Total.ShouldBe(0);
        (await Anonymous().GetAsync($"/guide/items/{hidden.Code}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Anonymous().GetAsync($"/api/guide/items/{hidden.Code}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageAsync($"/guide/powers?department={Uri.EscapeDataString(department)}")).ShouldNotContain(hidden.Code);
        (await PageAsync("/guide/paths")).ShouldNotContain(department);
    }

    [Fact]
    public async Task An_unknown_item_is_a_404_page_and_a_404_problem()
    {
        var page = await Anonymous().GetAsync("/guide/items/NO-SUCH-ITEM", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("data-testid=\"guide-item-not-found\"");
        html.ShouldContain("没有找到这个事项");

        var api = await Anonymous().GetAsync("/api/guide/items/NO-SUCH-ITEM", Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Anonymous().GetAsync("/guide/bundles/NO-SUCH-BUNDLE", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_search_longer_than_fifty_characters_is_refused_naming_q()
    {
        var response = await Anonymous().GetAsync("/api/guide/search?q=" + new string('门', 51), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("q", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_bundle_lists_its_merged_materials_once_with_the_reduction()
    {
        var licence = "营业执照" + Suffix();
        var shared = await AddMaterialsAsync(factory, [new MaterialSpec(licence)]);
        var a = await AddItemAsync(factory, "公章刻制备案（测试）", Department(), [new MaterialSpec(licence), new MaterialSpec("法定代表人身份证" + Suffix())], shared: shared);
        var b = await AddItemAsync(factory, "社保开户（测试）", Department(), [new MaterialSpec(licence), new MaterialSpec("劳动合同" + Suffix())], shared: shared);
        var bundle = await AddBundleAsync(factory, "开办企业一件事（测试）", a, b);

        var html = await PageAsync($"/guide/bundles/{bundle}");
        // Two items × two materials, one of them the same canonical material: 4 asked for separately, 3 in the bundle.
        html.ShouldContain("data-before=\"4\" data-after=\"3\"");
        html.ShouldContain("25.0%");
        html.Split("data-testid=\"bundle-material\"").Length.ShouldBe(4);
        html.Split(licence).Length.ShouldBe(2); // named once
    }
}

public sealed class GuideSqliteFactory : SqliteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:IndexCheckSeconds", "0");
    }
}

public sealed class GuidePostgresFactory : PostgresFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:IndexCheckSeconds", "0");
    }
}

public sealed class GuideOnSqlite(GuideSqliteFactory factory) : GuideBehaviour<GuideSqliteFactory>(factory), IClassFixture<GuideSqliteFactory>;

public sealed class GuideOnPostgres(GuidePostgresFactory factory) : GuideBehaviour<GuidePostgresFactory>(factory), IClassFixture<GuidePostgresFactory>;
