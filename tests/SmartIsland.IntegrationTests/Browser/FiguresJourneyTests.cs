using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>An enterprise user on a phone fills in a year's figures, is told what is impossible, fixes it and submits.</summary>
public sealed class FiguresJourneyTests(BrowserFactory factory) : IClassFixture<BrowserFactory>, IAsyncLifetime
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

    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task An_enterprise_user_on_a_phone_fills_in_a_year_fixes_what_is_refused_and_submits_it()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=%2Fenterprises");
        await page.FillAsync("#userName", "enterprise");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.Locator("[data-testid=enterprise-link]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        for (var attempt = 0; attempt < 20 && await page.Locator("[data-testid=indicator-editor]").CountAsync() == 0; attempt++)
        {
            await page.ClickAsync("[data-testid=add-year]");
            await page.WaitForTimeoutAsync(500);
        }

        // The demo data holds 2023–2025 for this enterprise: a year of its own.
        await Input(page, "indicator-year").FillAsync("2015");
        await Input(page, "indicator-revenue").FillAsync("3000");
        await Input(page, "indicator-totalCost").FillAsync("2000");
        await Input(page, "indicator-rdExpense").FillAsync("2500");
        await Input(page, "indicator-employees").FillAsync("80");
        await Input(page, "indicator-rdStaff").FillAsync("12");
        await Input(page, "indicator-rdStaff").PressAsync("Tab");
        await page.ClickAsync("[data-testid=indicator-save]");
        await page.WaitForSelectorAsync("[data-testid=indicator-errors]");
        (await page.TextContentAsync("[data-testid=indicator-errors]"))!.ShouldContain("研发费用不能大于成本费用支出总额");
        (await Input(page, "indicator-revenue").InputValueAsync()).ShouldBe("3000"); // nothing typed is lost
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "30-phone-figures-refused.png"), FullPage = true });

        await Input(page, "indicator-rdExpense").FillAsync("150");
        await Input(page, "indicator-rdExpense").PressAsync("Tab");
        await page.ClickAsync("[data-testid=indicator-save]");
        var row = page.Locator("[data-testid=indicators] tr", new PageLocatorOptions { HasText = "2015" });
        await row.Locator("[data-testid=submit-year]").ClickAsync();
        await row.Locator("[data-testid=indicator-status]", new LocatorLocatorOptions { HasText = "已提交待审核" }).WaitForAsync();
        // Waiting for review: the enterprise can look at it but no longer change it.
        (await row.Locator("[data-testid=edit-year]").CountAsync()).ShouldBe(0);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "31-phone-figures-submitted.png"), FullPage = true });
        overflow.ShouldBeFalse();
    }
}
