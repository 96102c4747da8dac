using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Licences.Domain;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

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
        await page.WaitForSelectorAsync("[data-testid=verify-outcome] >> text=编号无效");
        (await page.TextContentAsync("[data-testid=verify-number]"))!.ShouldBe(changed);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "61-verify-invalid-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Department_staff_find_a_certificate_by_holder_and_revoke_it_with_a_reason()
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        IssuedLicence issued;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, Roles.DepartmentStaff), new Claim(PlatformClaims.ZoneId, zone.ToString())], "test")));
            issued = await scope.ServiceProvider.GetRequiredService<ILicenceRegistry>().IssueAsync(new LicenceIssue(
                "outdoor-promotion-permit", EnterpriseSeeds.NewCreditCode(), "平顶山浏览器测试促销有限公司", DateOnly.FromDateTime(DateTime.UtcNow), null,
                [KeyValuePair.Create("活动地点", "高新路东段")], "BJ-BROWSER"), TestContext.Current.CancellationToken);
        }

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/licences");
        await page.FillAsync("#userName", "dept");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/licences");
        await page.WaitForSelectorAsync("[data-testid=licence-table] >> text=营业执照");
        await page.Locator("input[data-testid=licence-search], [data-testid=licence-search] input").First.FillAsync("浏览器测试促销");
        // The search is debounced: wait until the table holds the one match (the new certificate also tops the unfiltered list).
        await page.WaitForFunctionAsync("document.querySelectorAll('[data-testid=licence-table] tbody tr').length === 1");
        (await page.TextContentAsync("[data-testid=licence-table] tbody tr"))!.ShouldContain(issued.Number);
        await page.ClickAsync("[data-testid=revoke]");
        await page.Locator("textarea[data-testid=revoke-reason], [data-testid=revoke-reason] textarea").First.FillAsync("活动取消");
        await page.ClickAsync("[data-testid=revoke-submit]");
        await page.WaitForSelectorAsync("[data-testid=licence-state] >> text=已撤销");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "62-licences-staff.png"), FullPage = true });

        await page.GotoAsync(factory.BaseUrl + issued.VerifyPath);
        (await page.TextContentAsync("[data-testid=verify-outcome]"))!.ShouldContain("已撤销");
        (await page.TextContentAsync("[data-testid=verify-revoked-reason]"))!.ShouldContain("活动取消");
    }
}
