using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>
/// Issue 4's journeys in Chromium: a staff member opens an enterprise and reads what it lacks for 高新技术企业;
/// an enterprise user submits its figures, declares what only it can know, and sees its 科技型中小企业 result turn.
/// </summary>
public sealed class TierJourneyTests(BrowserFactory factory) : IClassFixture<BrowserFactory>, IAsyncLifetime
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

    private async Task<IPage> SignInAsync(string user, string returnUrl, int width = 1280, int height = 900)
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        return page;
    }

    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task Staff_open_an_enterprise_and_read_what_it_lacks_for_the_hnte_rd_ratio()
    {
        // R&D 40万 on sales of 1,000万 each year: 4% against 5%, so 30万 more over three years.
        var years = new[] { 2023, 2024, 2025 }.Select(y => EnterpriseSeeds.SmallTechYear(y, rd: 400_000)).ToList();
        var e = await EnterpriseSeeds.AddAsync(factory, "浏览器资格测试科技有限公司", years, EnterpriseSeeds.TechSmeFacts);
        var page = await SignInAsync("dept", $"/enterprises/{e.Id}");
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        await page.ClickAsync("[data-testid=tiers-link]");
        await page.WaitForSelectorAsync("[data-testid=tier-hnte]");
        // Not eligible (it holds no IP either): its panel starts folded; open it to read the gaps.
        await Interactive.ClickUntilAsync(page, "[data-testid=tier-hnte] .mud-expand-panel-header", "[data-testid=criterion-hnte-rdRatio]");
        var row = page.Locator("[data-testid=criterion-hnte-rdRatio]");
        (await row.InnerTextAsync()).ShouldContain("4.0%");
        (await row.Locator("[data-testid=gap]").InnerTextAsync()).ShouldContain("还需研发费用约 ¥30万");
        // 科技型: 30% tech staff (20) + R&D 4% of sales (30) + no IP (0) = 50 < 60.
        (await page.Locator("[data-testid=outcome-techSme]").GetAttributeAsync("data-outcome")).ShouldBe("NotEligible");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "40-staff-reads-tier-gaps.png"), FullPage = true });
    }

    [Fact]
    public async Task An_enterprise_user_submits_its_figures_declares_its_facts_and_sees_its_tier_change()
    {
        var page = await SignInAsync("enterprise", "/my-enterprise", 390, 844);
        var techSme = page.Locator("[data-testid=outcome-techSme]");
        await techSme.WaitForAsync();
        (await techSme.GetAttributeAsync("data-outcome")).ShouldNotBe("Eligible");

        // Its 2025 figures, in 万元: sales 1,000, total cost 800, R&D 60 (6% → 50 points), assets 2,000; 100 staff, 30 in tech (→ 20).
        // The button is a plain link to the enterprise's page: follow it as an address (no wait on interactivity).
        var figures = await page.GetAttributeAsync("[data-testid=portal-figures]", "href");
        figures.ShouldNotBeNull();
        await page.GotoAsync(factory.BaseUrl + figures);
        await page.WaitForSelectorAsync("[data-testid=indicators]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "41-enterprise-figures.png"), FullPage = true });
        // Years are listed newest first: 2025 is the first row.
        (await page.Locator("[data-testid=indicators]").InnerTextAsync()).ShouldContain("2025");
        // The first click can land before the page is interactive: click until the editor opens.
        for (var attempt = 0; attempt < 20 && await page.Locator("[data-testid=indicator-editor]").CountAsync() == 0; attempt++)
        {
            await page.Locator("[data-testid=edit-year]:visible").First.DispatchEventAsync("click");
            await page.WaitForTimeoutAsync(500);
        }
        await page.WaitForSelectorAsync("[data-testid=indicator-editor]");
        foreach (var (field, value) in new[]
        {
            ("revenue", "1000"), ("totalCost", "800"), ("rdExpense", "60"), ("domesticRdExpense", "60"), ("totalAssets", "2000"),
            ("totalLiabilities", "500"), ("employees", "100"), ("techStaff", "30"), ("rdStaff", "20"),
        })
        {
            await Input(page, "indicator-" + field).FillAsync(value);
        }
        await Input(page, "indicator-rdStaff").PressAsync("Tab");
        await page.ClickAsync("[data-testid=indicator-save]");
        await page.Locator("[data-testid=indicator-editor]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.Locator("[data-testid=submit-year]:visible").First.ClickAsync();
        await page.Locator("[data-testid=indicator-status]", new PageLocatorOptions { HasText = "已提交待审核" }).First.WaitForAsync();

        // Back on its own page the figures count, but what only it can know is still undeclared.
        await page.GotoAsync(factory.BaseUrl + "/my-enterprise");
        await techSme.WaitForAsync();
        (await techSme.GetAttributeAsync("data-outcome")).ShouldBe("NeedsConfirmation");
        foreach (var fact in new[] { "resident", "permittedIndustry", "techSme.cleanRecord" })
        {
            var line = page.Locator($"[data-testid='declare-{fact}']");
            // A click before the page turns interactive is lost: click until the answer shows as chosen.
            for (var attempt = 0; attempt < 20 && !await line.Locator("input[type=radio]").First.IsCheckedAsync(); attempt++)
            {
                await line.GetByText("是", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
                await page.WaitForTimeoutAsync(300);
            }
            await line.Locator("[data-testid=evidence] input, input[data-testid=evidence]").First.FillAsync("营业执照及信用中国查询截图（2026-11-25）");
        }
        await page.ClickAsync("[data-testid=save-facts]");
        await page.Locator("[data-testid=declare-message]").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "41-enterprise-facts-declared.png"), FullPage = true });
        (await page.Locator("[data-testid=declare-message]").InnerTextAsync()).ShouldContain("已保存 3 项申报");
        await page.Locator("[data-testid=outcome-techSme][data-outcome=Eligible]").WaitForAsync();
        // 30% tech staff (20) + R&D 6% of sales (50) + the demo's invention patents (30): within the size limits now.
        (await page.Locator("[data-testid=tier-techSme]").InnerTextAsync()).ShouldContain("100 分");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "41-enterprise-tier-changed.png"), FullPage = true });
        overflow.ShouldBeFalse();
    }
}
