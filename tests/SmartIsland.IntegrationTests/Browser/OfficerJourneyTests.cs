using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>The officer journey on a clock inside the loaded calendar, so "today" is 2026-11-25 (+08:00).</summary>
public sealed class OfficerBrowserFactory : BrowserFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

public sealed class OfficerJourneyTests(OfficerBrowserFactory factory) : IClassFixture<OfficerBrowserFactory>, IAsyncLifetime
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

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    private static ILocator Input(IPage page, string testId, string element = "input") =>
        page.Locator($"{element}[data-testid={testId}], [data-testid={testId}] {element}").First;

    private static bool Overflows(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1").GetAwaiter().GetResult();

    [Fact]
    public async Task The_officer_on_a_phone_opens_their_list_and_records_a_visit_whose_request_becomes_a_case()
    {
        var photo = Path.Combine(Artifacts, "visit-photo.png");
        await File.WriteAllBytesAsync(photo, Support.TestImages.Png(160, 120), TestContext.Current.CancellationToken);

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=%2Fcultivation%2Fofficers");
        await page.FillAsync("#userName", "cso");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/cultivation/officers");
        await page.WaitForSelectorAsync("[data-testid=served-link]");
        (await page.TextContentAsync("[data-testid=served-total]"))!.ShouldNotContain("共 0 条");
        Overflows(page).ShouldBeFalse();
        await ShotAsync(page, "40-officer-list");

        var enterprise = (await page.Locator("[data-testid=served-link]").First.TextContentAsync())!.Trim();
        await page.Locator("[data-testid=served-link]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=visit-save]");
        (await page.TextContentAsync("[data-testid=service-enterprise]"))!.Trim().ShouldBe(enterprise);
        (await page.TextContentAsync("[data-testid=officer-card-name]"))!.Trim().ShouldBe("孙立平");
        // The enterprise's per-mu grade card sits under its officer for staff, as on the enterprise's own portal.
        (await page.TextContentAsync("[data-testid=perf-card]"))!.ShouldContain("亩均效益");
        await page.WaitForTimeoutAsync(1000); // the form is interactive once the circuit is up

        await Input(page, "visit-notes", "textarea").FillAsync("走访了解企业扩产计划，建议明年申报高新技术企业。");
        await page.ClickAsync("[data-testid=visit-add-request]");
        await Input(page, "visit-request", "textarea").FillAsync("企业反映园区道路夜间照明不足");
        await Input(page, "visit-request", "textarea").PressAsync("Tab");
        await page.SetInputFilesAsync("[data-testid=visit-photos]", photo);
        await page.WaitForSelectorAsync("text=已选择 1 张");
        await ShotAsync(page, "41-officer-visit-form");
        await page.ClickAsync("[data-testid=visit-save]");

        await page.WaitForSelectorAsync("[data-testid=visit-request-case]");
        (await page.Locator("[data-testid=visit-row]").CountAsync()).ShouldBe(1);
        (await page.TextContentAsync("[data-testid=visit-row]"))!.ShouldContain("2026-11-25");
        (await page.TextContentAsync("[data-testid=visit-request-case]"))!.Trim().ShouldStartWith("SI261125");
        (await page.Locator("[data-testid=visit-photo]").CountAsync()).ShouldBe(1);
        (await page.TextContentAsync("[data-testid=officer-card-last-visit]"))!.ShouldContain("2026-11-25");
        Overflows(page).ShouldBeFalse();
        await ShotAsync(page, "42-officer-visit-recorded");
    }
}
