using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class PolicyBrowserFactory : BrowserFactory;

/// <summary>Department staff open the illustrative 高企 award, find the entitled enterprises (免申即享) and confirm one.</summary>
public sealed class PolicyJourneyTests(PolicyBrowserFactory factory) : IClassFixture<PolicyBrowserFactory>, IAsyncLifetime
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
    public async Task Staff_find_the_entitled_enterprises_of_a_policy_and_confirm_one()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(baseUrl + "/cultivation/policies");
        await page.FillAsync("#userName", "dept");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/cultivation/policies");
        await page.WaitForSelectorAsync("[data-testid=policy-table] >> text=新认定高新技术企业奖励");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "40-policies.png"), FullPage = true });

        await page.ClickAsync("[data-testid=policy-table] >> text=新认定高新技术企业奖励");
        await page.WaitForSelectorAsync("[data-testid=run]");
        // The demo registry's four 高企 certificates were all granted in 2024: the 2025 award's batch.
        await Interactive.ClickUntilAsync(page, "[data-testid=run]", "[data-testid=run-summary]");
        (await page.TextContentAsync("[data-testid=run-summary]"))!.ShouldContain("新发现 4 家");
        (await page.Locator("[data-testid=entitlement-table] tbody tr").CountAsync()).ShouldBe(4);

        // Each row keeps how the rules decided when it was found.
        await page.Locator("[data-testid=toggle-explanation]").First.ClickAsync();
        (await page.TextContentAsync("[data-testid=explanation]"))!.ShouldContain("示例政策 第二条（二）");

        await page.Locator("[data-testid=step-confirm]").First.ClickAsync();
        await page.ClickAsync("[data-testid=action-submit]");
        await page.WaitForSelectorAsync("[data-testid=entitlement-status] >> text=已确认");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "41-policy-entitled.png"), FullPage = true });

        await page.GotoAsync(baseUrl + "/cultivation/policies/new");
        await page.WaitForSelectorAsync("[data-testid=row-value]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "42-policy-new.png"), FullPage = true });
    }
}
