using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>Applications on a clock inside the loaded calendar (deadlines are counted in working days on submit).</summary>
public sealed class ApplicationBrowserFactory : BrowserFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>
/// The demo enterprise applies on a phone for 门店开业一件事 (signboard + outdoor promotion): its name comes from the
/// registry, its business licence is proved by the e-licence, two files are uploaded and the deferrable ones promised.
/// 城管 staff approve both applications; the enterprise downloads the certificate and its verification page says valid.
/// </summary>
public sealed class ApplicationJourneyTests(ApplicationBrowserFactory factory) : IClassFixture<ApplicationBrowserFactory>, IAsyncLifetime
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

    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    private static ILocator Field(IPage page, string key) =>
        page.Locator($"input[data-testid=field-{key}], [data-testid=field-{key}] input").First;

    private static ILocator Material(IPage page, string code) => page.Locator($"[data-testid=material][data-code='{code}']");

    private static FilePayload Pdf(string name) => new()
    {
        Name = name, MimeType = "application/pdf",
        Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    };

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
    }

    /// <summary>What the enterprise registry holds for the demo enterprise account, read apart from the application pages.</summary>
    private async Task<EnterpriseIdentity> OwnEnterpriseAsync()
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        var enterpriseId = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "enterprise").Select(u => u.EnterpriseId).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(PlatformClaims.ZoneId, zone.ToString())], "test")));
        return (await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().IdentityAsync(enterpriseId, null))!;
    }

    [Fact]
    public async Task An_enterprise_applies_for_a_bundle_on_a_phone_staff_approve_and_it_downloads_the_verified_certificate()
    {
        var baseUrl = factory.BaseUrl;
        var own = await OwnEnterpriseAsync();

        // ---- The enterprise, on a phone ----
        var phoneContext = await browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var phone = await phoneContext.NewPageAsync();
        phone.SetDefaultTimeout(30_000);
        await phone.GotoAsync(baseUrl + "/guide/bundles/YJS-MDKY");
        await phone.ClickAsync("[data-testid=guide-bundle-apply]");
        await SignInAsync(phone, "enterprise");
        await phone.WaitForURLAsync("**/services/apply/bundle/YJS-MDKY");
        await phone.Locator("[data-testid=apply-submit]").WaitForAsync();

        (await phone.Locator("[data-testid=apply-item]").CountAsync()).ShouldBe(2);
        (await Field(phone, "enterpriseName").InputValueAsync()).ShouldBe(own.Name);
        (await phone.Locator("[data-testid=prefilled-enterpriseName]").IsVisibleAsync()).ShouldBeTrue();
        (await Field(phone, "creditCode").InputValueAsync()).ShouldBe(own.CreditCode);
        var licence = Material(phone, "M-BL");
        (await licence.Locator("[data-testid=material-exempt]").TextContentAsync())!.ShouldContain("免提交 · 已由电子证照");
        (await licence.Locator("input[type=file]").CountAsync()).ShouldBe(0);
        (await Material(phone, "M-SIGN-SAFE").Locator("[data-testid=material-deferrable]").TextContentAsync())!.ShouldContain("容缺");
        (await OverflowsAsync(phone)).ShouldBeFalse();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "70-apply-bundle-phone.png"), FullPage = true });

        // Submitting before anything is typed names the missing field and material (and proves the circuit is live).
        await Interactive.ClickUntilAsync(phone, "[data-testid=apply-submit]", "[data-testid=form-errors]");
        (await phone.Locator("[data-testid=form-errors]").TextContentAsync())!.ShouldContain("招牌面积");
        (await Material(phone, "M-SIGN-DESIGN").Locator("[data-testid=material-error]").TextContentAsync())!.ShouldContain("门头招牌设计效果图");

        foreach (var (key, value) in new[] { ("signArea", "6"), ("signProjection", "0.3"), ("eventName", "开业促销"), ("place", "本店门前广场"), ("startDate", "2026-12-01"), ("durationDays", "3"), ("area", "40") })
        {
            await Field(phone, key).FillAsync(value);
        }
        foreach (var key in new[] { "legalRepresentative", "address", "contactPhone" })
        {
            // The registry may not hold every value of a demo enterprise; the form asks for them all.
            if (string.IsNullOrEmpty(await Field(phone, key).InputValueAsync())) await Field(phone, key).FillAsync(key == "contactPhone" ? "13903751234" : "测试填写");
        }
        foreach (var (key, answer) in new[] { ("onOwnFacade", "是"), ("blocksTraffic", "否"), ("onMainRoad", "否") })
        {
            await phone.Locator($"[data-testid=field][data-key={key}]").GetByText(answer, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        }
        await Material(phone, "M-SIGN-DESIGN").Locator("input[type=file]").SetInputFilesAsync(Pdf("design.pdf"));
        await Material(phone, "M-SIGN-DESIGN").Locator("[data-testid=chosen-file]").WaitForAsync();
        await Material(phone, "M-PROMO-PLAN").Locator("input[type=file]").SetInputFilesAsync(Pdf("plan.pdf"));
        await Material(phone, "M-PROMO-PLAN").Locator("[data-testid=chosen-file]").WaitForAsync();
        await phone.ClickAsync("[data-testid=apply-submit]");

        await phone.WaitForURLAsync("**/services/applications/bundle/*");
        var members = phone.Locator("[data-testid=member-link]");
        await members.First.WaitForAsync();
        (await members.CountAsync()).ShouldBe(2);
        var numbers = new List<string>();
        for (var i = 0; i < 2; i++) numbers.Add((await members.Nth(i).TextContentAsync())!.Trim());
        (await phone.Locator("[data-testid=bundle-members] [data-testid=flag-deferred]").CountAsync()).ShouldBe(2);
        (await OverflowsAsync(phone)).ShouldBeFalse();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "71-bundle-submitted-phone.png"), FullPage = true });

        // ---- 城管 staff decide each application ----
        var desk = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        desk.SetDefaultTimeout(30_000);
        await desk.GotoAsync(baseUrl + "/services/applications/" + numbers[0]);
        await SignInAsync(desk, "dept");
        async Task OpenForDecisionAsync(string number)
        {
            if (!desk.Url.EndsWith(number, StringComparison.Ordinal)) await desk.GotoAsync(baseUrl + "/services/applications/" + number);
            await desk.Locator("[data-testid=decision-form]").WaitForAsync();
            (await desk.Locator("[data-testid=application-material][data-code='M-BL'] [data-testid=material-exempt]").CountAsync()).ShouldBe(1);
            // Deciding without choosing is refused under the choice — and shows the circuit is live.
            await Interactive.ClickUntilAsync(desk, "[data-testid=decision-submit]", "text=请选择准予或不予许可");
            await desk.Locator("[data-testid=decision-form]").GetByText("准予许可", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        }

        await OpenForDecisionAsync(numbers[0]);
        await desk.ClickAsync("[data-testid=decision-submit]");
        await desk.Locator("[data-testid=certificate-number]").WaitForAsync();
        (await desk.Locator("[data-testid=decision-form]").CountAsync()).ShouldBe(0);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "72-application-approved-desk.png"), FullPage = true });

        // The second is decided by an administrator while the page is open: the stale decision is refused (412) and says so.
        await OpenForDecisionAsync(numbers[1]);
        using (var admin = new HttpClient { BaseAddress = new Uri(baseUrl) })
        {
            var ct = TestContext.Current.CancellationToken;
            var token = await (await admin.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Demo@2026" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            (await admin.PostAsJsonAsync($"/api/services/applications/{numbers[1]}/decision", new { decision = "Approved" }, ct)).EnsureSuccessStatusCode();
        }
        await desk.ClickAsync("[data-testid=decision-submit]");
        (await desk.Locator("[data-testid=decision-stale]").TextContentAsync())!.ShouldContain("已被他人更新");
        await desk.ClickAsync("[data-testid=decision-reload]");
        await desk.Locator("[data-testid=certificate-number]").WaitForAsync();
        (await desk.Locator("[data-testid=decision-form]").CountAsync()).ShouldBe(0);

        // ---- The enterprise downloads its certificate and checks it ----
        await phone.GotoAsync(baseUrl + "/services/applications/" + numbers[0]);
        await phone.Locator("[data-testid=certificate-link]").WaitForAsync();
        (await phone.Locator("[data-testid=stage-chip]").First.TextContentAsync())!.ShouldContain("已办结");
        var certificate = (await phone.Locator("[data-testid=certificate-number]").TextContentAsync())!.Trim();
        var pdf = await phone.APIRequest.GetAsync(baseUrl + await phone.Locator("[data-testid=certificate-link]").GetAttributeAsync("href"));
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");
        System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]).ShouldBe("%PDF-");
        (await OverflowsAsync(phone)).ShouldBeFalse();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "73-application-completed-phone.png"), FullPage = true });

        var verifyPath = await phone.Locator("[data-testid=verify-link]").GetAttributeAsync("href");

        // Its own list holds both, completed.
        await phone.GotoAsync(baseUrl + "/services/applications");
        foreach (var number in numbers) await phone.Locator($"[data-testid=applications-table] tr:has([data-testid=application-link]:text-is('{number}')) [data-testid=stage-chip]:has-text('已办结')").WaitForAsync();
        (await OverflowsAsync(phone)).ShouldBeFalse();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "74-my-applications-phone.png"), FullPage = true });

        await phone.GotoAsync(baseUrl + verifyPath);
        (await phone.TextContentAsync("[data-testid=verify-number]"))!.ShouldBe(certificate);
        (await phone.TextContentAsync("[data-testid=verify-outcome]"))!.ShouldContain("有效");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "75-certificate-verified-phone.png"), FullPage = true });
    }
}
