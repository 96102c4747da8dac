using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class PerformanceBrowserFactory : BrowserFactory;

/// <summary>Department staff run last year's per-mu evaluation from the page and read the ranked table, the grade distribution and the settings.</summary>
public sealed class PerformanceBrowserTests(PerformanceBrowserFactory factory) : IClassFixture<PerformanceBrowserFactory>, IAsyncLifetime
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
    public async Task Department_staff_run_the_evaluation_and_read_the_ranking()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(baseUrl + "/cultivation/performance");
        await page.FillAsync("#userName", "dept");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/cultivation/performance");
        await page.WaitForSelectorAsync("[data-testid=perf-empty]");

        await Interactive.ClickUntilAsync(page, "[data-testid=perf-run]", "[data-testid=perf-distribution]");
        await page.WaitForSelectorAsync("[data-testid=perf-table] tbody tr >> nth=0");
        (await page.Locator("[data-testid=perf-table] tbody tr").First.TextContentAsync())!.ShouldStartWith("1");
        (await page.TextContentAsync("[data-testid=perf-total]"))!.ShouldNotContain("共 0 条");
        // The demo registry has no value added figures: the page says which indicators no enterprise could be scored on.
        (await page.TextContentAsync("[data-testid=perf-no-values]"))!.ShouldContain("亩均增加值");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "40-per-mu-evaluation.png"), FullPage = true });

        await page.GotoAsync(baseUrl + "/cultivation/performance/settings");
        await page.WaitForSelectorAsync("[data-testid=perf-indicators] >> text=亩均税收");
        await page.WaitForSelectorAsync("[data-testid=perf-policies] >> text=用地");
        (await page.Locator("[data-testid=perf-policies] input").First.InputValueAsync()).ShouldBe("标准厂房租金减免（示例：30%）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "41-per-mu-settings.png"), FullPage = true });
    }
}
