using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class CatalogueBrowserFactory : BrowserFactory;

/// <summary>An administrator reads the catalogue's bundle figure, opens an item's editor and a bundle's merged list.</summary>
public sealed class CatalogueBrowserTests(CatalogueBrowserFactory factory) : IClassFixture<CatalogueBrowserFactory>, IAsyncLifetime
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
    public async Task Staff_read_the_bundle_figure_open_an_item_and_a_bundles_merged_list()
    {
        var baseUrl = factory.BaseUrl;
        // On a real Kestrel port the in-memory client is not there: ask the same server over HTTP.
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Demo@2026" }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var figures = (await api.GetFromJsonAsync<CatalogueFigures>("/api/catalogue/figures", CatalogueDocument.Json, TestContext.Current.CancellationToken))!;
        var bundles = (await api.GetFromJsonAsync<List<BundleListRow>>("/api/catalogue/bundles", CatalogueDocument.Json, TestContext.Current.CancellationToken))!;
        bundles.Count.ShouldBeGreaterThan(0, "the demo catalogue has bundles");

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(baseUrl + "/services/catalogue");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/services/catalogue");
        var percent = (figures.Reduction * 100m).ToString("0.0", CultureInfo.InvariantCulture);
        await page.WaitForSelectorAsync($"[data-testid=bundle-reduction] >> text={figures.Bundles} 个一件事，材料 {figures.Before} → {figures.After}，减少 {percent}%");
        await page.WaitForSelectorAsync($"[data-testid=catalogue-total] >> text=共 {figures.Items} 条");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "60-catalogue.png"), FullPage = true });

        var items = (await api.GetFromJsonAsync<ItemPage>("/api/catalogue/items?pageSize=200", CatalogueDocument.Json, TestContext.Current.CancellationToken))!;
        var item = items.Items.First(i => i.Materials > 0);
        await page.ClickAsync($"[data-testid=catalogue-table] >> text={item.Name}");
        await page.WaitForURLAsync("**/services/catalogue/items/" + Uri.EscapeDataString(item.Code));
        await page.WaitForSelectorAsync("[data-testid=materials-table] tbody tr");
        (await page.Locator("[data-testid=materials-table] tbody tr").CountAsync()).ShouldBe(item.Materials);
        await page.WaitForSelectorAsync("[data-testid=save]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "61-catalogue-item.png"), FullPage = true });

        var bundle = bundles[0];
        await page.GotoAsync(baseUrl + "/services/catalogue/bundles/" + Uri.EscapeDataString(bundle.Code));
        await page.WaitForSelectorAsync($"[data-testid=bundle-before] >> text={bundle.Before}");
        (await page.TextContentAsync("[data-testid=bundle-after]"))!.Trim().ShouldBe(bundle.After.ToString(CultureInfo.InvariantCulture));
        (await page.Locator("[data-testid=merged-table] tbody tr").CountAsync()).ShouldBe(bundle.After);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "62-catalogue-bundle.png"), FullPage = true });
    }
}
