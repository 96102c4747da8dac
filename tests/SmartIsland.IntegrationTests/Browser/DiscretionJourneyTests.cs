using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class DiscretionBrowserFactory : BrowserFactory;

/// <summary>
/// A 城管 officer records a minor parking violation on a penalty item of 城管 carrying the parking rule: the first in the cycle is not
/// fined, the second is; overriding needs a reason (refused without one), then the page shows who changed it and why.
/// Then the staff and public timeliness pages open.
/// </summary>
public sealed class DiscretionJourneyTests(DiscretionBrowserFactory factory) : IClassFixture<DiscretionBrowserFactory>, IAsyncLifetime
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
    public async Task An_officer_records_two_violations_and_overrides_the_first_with_a_reason()
    {
        var baseUrl = factory.BaseUrl;
        // The item as the demo catalogue describes it (行政处罚 of 城管 carrying "parking-first-minor"), arranged here so the
        // journey does not depend on which catalogue is loaded.
        await Support.ApplicationSeeds.ItemAsync(factory, await Support.ApplicationSeeds.DepartmentIdAsync(factory, "城市管理和综合执法局"), "城市管理和综合执法局",
            90, 5, SmartIsland.Services.Catalogue.ItemKind.AdministrativePenalty, SmartIsland.Services.Discretion.ParkingFirstMinorRule.RuleCode);
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(baseUrl + "/services/discretion");
        await page.FillAsync("#userName", "dept");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/services/discretion");
        try { await page.WaitForSelectorAsync("[data-testid=record]"); }
        catch (TimeoutException) { throw new InvalidOperationException(page.Url + " :: " + await page.InnerTextAsync("body")); }

        var plate = "豫D" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task RecordAsync()
        {
            await page.FillAsync("[data-testid=plate]", plate);
            await page.FillAsync("[data-testid=place]", "神马大道与火炬路交叉口");
            await page.ClickAsync("[data-testid=record]");
        }

        // Typing and clicks before the circuit is interactive are lost when it takes over: repeat until the decision shows.
        for (var attempt = 1; ; attempt++)
        {
            await RecordAsync();
            try
            {
                await page.WaitForSelectorAsync("[data-testid=decision-reason] >> text=首次轻微违停，免予罚款", new PageWaitForSelectorOptions { Timeout = 4_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 10)
            {
                // not interactive yet
            }
        }
        await RecordAsync();
        await page.WaitForSelectorAsync("[data-testid=decision-reason] >> text=第2次轻微违停");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "60-discretion-second.png"), FullPage = true });

        // Back to the first (the exempt one) from the list, and fine it — first without a reason.
        await page.Locator("[data-testid=violations] tbody tr", new PageLocatorOptions { HasText = "免予罚款" }).First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=decision-reason] >> text=首次轻微违停");
        await page.ClickAsync("[data-testid=override]");
        await page.ClickAsync("[data-testid=override-save]");
        await page.WaitForSelectorAsync("text=改变平台决定必须说明理由");
        await page.FillAsync("[data-testid=override-reason-input]", "驾驶人拒不驶离，妨碍通行");
        await page.ClickAsync("[data-testid=override-save]");
        await page.WaitForSelectorAsync("[data-testid=override-reason] >> text=驾驶人拒不驶离，妨碍通行");
        (await page.TextContentAsync("[data-testid=decision-reason]"))!.ShouldContain("首次轻微违停，免予罚款");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "61-discretion-override.png"), FullPage = true });

        // The same officer's timeliness page renders with its period picker and the definitions (the speed-up formula).
        await page.GotoAsync(baseUrl + "/services/timeliness");
        await page.WaitForSelectorAsync("[data-testid=definitions]");
        (await page.TextContentAsync("[data-testid=def-speedup]"))!.ShouldContain("1 − 实际用时工作日 ÷ 法定时限工作日");
        await page.GotoAsync(baseUrl + "/timeliness?period=Year&year=2026");
        await page.WaitForSelectorAsync("[data-testid=period-range] >> text=2026-01-01");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "62-public-timeliness.png"), FullPage = true });
    }
}
