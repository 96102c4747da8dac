using Microsoft.Playwright;
using Shouldly;
using SmartIsland.Licences.Domain;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class VerifyBrowserFactory : BrowserFactory;

/// <summary>Someone scans a certificate's QR code on a phone: the public page says whether it is genuine; a changed number is caught.</summary>
public sealed class VerifyJourneyTests(VerifyBrowserFactory factory) : IClassFixture<VerifyBrowserFactory>, IAsyncLifetime
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
    public async Task A_phone_opens_a_certificates_verification_page_and_a_changed_number_is_told_invalid()
    {
        // The demo zone's 门头设置许可 of 2026-06-18 (valid to 2029-06-17), issued by the platform.
        var number = LicenceNumber.Compose("410471", new DateOnly(2026, 6, 18), 1);
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/verify/" + number);
        (await page.TextContentAsync("[data-testid=verify-outcome]"))!.ShouldContain("有效");
        (await page.TextContentAsync("[data-testid=verify-type]"))!.ShouldContain("门头设置许可");
        (await page.TextContentAsync("[data-testid=verify-validity]"))!.ShouldContain("2029-06-17");
        // Nothing wider than the phone: no sideways scrolling.
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "60-verify-valid-phone.png"), FullPage = true });

        var changed = number[..18] + (number[18] == '9' ? '8' : (char)(number[18] + 1)) + number[19..];
        await page.FillAsync("#number", changed);
        await page.ClickAsync("[data-testid=verify-submit]");
        await page.WaitForURLAsync("**/verify/" + changed);
        (await page.TextContentAsync("[data-testid=verify-outcome]"))!.ShouldContain("编号无效");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "61-verify-invalid-phone.png"), FullPage = true });
    }
}
