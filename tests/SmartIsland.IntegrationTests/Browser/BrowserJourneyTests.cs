using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>The platform on a real Kestrel port, driven by Debian's Chromium (never a downloaded browser).</summary>
public sealed class BrowserFactory : PlatformFactory
{
    protected override string Provider => "Sqlite";
    protected override string ConnectionString => "";

    public BrowserFactory() => UseKestrel(0);

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        }
    }
}

public sealed class BrowserJourneyTests(BrowserFactory factory) : IClassFixture<BrowserFactory>, IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private static readonly string Artifacts = Environment.GetEnvironmentVariable("SMARTISLAND_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    /// <summary>The menu opens only once the page's interactive circuit is up: retry the click until it shows.</summary>
    private static async Task OpenUserMenuAsync(IPage page, string itemText)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.ClickAsync("[data-testid=user-menu-button]");
            try
            {
                await page.GetByText(itemText, new PageGetByTextOptions { Exact = true }).WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });
                return;
            }
            catch (TimeoutException)
            {
                // not interactive yet
            }
        }
        throw new TimeoutException($"the user menu did not open to show '{itemText}'");
    }

    [Fact]
    public async Task A_zone_leader_logs_in_filters_enterprises_opens_one_switches_to_English_and_logs_out()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(baseUrl + "/enterprises");
        page.Url.ShouldContain("/account/login");
        await page.FillAsync("#userName", "leader");
        await page.FillAsync("#password", "Demo@2026");
        await ShotAsync(page, "01-login");
        await page.ClickAsync("[data-testid=login-submit]");

        await page.WaitForURLAsync("**/enterprises");
        await page.WaitForSelectorAsync("[data-testid=enterprise-link]");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await page.TextContentAsync("[data-testid=zone-name]"))!.ShouldContain("平顶山高新区");
        var allRows = await page.Locator("[data-testid=enterprise-link]").CountAsync();
        allRows.ShouldBeGreaterThan(5);
        await ShotAsync(page, "02-enterprise-list");

        await page.Locator("input[data-testid=enterprise-search], [data-testid=enterprise-search] input").First.FillAsync("神马");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=enterprise-link]').length < n", allRows);
        var names = await page.Locator("[data-testid=enterprise-link]").AllTextContentsAsync();
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(n => n.Contains("神马"));
        await ShotAsync(page, "03-filtered");

        var chosen = names[0];
        await page.Locator("[data-testid=enterprise-link]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        (await page.TextContentAsync("[data-testid=enterprise-name]")).ShouldBe(chosen);
        await ShotAsync(page, "04-detail");

        await OpenUserMenuAsync(page, "English");
        await page.GetByText("English", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en-US'");
        await page.WaitForSelectorAsync("text=Qualifications");
        (await page.TextContentAsync("[data-testid=enterprise-name]")).ShouldBe(chosen);
        await ShotAsync(page, "05-english");

        await OpenUserMenuAsync(page, "Sign out");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/account/login**");
        await page.WaitForSelectorAsync("[data-testid=login-form]");
        await ShotAsync(page, "06-signed-out");

        await page.GotoAsync(baseUrl + "/enterprises");
        page.Url.ShouldContain("/account/login");
    }

    [Fact]
    public async Task The_enterprise_list_fits_a_phone_screen()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=%2Fenterprises");
        await page.FillAsync("#userName", "grid");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=enterprise-link]");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await ShotAsync(page, "07-phone-list");
        overflow.ShouldBeFalse();
    }
}
