using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;

namespace SmartIsland.IntegrationTests.Browser;

public sealed class MetricsBrowserFactory : BrowserFactory;

/// <summary>A leader opens the metrics page (ranking, chart drawn by the app's own ECharts) and the overdue report.</summary>
public sealed class MetricsBrowserTests(MetricsBrowserFactory factory) : IClassFixture<MetricsBrowserFactory>, IAsyncLifetime
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

    /// <summary>An API client on the real port (the factory's in-memory client does not reach Kestrel).</summary>
    private static async Task<HttpClient> ClientAsync(string baseUrl, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "Demo@2026" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_leader_sees_the_ranking_and_its_chart_and_the_overdue_report()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseUrl = factory.BaseUrl;
        using var citizen = await ClientAsync(baseUrl, "citizen");
        using var dept = await ClientAsync(baseUrl, "dept");
        for (var i = 0; i < 3; i++)
        {
            var created = await (await citizen.PostAsJsonAsync("/api/cases", new CaseSubmission { TypeCode = "request", Category = "street-light", Description = "路灯不亮 " + i, Address = "高新区" }, ct))
                .Content.ReadFromJsonAsync<CaseView>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }, ct);
            (await dept.PostAsJsonAsync($"/api/cases/{created!.Id}/actions/{CaseAction.Accept}", new CaseActionRequest(), ct)).EnsureSuccessStatusCode();
        }

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        var offMachine = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(baseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal) && !r.Url.StartsWith("blob:", StringComparison.Ordinal)) offMachine.Add(r.Url);
        };
        await page.GotoAsync(baseUrl + "/cases/metrics");
        await page.FillAsync("#userName", "leader");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/cases/metrics");

        // The three cases wait with the department their category routes to (城市管理和综合执法局).
        await page.WaitForSelectorAsync("[data-testid=ranking] [data-testid=unit]");
        (await page.Locator("[data-testid=ranking] tbody tr").First.TextContentAsync())!.ShouldContain("城市管理和综合执法局");
        await page.WaitForSelectorAsync("[data-testid=metrics-chart] canvas");
        (await page.TextContentAsync("[data-testid=zone-figures]"))!.ShouldContain("3");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "30-case-metrics.png"), FullPage = true });

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "园区" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=ranking] >> text=高新火炬园");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "31-case-metrics-parks.png"), FullPage = true });

        await page.GotoAsync(baseUrl + "/cases/overdue-report");
        await page.WaitForSelectorAsync("[data-testid=overdue-total]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "32-overdue-report.png"), FullPage = true });
        offMachine.ShouldBeEmpty();
    }
}
