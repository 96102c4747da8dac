using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class PolicyBrowserFactory : BrowserFactory;

/// <summary>Department staff open the illustrative 高企 award, find the entitled enterprises (免申即享), confirm and notify one; the enterprise acknowledges on its portal.</summary>
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
    public async Task Staff_find_the_entitled_enterprises_confirm_and_notify_one_and_the_enterprise_acknowledges()
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

        // 凤翔 (the demo enterprise account's own) is one of the four: confirm it and tell it.
        var own = page.Locator("[data-testid=entitlement-table] tbody tr", new PageLocatorOptions { HasText = "凤翔" });
        await own.Locator("[data-testid=step-confirm]").ClickAsync();
        await page.ClickAsync("[data-testid=action-submit]");
        await own.Locator("[data-testid=entitlement-status] >> text=已确认").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "41-policy-entitled.png"), FullPage = true });
        await own.Locator("[data-testid=step-notify]").ClickAsync();
        await page.ClickAsync("[data-testid=action-submit]");
        await own.Locator("[data-testid=entitlement-ack] >> text=企业未阅").WaitForAsync();

        // The enterprise sees the notice on its portal, with a count on its link, until it answers 知道了.
        await using var enterpriseContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var portal = await enterpriseContext.NewPageAsync();
        portal.SetDefaultTimeout(20_000);
        await portal.GotoAsync(baseUrl + "/my-enterprise");
        await portal.FillAsync("#userName", "enterprise");
        await portal.FillAsync("#password", "Demo@2026");
        await portal.ClickAsync("[data-testid=login-submit]");
        await portal.WaitForURLAsync("**/my-enterprise");
        var notice = portal.Locator("[data-testid=policy-notice]", new PageLocatorOptions { HasText = "新认定高新技术企业奖励" });
        await notice.WaitForAsync();
        (await notice.TextContentAsync())!.ShouldContain("10万元");
        (await portal.TextContentAsync("[data-testid=nav-notice-count]"))!.Trim().ShouldBe("1");
        await portal.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "43-portal-notice.png") });
        await Interactive.ClickUntilAsync(portal, notice.Locator("[data-testid=notice-acknowledge]"), "[data-testid=card-notice-read]");
        (await portal.Locator("[data-testid=nav-notice-count]").CountAsync()).ShouldBe(0);
        await portal.ReloadAsync();
        await portal.WaitForSelectorAsync("[data-testid=card-notice-read]");
        (await portal.Locator("[data-testid=policy-notice]").CountAsync()).ShouldBe(0);

        // Back on the policy: staff see that the enterprise has read it.
        await page.ReloadAsync();
        await own.Locator("[data-testid=entitlement-ack] >> text=企业已阅").WaitForAsync();

        await page.GotoAsync(baseUrl + "/cultivation/policies/new");
        await page.WaitForSelectorAsync("[data-testid=row-value]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "42-policy-new.png"), FullPage = true });
    }
}
