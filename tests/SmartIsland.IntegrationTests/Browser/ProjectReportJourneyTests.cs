using Microsoft.Playwright;
using Shouldly;
using SkiaSharp;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Projects.Domain;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>The supervision journey on a clock inside the loaded calendar (Wednesday 2026-11-25 10:00, China time).</summary>
public sealed class ProjectReportBrowserFactory : BrowserFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

public sealed class ProjectReportJourneyTests(ProjectReportBrowserFactory factory) : IClassFixture<ProjectReportBrowserFactory>, IAsyncLifetime
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

    private static Task<bool> OverflowsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    private async Task<IPage> SignInAsync(string user, string returnUrl, int width, int height)
    {
        // A phone on site: it allows the page its position (平顶山高新区, roughly).
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Geolocation = new Geolocation { Latitude = 33.7351f, Longitude = 113.2402f }, Permissions = ["geolocation"],
        });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**" + returnUrl);
        return page;
    }

    [Fact]
    public async Task Site_staff_send_a_daily_report_with_a_photo_from_a_phone_and_a_leader_opens_the_lagging_list_and_the_weekly_pack()
    {
        var (_, parkId) = await CaseSteps.AccountAsync(factory.Services, "park");
        var project = await ProjectSeeds.AddAsync(factory, ProjectPhase.UnderConstruction, parkId, team: ["park"], name: "智能电网装备产业园二期",
            milestones: [("主体封顶", new DateOnly(2026, 11, 2), null), ("设备安装", new DateOnly(2026, 12, 3), null)], reportDays: [new DateOnly(2026, 11, 24)]);
        var photo = Path.Combine(Artifacts, "project-site.png");
        using (var bitmap = new SKBitmap(800, 600))
        {
            bitmap.Erase(SKColors.SteelBlue);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(photo, data.ToArray(), TestContext.Current.CancellationToken);
        }

        // On the site, on a phone.
        var phone = await SignInAsync("park", $"/projects/{project.Code}/reports", 390, 844);
        await phone.WaitForSelectorAsync("[data-testid=report-send]");
        await phone.WaitForTimeoutAsync(1000); // the form is interactive once the circuit is up
        (await phone.TextContentAsync("[data-testid=today-status]"))!.ShouldContain("未报送");
        await phone.Locator("[data-testid=report-text] textarea, textarea[data-testid=report-text]").First.FillAsync("二期主体结构施工至三层，现场作业人员 45 人");
        await phone.Locator("[data-testid=report-text] textarea, textarea[data-testid=report-text]").First.PressAsync("Tab");
        await phone.SetInputFilesAsync("[data-testid=report-photos]", photo);
        await phone.WaitForSelectorAsync("text=已选 1 张");
        await ShotAsync(phone, "60-project-report-form");
        await Interactive.ClickUntilAsync(phone, phone.Locator("[data-testid=report-locate]"), "[data-testid=report-position]");
        (await phone.TextContentAsync("[data-testid=report-position]"))!.ShouldContain("33.73510");
        await Interactive.ClickUntilAsync(phone, phone.Locator("[data-testid=report-send]"), "[data-testid=report-thumb]");
        // The report keeps where it was sent from.
        var latitude = await phone.EvaluateAsync<double>($"async () => (await (await fetch('/api/projects/{project.Code}/reports')).json()).days[0].reports[0].latitude");
        latitude.ShouldBe(33.7351, 0.0001);
        (await phone.TextContentAsync("[data-testid=today-status]"))!.ShouldContain("已报送");
        (await phone.Locator("[data-testid=timeline-day]").First.TextContentAsync())!.ShouldContain("2026-11-25");
        (await phone.Locator("[data-testid=timeline-report]").First.TextContentAsync())!.ShouldContain("二期主体结构施工至三层");
        await phone.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=report-thumb]'); return i && i.complete && i.naturalWidth === 320; }");
        (await OverflowsAsync(phone)).ShouldBeFalse();
        await ShotAsync(phone, "61-project-report-timeline");

        // From the project's page the team raises a problem for coordination and sees it listed with its case.
        await phone.GotoAsync(factory.BaseUrl + $"/projects/{project.Code}");
        await phone.WaitForSelectorAsync("[data-testid=problems-section]");
        (await phone.TextContentAsync("[data-testid=problems-empty]"))!.ShouldContain("还没有提出");
        var problemText = phone.Locator("[data-testid=problem-text] textarea, textarea[data-testid=problem-text]").First;
        await Interactive.DoUntilAsync(phone, async () =>
        {
            await problemText.FillAsync("施工用电增容审批滞后，需供电公司协调");
            await problemText.PressAsync("Tab");
            await phone.Locator("[data-testid=problem-send]").ClickAsync();
        }, "[data-testid=problem-row]");
        var problemRow = phone.Locator("[data-testid=problem-row]").First;
        (await problemRow.TextContentAsync())!.ShouldContain("施工用电增容审批滞后");
        (await problemRow.Locator("[data-testid=problem-state]").TextContentAsync())!.ShouldContain("已受理");
        (await problemRow.Locator("[data-testid=problem-case]").GetAttributeAsync("href"))!.ShouldStartWith("/cases/");
        (await OverflowsAsync(phone)).ShouldBeFalse();
        await ShotAsync(phone, "61b-project-problems");

        // At the desk of the zone leader: the lagging list, then the weekly meeting pack.
        var desk = await SignInAsync("leader", "/projects/lagging", 1280, 900);
        var row = desk.Locator("[data-testid=lagging-project]", new PageLocatorOptions { HasText = project.Code });
        await row.WaitForAsync();
        (await row.Locator("[data-testid=lag-level]").TextContentAsync())!.ShouldContain("红色预警");
        (await row.Locator("[data-testid=lagging-reasons]").TextContentAsync())!.ShouldContain("节点“主体封顶”超期 17 个工作日");
        await ShotAsync(desk, "62-projects-lagging");

        // Yesterday's missing reports: the demo's projects left behind, each with its last report day and a link to its reports.
        await desk.GotoAsync(factory.BaseUrl + "/projects/reports/missing?day=2026-11-24");
        var road = desk.Locator("[data-testid=missing-row]", new PageLocatorOptions { HasText = "高新区产业园区道路提升工程" });
        await road.WaitForAsync();
        (await road.TextContentAsync())!.ShouldContain("2026-11-16");
        (await road.Locator("[data-testid=missing-code]").GetAttributeAsync("href"))!.ShouldMatch("^/projects/XM\\d{4}-\\d{3}/reports$");
        (await desk.TextContentAsync("[data-testid=missing-due]"))!.ShouldContain("已过截止时间");
        (await desk.Locator("[data-testid=missing-row]", new PageLocatorOptions { HasText = project.Code }).CountAsync()).ShouldBe(0); // it reported on the 24th
        await ShotAsync(desk, "62b-projects-missing-reports");

        await desk.GotoAsync(factory.BaseUrl + "/projects/lagging");
        await desk.ClickAsync("[data-testid=to-weekly]");
        await desk.WaitForSelectorAsync("[data-testid=weekly-park]");
        (await desk.TextContentAsync("[data-testid=week-range]"))!.ShouldBe("2026-11-23 至 2026-11-29");
        var milestones = desk.Locator("[data-testid=weekly-milestones]", new PageLocatorOptions { HasText = project.Code });
        (await milestones.TextContentAsync())!.ShouldContain("2026-12-03 · " + project.Code + " 智能电网装备产业园二期 · 设备安装");
        (await desk.GetAttributeAsync("[data-testid=weekly-export]", "href"))!.ShouldBe("/api/projects/weekly/export?week=2026-11-23");
        await ShotAsync(desk, "63-projects-weekly");
    }
}
