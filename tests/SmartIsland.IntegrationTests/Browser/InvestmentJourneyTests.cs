using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class InvestmentBrowserFactory : BrowserFactory;

/// <summary>
/// A park clerk opens the 招商 board on the demo leads (overdue next actions marked), moves a 线索 card to 洽谈 with a note,
/// finds the note in the lead's history, and opens a chain lead whose page links its source enterprise and offers idle sites.
/// </summary>
public sealed class InvestmentJourneyTests(InvestmentBrowserFactory factory) : IClassFixture<InvestmentBrowserFactory>, IAsyncLifetime
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

    [Fact]
    public async Task A_park_clerk_moves_a_card_with_a_note_and_opens_a_chain_lead_with_its_matches()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(factory.BaseUrl + "/investment");
        await page.FillAsync("#userName", "park");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/investment");
        await page.WaitForSelectorAsync("[data-testid=pipeline]");
        (await page.Locator("[data-testid=lead-card]").CountAsync()).ShouldBeGreaterThanOrEqualTo(20);
        (await page.Locator("[data-testid=overdue]").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "80-investment-board.png"), FullPage = true });

        var card = page.Locator("[data-testid=column-Lead] [data-testid=lead-card]", new PageLocatorOptions { HasText = "天津某开关柜绝缘件企业" });
        await Interactive.ClickUntilAsync(page, card.Locator("[data-testid=move-Negotiating]"), "[data-testid=move-form]");
        await page.FillAsync("[data-testid=move-note]", "企业来区考察，进入洽谈");
        await page.ClickAsync("[data-testid=move-submit]");
        var moved = page.Locator("[data-testid=column-Negotiating] [data-testid=lead-card]", new PageLocatorOptions { HasText = "天津某开关柜绝缘件企业" });
        await moved.WaitForAsync();

        await moved.Locator("a").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=history] >> text=企业来区考察，进入洽谈");
        (await page.InnerTextAsync("[data-testid=lead-stage]")).ShouldBe("洽谈");

        await page.GotoAsync(factory.BaseUrl + "/investment");
        await page.Locator("[data-testid=lead-card] a", new PageLocatorOptions { HasText = "浙江某环网柜元器件企业" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=lead-source-enterprise]");
        (await page.InnerTextAsync("[data-testid=lead-source-enterprise]")).ShouldContain("河南圣玛珂电气制造有限公司");
        (await page.Locator("[data-testid=match-row]").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "81-investment-lead.png"), FullPage = true });
    }
}
