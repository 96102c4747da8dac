using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;
using static SmartIsland.IntegrationTests.Support.CaseSteps;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>Quartz off and a movable clock: the test runs the sweep that fills the inbox.</summary>
public sealed class InboxBrowserFactory : BrowserFactory, ISchedulerHost
{
    protected override DateTimeOffset? ClockStart => SchedulerHostExtensions.Start;
    public ShiftedClock Clock => (ShiftedClock)Services.GetRequiredService<TimeProvider>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SchedulerHostExtensions.ConfigureScheduler(builder, null);
    }
}

public sealed class InboxJourneyTests(InboxBrowserFactory factory) : IClassFixture<InboxBrowserFactory>, IAsyncLifetime
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

    /// <summary>On Kestrel the factory's in-memory client does not reach the server: a plain client with a bearer token.</summary>
    private static async Task<HttpClient> ApiClientAsync(string baseUrl, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "Demo@2026" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_handler_finds_the_reminder_and_the_supervision_in_the_inbox_marks_one_read_and_opens_the_case()
    {
        var baseUrl = factory.BaseUrl; // starts Kestrel, which the API client below talks to as well
        factory.Clock.Set(At("2026-12-02 10:00"));
        var (deptId, deptUnit) = await AccountAsync(factory.Services, "dept");
        using var api = await ApiClientAsync(baseUrl, "dept");
        var c = await SubmitAsync(api, CasePriority.Emergency);
        await ActAsync(api, c.Id, CaseAction.Accept);
        await ActAsync(api, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = deptId, AssignToUnitId = deptUnit });
        factory.Clock.Set(At("2026-12-03 11:45"));
        await factory.SweepAsync(); // the reminder, to the handler
        factory.Clock.Set(At("2026-12-03 17:45"));
        await factory.SweepAsync(); // 督办, to the handler's unit

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString("/cases/inbox"));
        await page.FillAsync("#userName", "dept");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/cases/inbox");
        await page.WaitForSelectorAsync("[data-testid=inbox-case-link]");

        (await page.Locator("[data-testid=inbox-case-link]").AllTextContentsAsync()).ShouldBe([c.TrackingCode, c.TrackingCode]);
        (await page.Locator("[data-testid=inbox-supervised]").CountAsync()).ShouldBe(2); // the case is under 督办
        var kinds = await page.Locator("[data-testid=inbox-kind]").AllTextContentsAsync();
        kinds.ShouldBe(["第 1 级督办", "到期提醒"], ignoreOrder: true);
        (await page.TextContentAsync("[data-testid=inbox-count]"))!.ShouldContain("未读 2 条");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "30-inbox.png"), FullPage = true });

        // A click before the circuit is up does nothing: click again only while nothing was marked.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if ((await page.TextContentAsync("[data-testid=inbox-count]"))!.Contains("未读 1 条")) break;
            await page.Locator("[data-testid=inbox-mark-read]").First.ClickAsync();
            try
            {
                await page.WaitForSelectorAsync("text=未读 1 条", new PageWaitForSelectorOptions { Timeout = 1000 });
            }
            catch (TimeoutException)
            {
                // not interactive yet
            }
        }
        (await page.TextContentAsync("[data-testid=inbox-count]"))!.ShouldContain("未读 1 条");
        (await page.Locator("[data-testid=inbox-mark-read]").CountAsync()).ShouldBe(1);

        await page.Locator("[data-testid=inbox-case-link]").First.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{c.Id}");
        await page.WaitForSelectorAsync("[data-testid=case-code]");
        (await page.TextContentAsync("[data-testid=case-code]")).ShouldBe(c.TrackingCode);
    }
}
