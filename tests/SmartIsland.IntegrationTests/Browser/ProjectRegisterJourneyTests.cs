using Microsoft.Playwright;
using Shouldly;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class ProjectRegisterBrowserFactory : BrowserFactory;

/// <summary>
/// The park clerk on a phone-sized screen finds a project of its park in the register, opens it (milestones with planned
/// and actual days), picks its owner from the enterprise registry, then the 三个一批 page shows the year's started figure
/// against its target.
/// </summary>
public sealed class ProjectRegisterJourneyTests(ProjectRegisterBrowserFactory factory) : IClassFixture<ProjectRegisterBrowserFactory>, IAsyncLifetime
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
    public async Task A_park_clerk_on_a_phone_finds_a_project_and_its_milestones_and_the_three_batches_page_shows_the_year()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(baseUrl + "/projects");
        await page.FillAsync("#userName", "park");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/projects");
        try { await page.WaitForSelectorAsync("[data-testid=project-link]"); }
        catch (TimeoutException) { throw new InvalidOperationException(page.Url + " :: " + await page.InnerTextAsync("body")); }
        (await page.InnerTextAsync("[data-testid=project-total]")).ShouldContain("40");

        // Typing before the circuit is interactive is lost: type until the list narrows to the one project.
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[data-testid=project-search], [data-testid=project-search] input").First.FillAsync("永邦");
            try
            {
                await page.WaitForSelectorAsync("[data-testid=project-total] >> text=共 1 个项目", new PageWaitForSelectorOptions { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 10)
            {
                // not interactive yet
            }
        }
        await page.ClickAsync("[data-testid=project-link]");
        await page.WaitForURLAsync("**/projects/XM2024-*");
        (await page.InnerTextAsync("[data-testid=project-name]")).ShouldBe("浙江永邦电力中压变压器成套研发生产项目");
        await page.Locator("[data-testid=edit]").WaitForAsync(); // its park's project: the clerk may keep it
        await Interactive.ClickUntilAsync(page, page.GetByRole(AriaRole.Tab, new() { Name = "节点" }), "[data-testid=save-milestones]");
        // The clerk edits its park's milestones in place: the names are in the fields.
        var names = await page.Locator("[data-testid=milestones] input[type=text]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        names.ShouldContain("竣工验收");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "project-detail-phone.png"), FullPage = true });

        var code = new Uri(page.Url).AbsolutePath.Split('/').Last();

        // The owner is picked from the zone's enterprise registry: the project is then linked to that enterprise, not only named.
        await page.GotoAsync(baseUrl + $"/projects/{code}/edit");
        await page.WaitForSelectorAsync("[data-testid=save]");
        var owner = page.Locator("input[data-testid=field-owner-enterprise], [data-testid=field-owner-enterprise] input").First;
        var choice = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "平顶山凤翔环保科技有限公司" }).First;
        for (var attempt = 1; ; attempt++)
        {
            await owner.FillAsync("");
            await owner.PressSequentiallyAsync("凤翔");
            try
            {
                await choice.WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 10)
            {
                // not interactive yet
            }
        }
        await choice.ClickAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=field-owner-name] input, input[data-testid=field-owner-name]'); return i && i.value === '平顶山凤翔环保科技有限公司' && i.disabled; }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "project-owner-picker-phone.png"), FullPage = true });
        await page.ClickAsync("[data-testid=save]");
        await page.WaitForURLAsync($"**/projects/{code}");
        var linked = await page.EvaluateAsync<string>($"async () => (await (await fetch('/api/projects/{code}')).json()).ownerEnterpriseId");
        var registry = await page.EvaluateAsync<string>($"async () => (await (await fetch('/api/projects/owners?search=' + encodeURIComponent('凤翔'))).json()).find(o => o.name === '平顶山凤翔环保科技有限公司').id");
        linked.ShouldBe(registry);

        await page.GotoAsync(baseUrl + "/projects/three-batches");
        await page.WaitForSelectorAsync("[data-testid=card-started]");
        var started = await page.InnerTextAsync("[data-testid=card-started]");
        started.ShouldContain("11");
        started.ShouldContain("目标 11");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "three-batches-phone.png"), FullPage = true });
    }
}
