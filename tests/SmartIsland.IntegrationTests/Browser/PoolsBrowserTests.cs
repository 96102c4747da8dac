using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class PoolsBrowserFactory : BrowserFactory;

/// <summary>Department staff screen the zone from the pools page, find an enterprise just under the 高企 R&amp;D line and give it a plan.</summary>
public sealed class PoolsBrowserTests(PoolsBrowserFactory factory) : IClassFixture<PoolsBrowserFactory>, IAsyncLifetime
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
    public async Task Department_staff_screen_the_zone_and_plan_for_a_candidate()
    {
        var baseUrl = factory.BaseUrl;
        // Every 高企 condition met but R&D at 4.9% of sales against 5%: 3万 short over three years.
        var years = new[] { 2023, 2024, 2025 }.Select(y =>
        {
            var year = EnterpriseSeeds.SmallTechYear(y, rd: 490_000);
            year.InventionPatents = 2;
            return year;
        }).ToList();
        var facts = new Dictionary<string, string>(EnterpriseSeeds.TechSmeFacts) { ["hnte.keyField"] = "true", ["hnte.noMajorIncident"] = "true" };
        var e = await EnterpriseSeeds.AddAsync(factory, "培育库浏览器测试科技有限公司", years, facts);

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(baseUrl + "/cultivation/pools");
        await page.FillAsync("#userName", "dept");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/cultivation/pools");
        (await page.TextContentAsync("[data-testid=last-screening]"))!.ShouldContain("尚未测评");

        await Interactive.ClickUntilAsync(page, "[data-testid=screen-now]", "[data-testid=screening-progress]");
        await page.Locator("[data-testid=last-screening]", new PageLocatorOptions { HasTextString = "已完成" }).WaitForAsync();
        await page.ClickAsync("[role=tab] >> text=高新技术企业");
        await page.Locator("input[data-testid=pool-search], [data-testid=pool-search] input").First.FillAsync("培育库浏览器");
        var link = page.Locator("[data-testid=pool-entry-link]", new PageLocatorOptions { HasTextString = e.Name });
        await link.WaitForAsync();
        (await page.Locator("[data-testid=pool-table] tbody tr").First.TextContentAsync())!.ShouldContain("还需研发费用约 3 万元");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "50-reserve-pool.png"), FullPage = true });

        await link.ClickAsync();
        await page.WaitForURLAsync($"**/cultivation/pools/hnte/{e.Id}");
        (await page.TextContentAsync("[data-testid=entry-gaps]"))!.ShouldContain("4.9%，需 ≥5%");
        await Interactive.ClickUntilAsync(page, "[data-testid=plan-add]", "[data-testid=plan-action]");
        await page.Locator("[data-testid=plan-action] input").Nth(1).FillAsync("归集研发费用辅助账");
        await page.Locator("[data-testid=plan-action] input").Nth(2).FillAsync("企业财务");
        await page.ClickAsync("[data-testid=plan-save]");
        await page.Locator("[data-testid=entry-history]", new PageLocatorOptions { HasTextString = "计划更新" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "51-pool-entry.png"), FullPage = true });
    }
}
