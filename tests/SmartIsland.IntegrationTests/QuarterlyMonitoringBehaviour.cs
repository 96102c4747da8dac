using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.Enterprises.Domain;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>Quarterly year-to-date figures and the 亩均效益 monitoring run that reads them, on both databases.</summary>
public abstract class QuarterlyMonitoringBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_quarter_is_monitored_on_its_year_to_date_figures_scaled_to_a_year()
    {
        // Land 100 亩 (from the yearly figures); the half year's tax 50万, so 100万 a year: 1 万元/亩.
        var e = await EnterpriseSeeds.AddAsync(factory, "季度监测甲有限公司",
            [new YearlyIndicator { Year = 2025, LandMu = 100, Revenue = 20_000_000, TaxPaid = 800_000, Employees = 60 }], division: "410371");
        var admin = await factory.ClientForAsync("b-admin");
        await OkAsync(await admin.PutAsJsonAsync($"/api/enterprises/{e.Id}/quarters/2026/2",
            new { revenue = 5_000_000, mainBusinessRevenue = 4_500_000, taxPaid = 500_000, valueAdded = 1_500_000, energyUseTce = 300, rdExpense = 200_000, employees = 50 }, Ct));

        var run = await OkAsync(await admin.PostAsJsonAsync("/api/performance/runs", new { period = "2026Q2" }, Ct));
        run.GetProperty("yearlyFiguresForQuarter").GetBoolean().ShouldBeFalse();
        var results = await OkAsync(await admin.GetAsync("/api/performance/results?period=2026Q2&search=季度监测甲", Ct));
        var row = results.GetProperty("items").EnumerateArray().Single();
        var tax = row.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "tax-per-mu");
        tax.GetProperty("value").GetDecimal().ShouldBe(1m);
        // Labour productivity: value added 150万 × 2 = 300万 over 50 people = 6 万元/人.
        var labour = row.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString()!.Contains("labour", StringComparison.Ordinal));
        labour.GetProperty("value").GetDecimal().ShouldBe(6m);
    }

    [Fact]
    public async Task Bad_quarters_are_refused_by_field_and_nothing_is_stored()
    {
        var e = await EnterpriseSeeds.AddAsync(factory, "季度监测乙有限公司", [], division: "410371");
        var admin = await factory.ClientForAsync("b-admin");
        var url = $"/api/enterprises/{e.Id}/quarters";
        (await ErrorsAsync(await admin.PutAsJsonAsync($"{url}/2026/5", new { revenue = 1 }, Ct))).GetProperty("errors").TryGetProperty("quarter", out _).ShouldBeTrue();
        // 2026-11-25 is inside Q4: its year-to-date figures do not exist yet.
        (await ErrorsAsync(await admin.PutAsJsonAsync($"{url}/2026/4", new { revenue = 1 }, Ct))).GetProperty("errors").TryGetProperty("year", out _).ShouldBeTrue();
        var errors = (await ErrorsAsync(await admin.PutAsJsonAsync($"{url}/2026/1", new { revenue = 100, mainBusinessRevenue = 200, taxPaid = -1 }, Ct))).GetProperty("errors");
        errors.TryGetProperty("mainBusinessRevenue", out _).ShouldBeTrue();
        errors.TryGetProperty("taxPaid", out _).ShouldBeTrue();
        (await ErrorsAsync(await admin.PutAsJsonAsync($"{url}/2026/1", new { }, Ct))).GetProperty("errors").TryGetProperty("revenue", out _).ShouldBeTrue();
        (await OkAsync(await admin.GetAsync(url, Ct))).GetArrayLength().ShouldBe(0);

        var saved = await OkAsync(await admin.PutAsJsonAsync($"{url}/2026/1", new { revenue = 1_000_000 }, Ct));
        var version = saved[0].GetProperty("version").GetInt32();
        await ErrorsAsync(await admin.PutAsJsonAsync($"{url}/2026/1", new { revenue = 2_000_000 }, Ct), HttpStatusCode.Conflict);
        await ErrorsAsync(await admin.PutAsJsonAsync($"{url}/2026/1", new { revenue = 2_000_000, version = version + 1 }, Ct), HttpStatusCode.Conflict);
        var corrected = await OkAsync(await admin.PutAsJsonAsync($"{url}/2026/1", new { revenue = 2_000_000, version }, Ct));
        corrected[0].GetProperty("revenue").GetDecimal().ShouldBe(2_000_000m);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_report_for_another_enterprise()
    {
        var other = await EnterpriseSeeds.AddAsync(factory, "季度监测丙他人有限公司", []);
        var enterprise = await factory.ClientForAsync("enterprise");
        var response = await enterprise.PutAsJsonAsync($"/api/enterprises/{other.Id}/quarters/2026/1", new { revenue = 1 }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientForAsync("dept")).GetFromJsonAsync<JsonElement>($"/api/enterprises/{other.Id}/quarters", Ct)).GetArrayLength().ShouldBe(0);
    }
}

public sealed class QuarterlyMonitoringOnSqlite(SqliteFactory factory) : QuarterlyMonitoringBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class QuarterlyMonitoringOnPostgres(PostgresFactory factory) : QuarterlyMonitoringBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
