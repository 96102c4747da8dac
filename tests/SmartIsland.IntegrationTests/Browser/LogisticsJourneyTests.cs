using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>The logistics journey on the demo's clock (2026-11-25 10:00 +08:00), before its "双12" demand.</summary>
public sealed class LogisticsBrowserFactory : BrowserFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>
/// Park staff on a phone list a vehicle for the demo's 高新智慧物流园 (a bad plate is named first, under its field), then
/// mark its "双12" demand met with a note; the status is kept after a reload.
/// </summary>
public sealed class LogisticsJourneyTests(LogisticsBrowserFactory factory) : IClassFixture<LogisticsBrowserFactory>, IAsyncLifetime
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

    [Fact]
    public async Task Park_staff_on_a_phone_add_a_vehicle_and_mark_the_double_twelve_demand_met()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString("/logistics"));
        await page.FillAsync("#userName", "park");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/logistics");
        await page.WaitForSelectorAsync("[data-testid=carriers]");

        await Interactive.ClickUntilAsync(page, page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "车辆库" }), "[data-testid=vehicle-add]");
        await Interactive.ClickUntilAsync(page, "[data-testid=vehicle-add]", "[data-testid=vehicle-form]");
        await page.Locator("[data-testid=vehicle-form] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "高新智慧物流园" }).ClickAsync();
        var plate = page.Locator("[data-testid=vehicle-plate] input, input[data-testid=vehicle-plate]").First;
        var load = page.Locator("[data-testid=vehicle-load] input, input[data-testid=vehicle-load]").First;
        await plate.FillAsync("豫12345");
        await load.FillAsync("4.5");
        await load.PressAsync("Tab");
        await page.ClickAsync("[data-testid=vehicle-save]");
        await page.Locator("[data-testid=vehicle-form] >> text=车牌号格式不正确").First.WaitForAsync();

        var number = "豫D" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "L";
        await plate.FillAsync(number);
        await plate.PressAsync("Tab");
        await page.ClickAsync("[data-testid=vehicle-save]");
        await page.Locator("[data-testid=vehicle-form]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var row = page.Locator("[data-testid=vehicles] tbody tr", new PageLocatorOptions { HasText = number });
        (await row.TextContentAsync())!.ShouldContain("高新智慧物流园");

        await Interactive.ClickUntilAsync(page, page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "运输需求清单" }), "[data-testid=demands]");
        var demand = page.Locator("[data-testid=demands] tbody tr", new PageLocatorOptions { HasText = "高新智慧物流园" });
        await demand.Locator("[data-testid=demand-met]").ClickAsync();
        await page.Locator("[data-testid=reason-input] input, input[data-testid=reason-input]").First.FillAsync("已协调园区内 6 辆新能源货车");
        await page.ClickAsync("[data-testid=reason-confirm]");
        await demand.Locator("[data-testid=demand-status]", new LocatorLocatorOptions { HasText = "已保障" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "93-logistics-demand-met.png"), FullPage = true });

        await page.ReloadAsync();
        await Interactive.ClickUntilAsync(page, page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "运输需求清单" }), "[data-testid=demands]");
        var kept = page.Locator("[data-testid=demands] tbody tr", new PageLocatorOptions { HasText = "高新智慧物流园" });
        (await kept.Locator("[data-testid=demand-status]").TextContentAsync())!.ShouldContain("已保障");
        (await kept.TextContentAsync())!.ShouldContain("已协调园区内 6 辆新能源货车");
    }
}
