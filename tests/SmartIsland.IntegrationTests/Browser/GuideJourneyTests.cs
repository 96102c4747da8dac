using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using static SmartIsland.IntegrationTests.Support.GuideSeeds;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>An anonymous visitor on a phone finds an item's guide by a two-character word and reads what to bring.</summary>
public sealed class GuideJourneyTests(BrowserFactory factory) : IClassFixture<BrowserFactory>, IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private static readonly string Artifacts = Environment.GetEnvironmentVariable("SMARTISLAND_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task An_anonymous_visitor_on_a_phone_searches_a_two_character_word_and_reads_the_items_guide()
    {
        var word = "门头";
        var item = await AddItemAsync(factory, $"{word}招牌设置审批（浏览器测试{Suffix()}）", "城市管理局（测试）",
        [
            new MaterialSpec("营业执照（浏览器测试）", LicenceTypes: "business-licence"),
            new MaterialSpec("门头招牌设计效果图（浏览器测试）", Form: Services.Catalogue.MaterialForm.Copy, Count: 2),
            new MaterialSpec("场地产权证明或租赁合同（浏览器测试）", Deferrable: true),
        ], promisedDays: 3);

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(factory.BaseUrl + "/guide");
        await page.Locator("[data-testid=guide-parts]").WaitForAsync();
        (await OverflowsAsync(page)).ShouldBeFalse();

        await page.FillAsync("[data-testid=guide-q]", word);
        await page.ClickAsync("[data-testid=guide-search-submit]");
        var hit = page.Locator($"[data-testid=guide-hit][data-code='{item.Code}']");
        await hit.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "50-phone-guide-search.png"), FullPage = true });
        await hit.Locator("[data-testid=guide-hit-link]").ClickAsync();

        await page.Locator("[data-testid=guide-item-name]").WaitForAsync();
        (await page.TextContentAsync("[data-testid=guide-item-name]"))!.ShouldContain("招牌设置审批");
        var materials = page.Locator("[data-testid=guide-material]");
        (await materials.CountAsync()).ShouldBe(3);
        (await materials.Nth(2).TextContentAsync())!.ShouldContain("场地产权证明或租赁合同");
        (await materials.Nth(2).Locator("[data-testid=guide-deferrable-mark]").IsVisibleAsync()).ShouldBeTrue();
        (await materials.Nth(0).Locator("[data-testid=guide-exempt]").TextContentAsync())!.ShouldContain("可免提交");
        var flow = page.Locator("[data-testid=guide-flow]");
        await flow.ScrollIntoViewIfNeededAsync();
        (await flow.IsVisibleAsync()).ShouldBeTrue();
        var steps = page.Locator("[data-testid=guide-flow-step]");
        (await steps.CountAsync()).ShouldBe(4);
        // Vertical: each step lies wholly below the one before it, in the same column, inside the phone's width.
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < 4; i++) boxes.Add((await steps.Nth(i).Locator("rect").BoundingBoxAsync())!);
        for (var i = 1; i < 4; i++)
        {
            boxes[i].Y.ShouldBeGreaterThanOrEqualTo(boxes[i - 1].Y + boxes[i - 1].Height - 1);
            boxes[i].X.ShouldBe(boxes[0].X, 1);
        }
        (boxes[0].X + boxes[0].Width).ShouldBeLessThanOrEqualTo(390);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "51-phone-guide-item.png"), FullPage = true });
        (await OverflowsAsync(page)).ShouldBeFalse();
    }
}
