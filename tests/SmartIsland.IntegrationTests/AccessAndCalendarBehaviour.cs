using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>Sign-in, API keys, roles, the calendar's upkeep and the public endpoints, on both databases.</summary>
public abstract class AccessAndCalendarBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises?pageSize=1", Json, Ct))!.Total;

    [Fact]
    public async Task An_api_key_acts_in_its_zone_with_its_roles_until_revoked()
    {
        var admin = await factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/api-keys", new { name = "统计对接", roles = new[] { "DepartmentStaff" } }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetString();

        var machine = factory.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await TotalAsync(machine)).ShouldBe(await TotalAsync(admin));

        // Stored as a hash: the list never shows the key again.
        (await admin.GetStringAsync("/api/api-keys", Ct)).ShouldNotContain(key);

        (await admin.DeleteAsync($"/api/api-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await machine.GetAsync("/api/enterprises", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_ins_and_exports_are_in_the_audit_log()
    {
        var cso = await factory.ClientForAsync("cso");
        (await cso.GetAsync("/api/enterprises/export?search=" + Uri.EscapeDataString("神马"), Ct)).EnsureSuccessStatusCode();
        var admin = await factory.ClientForAsync("admin");
        var signIns = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=SignIn&user=cso", Ct);
        signIns.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        var exports = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=Export&user=cso", Ct);
        exports.GetProperty("items")[0].GetProperty("after").GetString()!.ShouldContain("神马");
    }

    [Fact]
    public async Task An_api_key_cannot_be_an_administrator()
    {
        var admin = await factory.ClientForAsync("admin");
        var refused = await admin.PostAsJsonAsync("/api/api-keys", new { name = "root", roles = new[] { "Admin" } }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("roles", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Only_administrators_manage_api_keys()
    {
        var leader = await factory.ClientForAsync("leader");
        (await leader.GetAsync("/api/api-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "partner", password = "Wrong@2026" }, Ct);
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var locked = await client.PostAsJsonAsync("/api/auth/token", new { userName = "partner", password = "Demo@2026" }, Ct);
        locked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await locked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("userName", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_citizen_sees_no_enterprise_and_cannot_open_one()
    {
        var leader = await factory.ClientForAsync("leader");
        var any = (await leader.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises", Json, Ct))!.Items[0];
        var citizen = await factory.ClientForAsync("citizen");
        (await TotalAsync(citizen)).ShouldBe(0);
        (await citizen.GetAsync($"/api/enterprises/{any.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Personal_data_is_masked_for_roles_that_do_not_need_it()
    {
        var leader = await factory.ClientForAsync("leader");
        var grid = await factory.ClientForAsync("grid");
        var full = (await leader.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises", Json, Ct))!.Items[0];
        var masked = (await grid.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises", Json, Ct))!.Items.Single(e => e.Id == full.Id);
        full.LegalRepresentative!.ShouldNotContain("*");
        masked.LegalRepresentative.ShouldBe(full.LegalRepresentative![..1] + new string('*', full.LegalRepresentative.Length - 1));
        var detail = await grid.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{full.Id}", Json, Ct);
        detail!.ContactPhone!.ShouldContain("****");
        detail.PersonalDataMasked.ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_adds_a_year_and_its_days_and_the_calendar_follows_at_once()
    {
        var admin = await factory.ClientForAsync("admin");
        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/api/calendar/add-working-days?from=2030-01-01&days=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await admin.PostAsJsonAsync("/api/calendar/years", new { year = 2030, source = "国务院办公厅关于2030年部分节假日安排的通知（测试）" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/calendar/years", new { year = 2030, source = "again" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        async Task<string> AddOne() => (await anonymous.GetFromJsonAsync<JsonElement>("/api/calendar/add-working-days?from=2030-01-01&days=1", Ct)).GetProperty("result").GetString()!;
        (await AddOne()).ShouldBe("2030-01-02"); // Tue → Wed, no holidays entered yet

        (await admin.PutAsJsonAsync("/api/calendar/days/2030-01-02", new { kind = "PublicHoliday", name = "测试假日" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await AddOne()).ShouldBe("2030-01-03");

        var year = await admin.GetFromJsonAsync<JsonElement>("/api/calendar/years/2030", Ct);
        var version = year.GetProperty("days")[0].GetProperty("version").GetInt32();
        (await admin.PutAsJsonAsync("/api/calendar/days/2030-01-02", new { kind = "AdjustedWorkday", name = "改", version = version + 7 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"/api/calendar/days/2030-01-02?version={version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await AddOne()).ShouldBe("2030-01-02");
    }

    [Fact]
    public async Task Only_administrators_keep_the_calendar()
    {
        var leader = await factory.ClientForAsync("leader");
        (await leader.PostAsJsonAsync("/api/calendar/years", new { year = 2031, source = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/calendar/add-working-days?from=2026-13-01&days=1", "from")]
    [InlineData("/api/calendar/add-working-days?from=2026-11-23&days=-1", "days")]
    [InlineData("/api/calendar/add-working-days?from=2026-11-23", "days")]
    [InlineData("/api/calendar/working-days?from=2026-11-23", "to")]
    public async Task Bad_calendar_input_is_a_problem_naming_the_field(string url, string field)
    {
        var response = await factory.CreateClient().GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/codes/credit-code/914403001922038216", true, null)]
    [InlineData("/api/codes/credit-code/914403001922038217", false, "checkDigit")]
    [InlineData("/api/codes/credit-code/91440300", false, "length")]
    [InlineData("/api/codes/id-card/11010519491231002X", true, null)]
    [InlineData("/api/codes/id-card/110105194912310021", false, "checkDigit")]
    [InlineData("/api/codes/id-card/990105194912310020", false, "divisionCode")]
    public async Task Code_checks_say_valid_or_why_not(string url, bool valid, string? reason)
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>(url, Ct);
        body.GetProperty("valid").GetBoolean().ShouldBe(valid);
        (body.GetProperty("reason").ValueKind == JsonValueKind.Null ? null : body.GetProperty("reason").GetString()).ShouldBe(reason);
    }

    [Fact]
    public async Task The_id_card_check_does_not_echo_the_full_number()
    {
        var body = await factory.CreateClient().GetStringAsync("/api/codes/id-card/11010519491231002X", Ct);
        body.ShouldNotContain("11010519491231002X");
    }

    [Fact]
    public async Task An_unknown_zone_is_404_naming_the_code_and_a_known_one_answers()
    {
        var client = factory.CreateClient();
        (await client.GetFromJsonAsync<JsonElement>("/api/zones/410471", Ct)).GetProperty("shortName").GetString().ShouldBe("平顶山高新区");
        (await client.GetAsync("/api/zones/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await client.GetAsync("/api/zones/41047X", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("divisionCode", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_are_served_locally()
    {
        var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        doc.GetProperty("paths").TryGetProperty("/api/enterprises", out _).ShouldBeTrue();
        var page = await client.GetStringAsync("/api/docs/", Ct);
        page.ShouldNotContain("cdn.");
        page.ShouldContain("scalar");
    }
}

public sealed class AccessOnSqlite(SqliteFactory factory) : AccessAndCalendarBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class AccessOnPostgres(PostgresFactory factory) : AccessAndCalendarBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;

/// <summary>A platform whose public endpoints allow 5 calls a minute per client.</summary>
public sealed class RateLimitedFactory : PlatformFactory
{
    protected override string Provider => "Sqlite";
    protected override string ConnectionString => "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PublicPerMinute", "5");
    }
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Public_endpoints_are_rate_limited_per_client()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await client.GetAsync("/api/codes/credit-code/914403001922038216", TestContext.Current.CancellationToken)).StatusCode);
        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
