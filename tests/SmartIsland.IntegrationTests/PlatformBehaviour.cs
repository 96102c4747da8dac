using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;

namespace SmartIsland.IntegrationTests;

/// <summary>The same behaviour on both databases: see <see cref="OnSqlite"/> and <see cref="OnPostgres"/>.</summary>
public abstract class PlatformBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    protected TFactory Factory { get; } = factory;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Paged<EnterpriseListItem>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<Paged<EnterpriseListItem>>("/api/enterprises?pageSize=200" + query, Json, Ct))!;

    private async Task<EnterpriseDetail> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{id}", Json, Ct))!;

    private static EnterpriseInput InputFrom(EnterpriseDetail d) => new()
    {
        CreditCode = d.CreditCode, Name = d.Name, LegalRepresentative = d.LegalRepresentative, IndustryCode = d.IndustryCode,
        ParkId = d.ParkId, Address = d.Address, ContactName = d.ContactName, ContactPhone = d.ContactPhone,
        RegisteredOn = d.RegisteredOn, Version = d.Version,
    };

    [Fact]
    public async Task Migrations_apply_from_an_empty_database()
    {
        _ = Factory.Server; // starting the host migrates the empty database
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        var applied = (await db.Database.GetAppliedMigrationsAsync(Ct)).ToList();
        applied.ShouldNotBeEmpty();
        applied.ShouldBe(db.Database.GetMigrations().ToList());
        // A model change without its migration for this provider fails here.
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var response = await Factory.CreateClient().GetAsync("/health", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_zone_A_user_cannot_read_or_change_a_zone_B_enterprise()
    {
        var zoneB = await Factory.ClientForAsync("b-admin");
        var target = (await ListAsync(zoneB)).Items[0];
        var detailB = await GetAsync(zoneB, target.Id);

        foreach (var user in new[] { "leader", "admin" })
        {
            var zoneA = await Factory.ClientForAsync(user);
            (await zoneA.GetAsync($"/api/enterprises/{target.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await zoneA.PutAsJsonAsync($"/api/enterprises/{target.Id}", InputFrom(detailB).WithName("改名"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await zoneA.GetAsync($"/enterprises/{target.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await zoneA.GetAsync($"/enterprises/{target.Id}/edit", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ListAsync(zoneA, "&search=" + Uri.EscapeDataString(target.Name))).Total.ShouldBe(0);
            (await zoneA.PostAsJsonAsync($"/api/enterprises/{target.Id}/qualifications", new { kind = "TechSme" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await zoneA.PutAsJsonAsync($"/api/enterprises/{target.Id}/indicators/2025", new IndicatorInput { Revenue = 1 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await GetAsync(zoneB, target.Id)).Name.ShouldBe(detailB.Name);
    }

    [Fact]
    public async Task A_zone_A_administrator_cannot_see_or_revoke_zone_B_api_keys_or_audit()
    {
        var adminB = await Factory.ClientForAsync("b-admin");
        var key = await (await adminB.PostAsJsonAsync("/api/api-keys", new { name = "B 区对接", roles = new[] { "ZoneLeader" } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var keyId = key.GetProperty("id").GetString();
        var adminA = await Factory.ClientForAsync("admin");
        (await adminA.GetStringAsync("/api/api-keys", Ct)).ShouldNotContain(keyId!);
        (await adminA.DeleteAsync($"/api/api-keys/{keyId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var auditA = await adminA.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={keyId}", Ct);
        auditA.GetProperty("total").GetInt32().ShouldBe(0);
        var auditB = await adminB.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={keyId}", Ct);
        auditB.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_edit_another_enterprise()
    {
        var own = await Factory.ClientForAsync("enterprise");
        var ownList = await ListAsync(own);
        ownList.Total.ShouldBe(1);
        var leader = await Factory.ClientForAsync("leader");
        var other = (await ListAsync(leader)).Items.First(e => e.Id != ownList.Items[0].Id);
        var otherDetail = await GetAsync(leader, other.Id);

        var response = await own.PutAsJsonAsync($"/api/enterprises/{other.Id}", InputFrom(otherDetail).WithName("越权修改"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("enterprises.edit");
        (await own.GetAsync($"/api/enterprises/{other.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(leader, other.Id)).Name.ShouldBe(otherDetail.Name);
    }

    [Fact]
    public async Task An_invalid_credit_code_is_refused_naming_the_field_and_nothing_is_written()
    {
        var dept = await Factory.ClientForAsync("dept");
        var before = (await ListAsync(dept)).Total;
        var response = await dept.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = "914403001922038217", Name = "校验位错误测试有限公司", IndustryCode = "C3825" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty("creditCode", out _).ShouldBeTrue();
        (await ListAsync(dept)).Total.ShouldBe(before);
    }

    [Fact]
    public async Task Missing_required_fields_are_all_named()
    {
        var dept = await Factory.ClientForAsync("dept");
        var response = await dept.PostAsJsonAsync("/api/enterprises", new EnterpriseInput(), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "creditCode", "name", "industryCode" }) errors.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task A_duplicate_enterprise_is_a_conflict()
    {
        var dept = await Factory.ClientForAsync("dept");
        var existing = (await ListAsync(dept)).Items[0];
        var response = await dept.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = existing.CreditCode, Name = "重复登记测试", IndustryCode = "C3825" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("creditCode");
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_newer_edit_survives()
    {
        var dept = await Factory.ClientForAsync("admin");
        var created = await (await dept.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = NewCode(1), Name = "并发测试有限公司", IndustryCode = "C3825" }, Ct))
            .Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct);
        var first = InputFrom(created!).WithName("第一次保存");
        var second = InputFrom(created!).WithName("第二次保存（过期版本）");
        (await dept.PutAsJsonAsync($"/api/enterprises/{created!.Id}", first, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await dept.PutAsJsonAsync($"/api/enterprises/{created.Id}", second, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await GetAsync(dept, created.Id)).Name.ShouldBe("第一次保存");
    }

    [Fact]
    public async Task Writes_are_audited_with_before_after_and_reason_and_tampering_is_named()
    {
        var admin = await Factory.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = NewCode(2), Name = "审计测试有限公司", IndustryCode = "C3825" }, Ct))
            .Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct);
        var edit = InputFrom(created!).WithName("审计测试（更名）");
        (await admin.PutAsJsonAsync($"/api/enterprises/{created!.Id}?reason={Uri.EscapeDataString("工商变更")}", edit, Ct)).EnsureSuccessStatusCode();

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Enterprise&entityId={created.Id}", Ct);
        var items = log.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("action").GetString()).ShouldBe(["Update", "Create"]);
        var update = items[0];
        update.GetProperty("userName").GetString().ShouldBe("admin");
        update.GetProperty("reason").GetString().ShouldBe("工商变更");
        update.GetProperty("before").GetString()!.ShouldContain("审计测试有限公司");
        update.GetProperty("after").GetString()!.ShouldContain("审计测试（更名）");

        (await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify", Ct)).GetProperty("valid").GetBoolean().ShouldBeTrue();

        // Tamper behind the application's back, as someone with database access might.
        var sequence = update.GetProperty("sequence").GetInt64();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE platform_audit_log SET \"Reason\" = {"无"} WHERE \"Sequence\" = {sequence}", Ct);
            var verify = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify", Ct);
            verify.GetProperty("valid").GetBoolean().ShouldBeFalse();
            verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(sequence);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE platform_audit_log SET \"Reason\" = {"工商变更"} WHERE \"Sequence\" = {sequence}", Ct);
        }
        (await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify", Ct)).GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_calendar_api_refuses_a_year_that_is_not_loaded_naming_the_field()
    {
        var client = Factory.CreateClient();
        var ok = await client.GetFromJsonAsync<JsonElement>("/api/calendar/add-working-days?from=2026-09-30&days=3", Ct);
        ok.GetProperty("result").GetString().ShouldBe("2026-10-10");
        var refused = await client.GetAsync("/api/calendar/working-days?from=2026-12-01&to=2027-01-10", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Api_calls_without_a_token_get_401_not_a_login_page()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync("/api/enterprises", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_role_that_sees_masked_data_can_edit_the_rest_without_overwriting_it()
    {
        var leader = await Factory.ClientForAsync("leader");
        var target = (await ListAsync(leader)).Items[^1];
        var full = await GetAsync(leader, target.Id);
        full.ContactPhone.ShouldNotBeNullOrEmpty();

        var dept = await Factory.ClientForAsync("dept");
        var masked = await GetAsync(dept, target.Id);
        masked.PersonalDataMasked.ShouldBeTrue();
        var edit = InputFrom(masked);
        edit.Address = "河南省平顶山市高新区（地址更正）";
        var response = await dept.PutAsJsonAsync($"/api/enterprises/{target.Id}", edit, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await GetAsync(leader, target.Id);
        after.Address.ShouldBe("河南省平顶山市高新区（地址更正）");
        after.ContactPhone.ShouldBe(full.ContactPhone);
        after.LegalRepresentative.ShouldBe(full.LegalRepresentative);
        after.ContactName.ShouldBe(full.ContactName);
    }

    [Fact]
    public async Task Qualifications_are_recorded_with_validity_and_drive_the_qualification_filter()
    {
        var admin = await Factory.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = NewCode(3), Name = "资质测试有限公司", IndustryCode = "C3825" }, Ct))
            .Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct);
        var id = created!.Id;

        var backwards = await admin.PostAsJsonAsync($"/api/enterprises/{id}/qualifications", new { kind = "HighTechEnterprise", validFrom = "2026-01-01", validUntil = "2025-01-01" }, Ct);
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("validUntil", out _).ShouldBeTrue();

        var added = await admin.PostAsJsonAsync($"/api/enterprises/{id}/qualifications", new { kind = "LittleGiant", certificateNumber = "测试-001", validFrom = "2025-01-01", validUntil = "2099-12-31" }, Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await added.Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct);
        detail!.Qualifications.Single().Valid.ShouldBeTrue();
        (await ListAsync(admin, "&qualification=LittleGiant")).Items.ShouldContain(e => e.Id == id);

        (await admin.DeleteAsync($"/api/enterprises/{id}/qualifications/{detail.Qualifications[0].Id}?reason=test", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(admin, "&qualification=LittleGiant")).Items.ShouldNotContain(e => e.Id == id);
    }

    [Fact]
    public async Task A_years_figures_are_added_then_corrected_with_their_version()
    {
        var dept = await Factory.ClientForAsync("dept");
        var created = await (await dept.PostAsJsonAsync("/api/enterprises", new EnterpriseInput { CreditCode = NewCode(4), Name = "指标测试有限公司", IndustryCode = "C3825" }, Ct))
            .Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct);
        var id = created!.Id;

        var negative = await dept.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025", new IndicatorInput { Revenue = -1 }, Ct);
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await negative.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("revenue", out _).ShouldBeTrue();

        var first = await dept.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025", new IndicatorInput { Revenue = 12_000_000m, Employees = 80, TechStaff = 12 }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var year = (await first.Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct))!.Indicators.Single();

        (await dept.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025", new IndicatorInput { Revenue = 1m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var corrected = await dept.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025?reason=审计调整", new IndicatorInput { Revenue = 12_500_000m, Employees = 80, TechStaff = 12, Version = year.Version }, Ct);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await corrected.Content.ReadFromJsonAsync<EnterpriseDetail>(Json, Ct))!.Indicators.Single().Revenue.ShouldBe(12_500_000m);
        (await dept.PutAsJsonAsync($"/api/enterprises/{id}/indicators/2025", new IndicatorInput { Revenue = 2m, Version = year.Version }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_export_is_the_filtered_list_as_xlsx_masked_as_on_screen()
    {
        var grid = await Factory.ClientForAsync("grid");
        var onScreen = await ListAsync(grid, "&search=" + Uri.EscapeDataString("神马"));
        onScreen.Total.ShouldBeGreaterThan(0);
        var response = await grid.GetAsync("/api/enterprises/export?search=" + Uri.EscapeDataString("神马"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["企业名称"]?.ToString()).ShouldBe(onScreen.Items.Select(i => i.Name).ToList(), ignoreOrder: true);
        rows.ShouldAllBe(r => r["法定代表人"] == null || r["法定代表人"]!.ToString()!.Contains('*'));
    }

    [Fact]
    public async Task The_verify_audit_command_reports_an_intact_chain()
    {
        var admin = await Factory.ClientForAsync("admin"); // starts the host; writes happened while seeding
        (await admin.GetAsync("/health", Ct)).EnsureSuccessStatusCode();
        var exit = await SmartIsland.Host.Hosting.OperatorCommands.RunAsync("verify-audit", Factory.Services, SmartIsland.Host.Hosting.PlatformSettings.From(Factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        exit.ShouldBe(0);
    }

    /// <summary>A valid credit code no demo enterprise uses (demo codes use division 410400/410300).</summary>
    private static string NewCode(int n)
    {
        var first17 = "91410100MA" + (Random.Shared.Next(1_000_000, 9_999_999) + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17);
    }
}

public sealed class OnSqlite(SqliteFactory factory) : PlatformBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class OnPostgres(PostgresFactory factory) : PlatformBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
