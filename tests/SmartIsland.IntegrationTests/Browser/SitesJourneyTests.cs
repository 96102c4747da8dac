using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Investment.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class SitesBrowserFactory : BrowserFactory;

/// <summary>
/// A park clerk marks an idle plant as let (已盘活), fixes a park's leading industries after a refused code, finds both kept
/// after a reload, then follows a landed project's 代办任务 link to that project's agency tasks.
/// </summary>
public sealed class SitesJourneyTests(SitesBrowserFactory factory) : IClassFixture<SitesBrowserFactory>, IAsyncLifetime
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

    /// <summary>The demo's landed lead 平顶山鑫生科技 as the source of a project (it landed before the platform, so it was never converted here).</summary>
    private async Task<Project> LandedProjectAsync()
    {
        var (_, parkId) = await CaseSteps.AccountAsync(factory.Services, "park");
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.InProduction, parkId, name: "智能配电终端生产项目");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead = await db.Set<Lead>().IgnoreQueryFilters().SingleAsync(l => l.InvestorName == "平顶山鑫生科技有限公司", TestContext.Current.CancellationToken);
        var row = await db.Set<Project>().IgnoreQueryFilters().SingleAsync(p => p.Id == project.Id, TestContext.Current.CancellationToken);
        db.UseZone(lead.ZoneId);
        lead.ProjectId = project.Id;
        lead.ProjectCode = project.Code;
        row.SourceLeadId = lead.Id;
        db.AuditReason = "test arrangement: a landed lead's project";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return project;
    }

    [Fact]
    public async Task A_park_clerk_lets_a_site_sets_a_park_s_industries_and_opens_a_project_s_agency_tasks()
    {
        var project = await LandedProjectAsync();
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(factory.BaseUrl + "/investment/sites");
        await page.FillAsync("#userName", "park");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/investment/sites");
        await page.WaitForSelectorAsync("[data-testid=site-table]");

        const string Site = "原机加工车间（退租）";
        ILocator SiteRow() => page.Locator("[data-testid=site-table] tbody tr", new PageLocatorOptions { HasText = Site });
        (await SiteRow().Locator("[data-testid=site-status]").InnerTextAsync()).ShouldBe("可招商");
        await Interactive.ClickUntilAsync(page, SiteRow().Locator("[data-testid=site-edit]"), $"[data-testid=site-form-title]:has-text('{Site}')");
        await page.ClickAsync("[data-testid=site-form] >> text=已盘活");
        await page.ClickAsync("[data-testid=site-save]");
        await page.Locator("[data-testid=site-form-title]", new PageLocatorOptions { HasText = Site }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        var torch = page.Locator("[data-testid=park-row]", new PageLocatorOptions { HasText = "高新火炬园" });
        var divisions = torch.Locator("[data-testid=park-divisions]");
        await divisions.FillAsync("M73, M74, I65, R88, A39");
        await divisions.PressAsync("Tab");
        await torch.Locator("[data-testid=park-save]").ClickAsync();
        await torch.Locator("text=A39").Last.WaitForAsync(); // the refused code, named under the field
        (await torch.InnerTextAsync()).ShouldContain("GB/T 4754");
        await divisions.FillAsync("M73, M74, I65, R88, C39");
        await divisions.PressAsync("Tab");
        await torch.Locator("[data-testid=park-save]").ClickAsync();
        await torch.Locator("[data-testid=park-saved]").WaitForAsync();

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=site-table]");
        (await SiteRow().Locator("[data-testid=site-status]").InnerTextAsync()).ShouldBe("已盘活");
        (await page.Locator("[data-testid=park-row]", new PageLocatorOptions { HasText = "高新火炬园" }).Locator("[data-testid=park-divisions]").InputValueAsync())
            .ShouldBe("M73, M74, I65, R88, C39");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "82-investment-sites.png"), FullPage = true });

        await page.GotoAsync(factory.BaseUrl + $"/projects/{project.Code}");
        // The link itself, then where it leads (a click can land while the circuit re-renders the page).
        (await page.GetAttributeAsync("[data-testid=agency-tasks-link]", "href")).ShouldBe($"/investment/tasks?project={project.Id}");
        await page.GotoAsync(factory.BaseUrl + $"/investment/tasks?project={project.Id}");
        await page.WaitForSelectorAsync("[data-testid=task-title]");
        var titles = await page.Locator("[data-testid=task-title]").AllInnerTextsAsync();
        titles.Order(StringComparer.Ordinal).ShouldBe(new[] { "企业开办", "项目备案", "施工许可" }.Order(StringComparer.Ordinal));
        (await page.Locator("[data-testid=task-project]").AllInnerTextsAsync()).ShouldAllBe(code => code == project.Code);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "83-investment-tasks.png"), FullPage = true });
    }
}
