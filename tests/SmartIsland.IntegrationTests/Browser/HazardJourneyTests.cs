using Microsoft.Playwright;
using Shouldly;
using SkiaSharp;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>The hazard journey on a clock inside the loaded calendar (deadlines are computed when recorded).</summary>
public sealed class HazardBrowserFactory : BrowserFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

public sealed class HazardJourneyTests(HazardBrowserFactory factory) : IClassFixture<HazardBrowserFactory>, IAsyncLifetime
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
    public async Task A_grid_worker_on_a_phone_opens_a_round_records_hazards_of_both_kinds_and_reads_the_summary()
    {
        var photo = Path.Combine(Artifacts, "hazard-before.png");
        using (var bitmap = new SKBitmap(120, 90))
        {
            bitmap.Erase(SKColors.OrangeRed);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(photo, data.ToArray(), TestContext.Current.CancellationToken);
        }

        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=%2Fhazards%2Frounds%2Fnew");
        await page.FillAsync("#userName", "grid");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/hazards/rounds/new");

        await page.WaitForSelectorAsync("[data-testid=round-save]");
        await page.WaitForTimeoutAsync(1000); // the form is interactive once the circuit is up
        await Input(page, "round-place").FillAsync("遵化店镇蒲楼村建筑工地");
        await Input(page, "round-place").PressAsync("Tab");
        await ShotAsync(page, "20-hazard-round-new");
        await Interactive.ClickUntilAsync(page, page.Locator("[data-testid=round-save]"), "[data-testid=round-summary]");
        (await page.TextContentAsync("[data-testid=round-place]")).ShouldBe("遵化店镇蒲楼村建筑工地");
        (await page.TextContentAsync("[data-testid=round-summary]"))!.ShouldContain("发现隐患0条");

        await page.ClickAsync("[data-testid=record-hazard]");
        await page.WaitForSelectorAsync("[data-testid=hazard-save]");
        await page.WaitForTimeoutAsync(1000);

        // A hazard fixed on the spot, with a photo before.
        await Input(page, "hazard-description", "textarea").FillAsync("工人宿舍电线私拉乱扯");
        await Interactive.ClickUntilAsync(page, page.Locator("[data-testid=hazard-category]"), "text=用电安全");
        await page.GetByText("用电安全").Last.ClickAsync();
        await page.GetByText("一般隐患", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.GetByText("立行立改", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await Input(page, "hazard-measure", "textarea").FillAsync("当场拆除私拉电线");
        await page.SetInputFilesAsync("[data-testid=before-photos]", photo);
        await page.WaitForSelectorAsync("text=已选 1 张");
        await ShotAsync(page, "21-hazard-record-fixed");
        await page.ClickAsync("[data-testid=hazard-save]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=record-round]').textContent.includes('发现隐患1条')");

        // A hazard to be rectified by a deadline: what is to be done and who answers for it.
        await Input(page, "hazard-description", "textarea").FillAsync("消防通道堆放建材");
        await page.GetByText("限期整改", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await Input(page, "hazard-measure", "textarea").FillAsync("清理通道，设置禁止堆放标识");
        await Input(page, "hazard-responsible").FillAsync("项目安全员 孙工");
        await Input(page, "hazard-responsible").PressAsync("Tab");
        await page.ClickAsync("[data-testid=hazard-save]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=record-round]').textContent.includes('发现隐患2条')");
        Overflows(page).ShouldBeFalse();
        await ShotAsync(page, "22-hazard-record-deadline");

        await page.GetByText("返回").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=round-summary]");
        (await page.TextContentAsync("[data-testid=round-summary]")).ShouldBe("发现隐患2条，立行立改1条，限期整改1条，已销号1条，超期0条");
        (await page.Locator("[data-testid=round-hazards] [data-testid=hazard-link]").CountAsync()).ShouldBe(2);
        Overflows(page).ShouldBeFalse();
        await ShotAsync(page, "23-hazard-round-summary");

        await page.GetByText("消防通道堆放建材").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=hazard-timeline]");
        (await page.TextContentAsync("[data-testid=hazard-status]"))!.ShouldContain("整改中");
        (await page.TextContentAsync("[data-testid=hazard-deadline]"))!.ShouldContain("2026-12-02"); // the type's 5 working days
        await ShotAsync(page, "24-hazard-detail");

        // At the desk of the park staff: the ledger lists both, filtered and exportable.
        var desk = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        desk.SetDefaultTimeout(20_000);
        await desk.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=%2Fhazards");
        await desk.FillAsync("#userName", "park");
        await desk.FillAsync("#password", "Demo@2026");
        await desk.ClickAsync("[data-testid=login-submit]");
        await desk.WaitForSelectorAsync("[data-testid=hazard-link]");
        (await desk.Locator("[data-testid=hazard-link]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await desk.GetAttributeAsync("[data-testid=export]", "href"))!.ShouldStartWith("/api/hazards/export");
        await ShotAsync(desk, "25-hazard-ledger");
        (await desk.Locator("[data-testid=nav-hazards]").GetAttributeAsync("href")).ShouldBe("/hazards");
        (await desk.Locator("[data-testid=nav-hazard-rounds]").GetAttributeAsync("href")).ShouldBe("/hazards/rounds");

        // The responsible unit reports it rectified with a photo after; the inspector verifies and closes it out.
        var hazardUrl = page.Url;
        await desk.GotoAsync(hazardUrl);
        await desk.WaitForSelectorAsync("[data-testid=act-Resolve]");
        await desk.WaitForTimeoutAsync(1000);
        await Interactive.ClickUntilAsync(desk, desk.Locator("[data-testid=act-Resolve]"), "[data-testid=photos-error]"); // no photo yet: refused, said under the field
        await desk.SetInputFilesAsync("[data-testid=resolve-photos]", photo);
        await desk.WaitForSelectorAsync("text=已选 1 张");
        await desk.ClickAsync("[data-testid=act-Resolve]");
        await desk.WaitForSelectorAsync("[data-testid=photos-After] img");
        (await desk.TextContentAsync("[data-testid=hazard-status]"))!.ShouldContain("已整改待核查");
        (await desk.Locator("[data-testid=act-Verify]").CountAsync()).ShouldBe(0); // the unit does not verify its own work

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=act-Verify]");
        await page.WaitForTimeoutAsync(1000);
        await Interactive.ClickUntilAsync(page, page.Locator("[data-testid=act-Verify]"), "[data-testid=act-Close]");
        await page.ClickAsync("[data-testid=act-Close]");
        await page.WaitForSelectorAsync("[data-testid=hazard-closed-out]");
        (await page.TextContentAsync("[data-testid=hazard-status]"))!.ShouldContain("已销号");
        (await page.Locator("[data-testid=hazard-timeline] .mud-timeline-item").CountAsync()).ShouldBe(4); // recorded, rectified, verified, closed out
        Overflows(page).ShouldBeFalse();
        await ShotAsync(page, "26-hazard-closed-out");
    }
}
