using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>The platform on a real Kestrel port, driven by Debian's Chromium (never a downloaded browser).</summary>
public class BrowserFactory : PlatformFactory
{
    protected override string Provider => "Sqlite";
    protected override string ConnectionString => "";

    public BrowserFactory() => UseKestrel(0);

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        }
    }
}

public sealed class BrowserJourneyTests(BrowserFactory factory) : IClassFixture<BrowserFactory>, IAsyncLifetime
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

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    /// <summary>The menu opens only once the page's interactive circuit is up: retry the click until it shows.</summary>
    private static async Task OpenUserMenuAsync(IPage page, string itemText)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.ClickAsync("[data-testid=user-menu-button]");
            try
            {
                await page.GetByText(itemText, new PageGetByTextOptions { Exact = true }).WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });
                return;
            }
            catch (TimeoutException)
            {
                // not interactive yet
            }
        }
        throw new TimeoutException($"the user menu did not open to show '{itemText}'");
    }

    [Fact]
    public async Task A_zone_leader_logs_in_filters_enterprises_opens_one_switches_to_English_and_logs_out()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(baseUrl + "/enterprises");
        page.Url.ShouldContain("/account/login");
        await page.FillAsync("#userName", "leader");
        await page.FillAsync("#password", "Demo@2026");
        await ShotAsync(page, "01-login");
        await page.ClickAsync("[data-testid=login-submit]");

        await page.WaitForURLAsync("**/enterprises");
        await page.WaitForSelectorAsync("[data-testid=enterprise-link]");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await page.TextContentAsync("[data-testid=zone-name]"))!.ShouldContain("平顶山高新区");
        var allRows = await page.Locator("[data-testid=enterprise-link]").CountAsync();
        allRows.ShouldBeGreaterThan(5);
        await ShotAsync(page, "02-enterprise-list");

        await page.Locator("input[data-testid=enterprise-search], [data-testid=enterprise-search] input").First.FillAsync("神马");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=enterprise-link]').length < n", allRows);
        var names = await page.Locator("[data-testid=enterprise-link]").AllTextContentsAsync();
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(n => n.Contains("神马"));
        await ShotAsync(page, "03-filtered");

        var chosen = names[0];
        await page.Locator("[data-testid=enterprise-link]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        (await page.TextContentAsync("[data-testid=enterprise-name]")).ShouldBe(chosen);
        await ShotAsync(page, "04-detail");

        await OpenUserMenuAsync(page, "English");
        await page.GetByText("English", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en-US'");
        await page.WaitForSelectorAsync("text=Qualifications");
        (await page.TextContentAsync("[data-testid=enterprise-name]")).ShouldBe(chosen);
        await ShotAsync(page, "05-english");

        await OpenUserMenuAsync(page, "Sign out");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/account/login**");
        await page.WaitForSelectorAsync("[data-testid=login-form]");
        await ShotAsync(page, "06-signed-out");

        await page.GotoAsync(baseUrl + "/enterprises");
        page.Url.ShouldContain("/account/login");
    }

    private async Task<IPage> SignInAsync(string user, string path)
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString(path));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**" + path);
        return page;
    }

    [Fact]
    public async Task An_administrator_checks_the_calendar_verifies_the_audit_chain_and_sees_the_organisation()
    {
        var page = await SignInAsync("admin", "/admin/calendar");
        await page.WaitForSelectorAsync("[data-testid=working-days]");
        (await page.TextContentAsync("[data-testid=working-days]"))!.ShouldContain("248");
        await ShotAsync(page, "08-calendar");

        await page.GotoAsync(factory.BaseUrl + "/admin/audit");
        await page.WaitForSelectorAsync("[data-testid=audit-table] tbody tr");
        for (var attempt = 0; attempt < 20 && await page.Locator("[data-testid=audit-verify-result]").CountAsync() == 0; attempt++)
        {
            await page.ClickAsync("[data-testid=audit-verify]"); // retried until the circuit is interactive
            await page.WaitForTimeoutAsync(500);
        }
        (await page.TextContentAsync("[data-testid=audit-verify-result]"))!.ShouldContain("哈希链完整");
        await ShotAsync(page, "09-audit");

        await page.GotoAsync(factory.BaseUrl + "/organisation");
        await page.WaitForSelectorAsync("[data-testid=organisation-tabs]");
        for (var attempt = 0; attempt < 20 && await page.Locator("[data-testid=people]").CountAsync() == 0; attempt++)
        {
            await page.GetByText("人员 (", new PageGetByTextOptions { Exact = false }).ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        (await page.TextContentAsync("[data-testid=people]"))!.ShouldContain("王小川");
        await ShotAsync(page, "10-organisation");

        await page.GotoAsync(factory.BaseUrl + "/cases");
        await page.WaitForSelectorAsync("[data-testid=case-table]");
        (await page.TextContentAsync("h1"))!.ShouldContain("诉求与工单");
        await ShotAsync(page, "17-cases");
    }

    [Fact]
    public async Task Department_staff_import_a_ledger_see_every_bad_row_then_import_the_valid_ones()
    {
        var first17 = "91410100MA" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var good = first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17);
        var file = Path.Combine(Artifacts, "browser-import.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(file, new List<Dictionary<string, object?>>
        {
            new() { ["统一社会信用代码"] = good, ["企业名称"] = "浏览器导入测试有限公司", ["行业代码"] = "C3825", ["年度"] = 2025, ["营业收入（万元）"] = 500 },
            new() { ["统一社会信用代码"] = "914403001922038217", ["企业名称"] = "错误行", ["行业代码"] = "C3825", ["年度"] = 2025, ["营业收入（万元）"] = 1 },
        }, overwriteFile: true);

        var page = await SignInAsync("dept", "/enterprises/import");
        await page.WaitForSelectorAsync("[data-testid=import-file]");
        await page.WaitForTimeoutAsync(1000); // let the circuit attach the file input
        await page.SetInputFilesAsync("[data-testid=import-file]", file);
        await page.ClickAsync("[data-testid=import-start]");
        await page.WaitForSelectorAsync("[data-testid=import-errors]");
        (await page.TextContentAsync("[data-testid=import-errors]"))!.ShouldContain("统一社会信用代码");
        (await page.TextContentAsync("[data-testid=import-result]"))!.ShouldContain("未导入任何数据");
        await ShotAsync(page, "11-import-rejected");

        await page.ClickAsync("[data-testid=mode-valid]");
        await page.ClickAsync("[data-testid=import-start]");
        await page.WaitForSelectorAsync("text=导入完成");
        await ShotAsync(page, "12-import-done");

        await page.GotoAsync(factory.BaseUrl + "/enterprises");
        await page.WaitForSelectorAsync("[data-testid=enterprise-link]");
        var search = page.Locator("input[data-testid=enterprise-search], [data-testid=enterprise-search] input").First;
        for (var attempt = 0; attempt < 20 && await page.GetByText("浏览器导入测试有限公司").CountAsync() == 0; attempt++)
        {
            await search.FillAsync(attempt % 2 == 0 ? good : good[..^1]); // a change each time, until the circuit listens
            await page.WaitForTimeoutAsync(800);
            if (attempt % 2 == 1) await search.FillAsync(good);
        }
        await page.WaitForSelectorAsync("text=浏览器导入测试有限公司");
    }

    [Fact]
    public async Task A_bad_credit_code_is_explained_under_the_field_and_nothing_is_lost()
    {
        var page = await SignInAsync("dept", "/enterprises/new");
        await page.WaitForSelectorAsync("[data-testid=save]");
        await page.WaitForTimeoutAsync(1000); // the form is interactive once the circuit is up
        var code = page.Locator("input[data-testid=field-creditCode], [data-testid=field-creditCode] input").First;
        var name = page.Locator("input[data-testid=field-name], [data-testid=field-name] input").First;
        var industry = page.Locator("input[data-testid=field-industryCode], [data-testid=field-industryCode] input").First;
        await code.FillAsync("914403001922038217");
        await name.FillAsync("界面登记测试有限公司");
        await industry.FillAsync("C3825");
        await industry.PressAsync("Tab");
        await page.ClickAsync("[data-testid=save]");
        await page.WaitForSelectorAsync("[data-testid=form-errors]");
        (await page.TextContentAsync("[data-testid=form-errors]"))!.ShouldContain("校验位不正确");
        (await name.InputValueAsync()).ShouldBe("界面登记测试有限公司"); // nothing the user typed is lost
        await ShotAsync(page, "13-create-invalid");

        var first17 = "91410100MA" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await code.FillAsync(first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17));
        await code.PressAsync("Tab");
        await page.ClickAsync("[data-testid=save]");
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        (await page.TextContentAsync("[data-testid=enterprise-name]")).ShouldBe("界面登记测试有限公司");
        await ShotAsync(page, "14-created");

        // Add last year's figures: revenue typed in 万元, shown in 万元, stored in yuan.
        for (var attempt = 0; attempt < 20 && await page.Locator("[data-testid=indicator-editor]").CountAsync() == 0; attempt++)
        {
            await page.ClickAsync("[data-testid=add-year]");
            await page.WaitForTimeoutAsync(500);
        }
        var revenue = page.Locator("input[data-testid=indicator-revenue], [data-testid=indicator-revenue] input").First;
        await revenue.FillAsync("123.45");
        await revenue.PressAsync("Tab");
        await page.ClickAsync("[data-testid=indicator-save]");
        await page.WaitForSelectorAsync("[data-testid=indicators]");
        (await page.TextContentAsync("[data-testid=indicators]"))!.ShouldContain("123.45");
        await ShotAsync(page, "15-indicator-added");
    }

    [Fact]
    public async Task Pages_and_the_api_reference_load_nothing_from_outside()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal) && !request.Url.StartsWith("ws://127.0.0.1", StringComparison.Ordinal))
                outside.Add(request.Url);
        };
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=%2Fenterprises");
        await page.FillAsync("#userName", "leader");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=enterprise-link]");
        await page.Locator("[data-testid=enterprise-link]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        await page.GotoAsync(baseUrl + "/api/docs/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(1500);
        await ShotAsync(page, "16-api-docs");
        outside.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_enterprise_list_fits_a_phone_screen()
    {
        var baseUrl = factory.BaseUrl;
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=%2Fenterprises");
        await page.FillAsync("#userName", "grid");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=enterprise-link]");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await ShotAsync(page, "07-phone-list");
        overflow.ShouldBeFalse();
    }
}

/// <summary>The public report journey on a clock inside the loaded calendar (deadlines are computed on submit).</summary>
public sealed class ReportBrowserFactory : BrowserFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

public sealed class CitizenReportJourneyTests(ReportBrowserFactory factory) : IClassFixture<ReportBrowserFactory>, IAsyncLifetime
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

    [Fact]
    public async Task A_citizen_on_a_phone_reports_a_dark_street_light_and_sees_its_progress()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(factory.BaseUrl + "/report");
        await page.FillAsync("#description", "路灯不亮，已经两天了");
        await page.FillAsync("#phone", "13912345678");
        await page.ClickAsync("[data-testid=report-submit]");
        await page.WaitForSelectorAsync("[data-testid=report-errors]"); // no place given
        (await page.InputValueAsync("#description")).ShouldBe("路灯不亮，已经两天了");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "18-report-missing-place.png"), FullPage = true });

        await page.FillAsync("#address", "皇台街道高阳社区东门");
        await page.ClickAsync("[data-testid=report-submit]");
        await page.WaitForSelectorAsync("[data-testid=track-code]");
        (await page.TextContentAsync("[data-testid=track-code]"))!.ShouldStartWith("SI");
        (await page.TextContentAsync("[data-testid=track-state]"))!.ShouldContain("待受理");
        (await page.ContentAsync()).ShouldNotContain("13912345678");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "19-track.png"), FullPage = true });
    }

    [Fact]
    public async Task A_citizen_reports_with_a_photo_staff_assign_and_resolve_it_and_the_citizen_rates_it()
    {
        // The citizen, on a phone, with a photo of the dark lamp.
        var phone = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        phone.SetDefaultTimeout(20_000);
        await phone.GotoAsync(factory.BaseUrl + "/report");
        await phone.SelectOptionAsync("#kind", "request/street-light");
        await phone.FillAsync("#description", "周湾村口第三盏路灯不亮");
        await phone.FillAsync("#address", "遵化店镇周湾村口");
        await phone.FillAsync("#latitude", "33.7205");
        await phone.FillAsync("#longitude", "113.3605");
        await phone.SetInputFilesAsync("[data-testid=report-photos]", new FilePayload { Name = "lamp.png", MimeType = "image/png", Buffer = Support.TestImages.Png() });
        await phone.FillAsync("#phone", "13912345678");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "20-report-with-photo.png"), FullPage = true });
        await phone.ClickAsync("[data-testid=report-submit]");
        await phone.WaitForSelectorAsync("[data-testid=track-code]");
        var code = (await phone.TextContentAsync("[data-testid=track-code]"))!.Trim();
        (await phone.ContentAsync()).ShouldNotContain("13912345678");

        // Staff find it in their unit's queue, assign it to a handler, start and resolve it with an after photo.
        var desk = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        desk.SetDefaultTimeout(20_000);
        await desk.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=%2Fcases");
        await desk.FillAsync("#userName", "dept");
        await desk.FillAsync("#password", "Demo@2026");
        await desk.ClickAsync("[data-testid=login-submit]");
        await desk.ClickAsync("[data-testid=queue-MyUnit]");
        await desk.ClickAsync($"[data-testid=case-link]:has-text('{code}')");
        await desk.WaitForSelectorAsync("[data-testid=case-photos] img");
        (await desk.TextContentAsync("[data-testid=case-unit]"))!.ShouldContain("城市管理和综合执法局");
        await desk.ClickAsync("[data-testid=act-Accept]");
        await desk.WaitForSelectorAsync("[data-testid=act-Assign]");
        await desk.ClickAsync("[data-testid=case-pick-user]");
        await desk.ClickAsync(".mud-popover-open .mud-list-item:has-text('陈思雨')");
        await desk.ClickAsync("[data-testid=act-Assign]");
        await desk.ClickAsync("[data-testid=act-Start]");
        await desk.SetInputFilesAsync("[data-testid=case-actions] ~ * input[type=file], input[type=file]", new FilePayload { Name = "fixed.png", MimeType = "image/png", Buffer = Support.TestImages.Png(640, 480, SkiaSharp.SKColors.DarkGreen) });
        await desk.WaitForSelectorAsync("[data-testid=case-photos] a:nth-child(2) img");
        await desk.ClickAsync("[data-testid=act-Resolve]");
        await desk.WaitForSelectorAsync("[data-testid=case-state]:has-text('已办结')");
        (await desk.TextContentAsync("[data-testid=case-timeline]"))!.ShouldContain("陈思雨");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "21-case-resolved.png"), FullPage = true });

        // The citizen rates it on the tracking page.
        await phone.GotoAsync($"{factory.BaseUrl}/track/{code}");
        await phone.WaitForSelectorAsync("[data-testid=track-rate]");
        await phone.SelectOptionAsync("#rating", "Satisfied");
        await phone.FillAsync("#rating-comment", "修得很快，谢谢");
        await phone.ClickAsync("[data-testid=track-rate-submit]");
        await phone.WaitForSelectorAsync("[data-testid=track-thanks]");
        (await phone.TextContentAsync("[data-testid=track-rating]"))!.ShouldContain("满意");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "22-track-rated.png"), FullPage = true });

        await desk.ReloadAsync();
        await desk.WaitForSelectorAsync("[data-testid=case-rating]");
        (await desk.TextContentAsync("[data-testid=case-rating]"))!.ShouldContain("修得很快");

        // The leader's metrics page counts it for the unit that handled it.
        var lead = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        lead.SetDefaultTimeout(20_000);
        await lead.GotoAsync(factory.BaseUrl + "/account/login?returnUrl=%2Fcases%2Fmetrics");
        await lead.FillAsync("#userName", "leader");
        await lead.FillAsync("#password", "Demo@2026");
        await lead.ClickAsync("[data-testid=login-submit]");
        await lead.WaitForSelectorAsync("[data-testid=ranking] >> text=城市管理和综合执法局");
        var row = lead.Locator("[data-testid=ranking] tbody tr", new PageLocatorOptions { HasText = "城市管理和综合执法局" });
        (await row.TextContentAsync())!.ShouldContain("100.0%"); // resolved on time and rated satisfied
        await lead.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "23-metrics-after-journey.png"), FullPage = true });
    }
}
