using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>
/// A department clerk opens November's site review over two demo projects, scores one on a phone-sized screen and
/// closes the round; the ranking shows and the ranked project's history opens from its row. Then park staff open the logistics libraries with the demo "双12" demand.
/// </summary>
public sealed class SiteReviewJourneyTests(ProjectReportBrowserFactory factory) : IClassFixture<ProjectReportBrowserFactory>, IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private static readonly string Artifacts = Environment.GetEnvironmentVariable("SMARTISLAND_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

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

    private async Task<IPage> SignInAsync(string user, string returnUrl, int width, int height)
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**" + returnUrl);
        return page;
    }

    private static Task<bool> OverflowsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    [Fact]
    public async Task A_clerk_opens_a_review_scores_a_project_on_a_phone_and_closes_it_with_the_ranking_and_park_staff_see_the_peak()
    {
        var page = await SignInAsync("dept", "/projects/reviews", 390, 844);
        var chips = page.Locator("[data-testid=candidate]");
        await chips.First.WaitForAsync();
        await Interactive.ClickUntilAsync(page, chips.Nth(0), "text=观摩路线 (1)");
        await chips.Nth(1).ClickAsync();
        await page.WaitForSelectorAsync("text=观摩路线 (2)");
        await page.ClickAsync("[data-testid=round-open]");
        await page.WaitForURLAsync("**/projects/reviews/*");
        var entry = page.Locator("[data-testid=entry]").First;
        await entry.WaitForAsync();
        foreach (var (key, value) in new[] { ("progress", "36"), ("investment", "27"), ("quality", "13"), ("safety", "14") })
        {
            var input = entry.Locator($"[data-testid=score-{key}] input, input[data-testid=score-{key}]").First;
            await input.FillAsync(value);
            await input.PressAsync("Tab");
        }
        await entry.Locator("[data-testid=sheet-save]").ClickAsync();
        (await entry.Locator("[data-testid=my-total]").TextContentAsync())!.ShouldContain("90");
        (await OverflowsAsync(page)).ShouldBeFalse();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "90-site-review-sheet.png"), FullPage = true });

        await page.ClickAsync("[data-testid=round-close]");
        var ranking = page.Locator("[data-testid=project-ranking]");
        await ranking.WaitForAsync();
        // The scored project is first with 90 (优秀, ≥ 90); the other was not scored and is not ranked.
        var first = ranking.Locator("tbody tr").First;
        (await first.Locator("[data-testid=rank]").TextContentAsync())!.Trim().ShouldBe("1");
        (await first.Locator("[data-testid=total]").TextContentAsync())!.Trim().ShouldBe("90");
        (await ranking.TextContentAsync())!.ShouldContain("不参与排名");
        (await page.TextContentAsync("[data-testid=round-status]"))!.ShouldContain("已结束");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "91-site-review-ranking.png"), FullPage = true });

        // The ranked project's history, from its row: November 2026 last (oldest first), 90 and first of the one ranked.
        await first.Locator("[data-testid=project-history]").ClickAsync();
        await page.WaitForURLAsync("**/projects/reviews/history/*");
        var periods = page.Locator("[data-testid=history-table] [data-testid=history-period]");
        await periods.First.WaitForAsync();
        var months = (await periods.AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        months[^1].ShouldBe("2026-11");
        months.ShouldBe(months.Order(StringComparer.Ordinal).ToList());
        (await page.Locator("[data-testid=history-total]").Last.TextContentAsync())!.Trim().ShouldBe("90");
        (await page.Locator("[data-testid=history-rank]").Last.TextContentAsync())!.Trim().ShouldBe("1/1");
        await page.Locator("[data-testid=history-chart] canvas").First.WaitForAsync();
        (await OverflowsAsync(page)).ShouldBeFalse();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "91b-site-review-history.png"), FullPage = true });

        var park = await SignInAsync("park", "/logistics", 1280, 900);
        await park.WaitForSelectorAsync("[data-testid=carriers]");
        (await park.TextContentAsync("[data-testid=carriers]"))!.ShouldContain("高新智慧物流园");
        await Interactive.ClickUntilAsync(park, park.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "旺季保障" }), "[data-testid=peak] >> text=高新智慧物流园");
        // 高新智慧物流园 asks for 6 vehicles over 8–15 December and no pass is issued yet: a gap of 6.
        var row = park.Locator("[data-testid=peak] tbody tr", new PageLocatorOptions { HasText = "高新智慧物流园" });
        (await row.TextContentAsync())!.ShouldContain("6");
        await park.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "92-logistics-peak.png"), FullPage = true });
    }
}
