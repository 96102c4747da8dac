using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Licences.Domain;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Services.Applications;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Two of the zone's other systems are configured and neither answers: "transport" refuses connections (nothing
/// listens on its port) and "development-reform" accepts them but never replies (its own 300 ms limit).
/// The clock starts on 2026-11-25 10:00 (+08:00).
/// </summary>
public static class DownSystems
{
    public static readonly int RefusingPort = FreePort();

    /// <summary>Accepts connections into its backlog and never answers.</summary>
    public static readonly TcpListener Silent = StartSilent();

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static TcpListener StartSilent()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start(backlog: 64);
        return l;
    }

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Licences:TimeoutMs", "1500");
        builder.UseSetting("Licences:Connectors:0:Code", "transport");
        builder.UseSetting("Licences:Connectors:0:Name", "交通运输");
        builder.UseSetting("Licences:Connectors:0:BaseUrl", $"http://127.0.0.1:{RefusingPort}");
        builder.UseSetting("Licences:Connectors:0:Types:0", "road-transport-permit");
        builder.UseSetting("Licences:Connectors:1:Code", "development-reform");
        builder.UseSetting("Licences:Connectors:1:Name", "发展改革");
        builder.UseSetting("Licences:Connectors:1:BaseUrl", $"http://127.0.0.1:{((IPEndPoint)Silent.LocalEndpoint).Port}");
        builder.UseSetting("Licences:Connectors:1:Types:0", "project-filing");
        builder.UseSetting("Licences:Connectors:1:TimeoutMs", "300");
    }
}

public sealed class LicenceSqliteFactory : SqliteFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DownSystems.Configure(builder);
    }
}

public sealed class LicencePostgresFactory : PostgresFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DownSystems.Configure(builder);
    }
}

/// <summary>电子证照 end to end on both databases: issue, verify, revoke, tampered numbers, connectors that are down, the PDF.</summary>
public abstract class LicenceBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A scope acting as a signed-in user of the demo zone (as the services module calls the registry).</summary>
    private async Task<AsyncServiceScope> ZoneScopeAsync(string role = Roles.DepartmentStaff)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, role), new Claim(PlatformClaims.ZoneId, zone.ToString())], authenticationType: "test")));
        return scope;
    }

    private async Task<IssuedLicence> IssueAsync(string holderKey, string holderName = "平顶山测试招牌有限公司", string type = "signboard-permit")
    {
        await using var scope = await ZoneScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ILicenceRegistry>().IssueAsync(new LicenceIssue(
            type, holderKey, holderName, new DateOnly(2026, 11, 25), null,
            [KeyValuePair.Create("设置地点", "平顶山高新区建设路 18 号"), KeyValuePair.Create("招牌规格", "6.0 米 × 1.0 米")], "BJ-TEST-" + Guid.NewGuid().ToString("N")[..6]), Ct);
    }

    private async Task<JsonElement> VerifyAsync(string number)
    {
        var response = await factory.CreateClient().GetAsync($"/api/licences/verify/{number}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task An_issued_certificate_verifies_as_valid_by_its_number_without_login()
    {
        var holder = EnterpriseSeeds.NewCreditCode();
        var issued = await IssueAsync(holder);

        issued.VerifyPath.ShouldBe($"/verify/{issued.Number}");
        issued.PdfPath.ShouldBe($"/api/licences/{issued.Number}/pdf");
        issued.Number.ShouldStartWith("SI41047120261125");
        var body = await VerifyAsync(issued.Number);
        body.GetProperty("outcome").GetString().ShouldBe("Valid");
        body.GetProperty("typeName").GetString().ShouldBe("门头设置许可");
        body.GetProperty("holderName").GetString().ShouldBe("平顶山测试招牌有限公司");
        body.GetProperty("holderCreditCode").GetString().ShouldBe(holder);
        // 门头设置许可 runs three years: to the day before the same date.
        body.GetProperty("validUntil").GetString().ShouldBe("2029-11-24");

        var page = await PageAsync(issued.VerifyPath);
        page.ShouldContain("有效");
        page.ShouldContain("平顶山测试招牌有限公司");
    }

    [Fact]
    public async Task Two_certificates_of_one_day_get_consecutive_serials()
    {
        var first = await IssueAsync(EnterpriseSeeds.NewCreditCode());
        var second = await IssueAsync(EnterpriseSeeds.NewCreditCode());
        LicenceNumber.SerialOf(second.Number).ShouldBeGreaterThan(LicenceNumber.SerialOf(first.Number));
        LicenceNumber.Classify(second.Number).ShouldBe(NumberShape.Platform);
    }

    [Fact]
    public async Task A_revoked_certificate_says_revoked_with_date_and_reason_and_satisfies_nothing()
    {
        var holder = EnterpriseSeeds.NewCreditCode();
        var issued = await IssueAsync(holder);
        var dept = await factory.ClientForAsync("dept");

        var noReason = await dept.PostAsJsonAsync($"/api/licences/{issued.Number}/revoke", new { reason = " " }, Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await VerifyAsync(issued.Number)).GetProperty("outcome").GetString().ShouldBe("Valid");

        var enterprise = await factory.ClientForAsync("enterprise");
        var refused = await enterprise.PostAsJsonAsync($"/api/licences/{issued.Number}/revoke", new { reason = "不该成功" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("licence.keepers-only");

        var revoked = await dept.PostAsJsonAsync($"/api/licences/{issued.Number}/revoke", new { reason = "招牌已拆除" }, Ct);
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, await revoked.Content.ReadAsStringAsync(Ct));
        var again = await dept.PostAsJsonAsync($"/api/licences/{issued.Number}/revoke", new { reason = "再次撤销" }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var body = await VerifyAsync(issued.Number);
        body.GetProperty("outcome").GetString().ShouldBe("Revoked");
        body.GetProperty("revokedReason").GetString().ShouldBe("招牌已拆除");
        body.GetProperty("revokedOn").GetString().ShouldBe("2026-11-25");
        (await PageAsync(issued.VerifyPath)).ShouldContain("已撤销");

        await using var scope = await ZoneScopeAsync();
        var lookup = await scope.ServiceProvider.GetRequiredService<ILicenceRegistry>().FindValidAsync(holder, ["signboard-permit"], Ct);
        lookup.Valid.ShouldBeEmpty();

        await using var dbScope = factory.Services.CreateAsyncScope();
        await using var db = await dbScope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditLog.IgnoreQueryFilters().Where(a => a.EntityType == nameof(Licence) && a.Action == "Update").OrderByDescending(a => a.Sequence).FirstAsync(Ct);
        audit.Reason.ShouldBe("招牌已拆除");
    }

    [Fact]
    public async Task A_number_with_one_character_changed_is_invalid_not_merely_unknown()
    {
        var issued = await IssueAsync(EnterpriseSeeds.NewCreditCode());
        var serialDigit = issued.Number[20];
        var tampered = issued.Number[..20] + (serialDigit == '9' ? '8' : (char)(serialDigit + 1)) + issued.Number[21..];

        (await VerifyAsync(tampered)).GetProperty("outcome").GetString().ShouldBe("InvalidNumber");
        (await PageAsync($"/verify/{tampered}")).ShouldContain("校验位不符");

        // Well formed, check holds, never issued: that one is merely unknown.
        var unissued = LicenceNumber.Compose("410471", new DateOnly(2026, 11, 25), 99_999);
        (await VerifyAsync(unissued)).GetProperty("outcome").GetString().ShouldBe("NotFound");
    }

    [Fact]
    public async Task Systems_that_are_down_are_named_and_the_platforms_licences_still_come_back_quickly()
    {
        var holder = EnterpriseSeeds.NewCreditCode();
        var issued = await IssueAsync(holder);
        await using var scope = await ZoneScopeAsync();
        var registry = scope.ServiceProvider.GetRequiredService<ILicenceRegistry>();

        var watch = Stopwatch.StartNew();
        var lookup = await registry.FindValidAsync(holder.ToLowerInvariant(), ["signboard-permit", "road-transport-permit", "project-filing"], Ct);
        watch.Stop();

        lookup.Valid.Select(v => v.Number).ShouldBe([issued.Number]);
        lookup.Valid[0].SourceSystem.ShouldBe("platform");
        lookup.Unavailable.ShouldBe(["transport", "development-reform"], ignoreOrder: true);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1.4)); // the silent system's own 300 ms, not the 1.5 s default

        // A type nobody down serves asks only the platform.
        var platformOnly = await registry.FindValidAsync(holder, ["signboard-permit"], Ct);
        platformOnly.Unavailable.ShouldBeEmpty();
    }

    [Fact]
    public async Task Mirrored_licences_of_other_systems_are_found_for_the_demo_enterprise()
    {
        var holder = await EnterpriseAccountCreditCodeAsync();
        await using var scope = await ZoneScopeAsync();
        var lookup = await scope.ServiceProvider.GetRequiredService<ILicenceRegistry>().FindValidAsync(holder, ["business-licence", "property-certificate"], Ct);
        lookup.Valid.Select(v => (v.TypeCode, v.SourceSystem)).ShouldBe(
            [("business-licence", "market-regulation"), ("property-certificate", "natural-resources")], ignoreOrder: true);
        var types = await scope.ServiceProvider.GetRequiredService<ILicenceRegistry>().TypesAsync(Ct);
        types.Select(t => t.Code).ShouldBe(
            ["business-licence", "guarantee-loan-approval", "id-card", "invoice-approval", "land-use-planning-permit", "outdoor-promotion-permit",
             "project-filing", "property-certificate", "road-transport-permit", "signboard-permit", "transport-pass"]);
    }

    [Fact]
    public async Task A_certificate_is_issued_once_per_purpose()
    {
        var holder = EnterpriseSeeds.NewCreditCode();
        var purpose = "BJ-ONCE-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = await ZoneScopeAsync();
        var registry = scope.ServiceProvider.GetRequiredService<ILicenceRegistry>();
        LicenceIssue Issue() => new("signboard-permit", holder, "平顶山一次发证有限公司", new DateOnly(2026, 11, 25), null, [], purpose);
        var first = await registry.IssueAsync(Issue(), Ct);
        var again = await registry.IssueAsync(Issue(), Ct);
        again.Number.ShouldBe(first.Number);
        // Two at once: still one certificate.
        await using var other = await ZoneScopeAsync();
        var racing = await Task.WhenAll(
            registry.IssueAsync(Issue() with { IssuedFor = purpose + "-R" }, Ct),
            other.ServiceProvider.GetRequiredService<ILicenceRegistry>().IssueAsync(Issue() with { IssuedFor = purpose + "-R" }, Ct));
        racing[1].Number.ShouldBe(racing[0].Number);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Set<Licence>().IgnoreQueryFilters().CountAsync(l => l.HolderKey == holder, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Bad_issue_requests_name_the_field_and_store_nothing()
    {
        await using var scope = await ZoneScopeAsync();
        var registry = scope.ServiceProvider.GetRequiredService<ILicenceRegistry>();
        var badKey = await Should.ThrowAsync<ValidationFailedException>(() => registry.IssueAsync(new LicenceIssue(
            "signboard-permit", "91410400MA0000000X", "某公司", new DateOnly(2026, 11, 25), null, [], "X"), Ct));
        badKey.Errors.Keys.ShouldBe(["holderKey"]);
        var foreign = await Should.ThrowAsync<ValidationFailedException>(() => registry.IssueAsync(new LicenceIssue(
            "business-licence", EnterpriseSeeds.NewCreditCode(), "某公司", new DateOnly(2026, 11, 25), null, [], "X"), Ct));
        foreign.Errors.Keys.ShouldBe(["typeCode"]);
        var backwards = await Should.ThrowAsync<ValidationFailedException>(() => registry.IssueAsync(new LicenceIssue(
            "signboard-permit", EnterpriseSeeds.NewCreditCode(), "某公司", new DateOnly(2026, 11, 25), new DateOnly(2026, 1, 1), [], "X"), Ct));
        backwards.Errors.Keys.ShouldBe(["validUntil"]);
    }

    [Fact]
    public async Task A_persons_licence_is_verified_without_personal_data()
    {
        const string number = "ID410471201800001"; // the demo resident's 居民身份证, mirrored from public security
        var body = await VerifyAsync(number);
        body.GetProperty("outcome").GetString().ShouldBe("Valid");
        body.GetProperty("holderKind").GetString().ShouldBe("Person");
        body.GetProperty("holderName").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("holderCreditCode").ValueKind.ShouldBe(JsonValueKind.Null);
        var raw = body.GetRawText();
        raw.ShouldNotContain("郑好");
        raw.ShouldNotContain("410402199003071");

        var page = await PageAsync($"/verify/{number}");
        page.ShouldContain("郑*");
        page.ShouldNotContain("郑好");
        page.ShouldNotContain("410402199003071");
    }

    [Fact]
    public async Task The_certificate_pdf_is_for_the_holder_and_staff_and_shows_its_number()
    {
        var holder = await EnterpriseAccountCreditCodeAsync();
        var own = await IssueAsync(holder, "本企业门头");
        var other = await IssueAsync(EnterpriseSeeds.NewCreditCode());

        var enterprise = await factory.ClientForAsync("enterprise");
        var response = await enterprise.GetAsync(own.PdfPath, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var text = await PdfTextAsync(pdf);
        text.ShouldContain(own.Number);
        text.ShouldContain("门头设置许可");
        text.ShouldContain("平顶山高新区建设路 18 号");
        text.ShouldContain("扫码核验");

        var notTheirs = await enterprise.GetAsync(other.PdfPath, Ct);
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notTheirs.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("licence.holder-only");
        (await (await factory.ClientForAsync("citizen")).GetAsync(own.PdfPath, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientForAsync("dept")).GetAsync(other.PdfPath, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await factory.ClientForAsync("b-admin")).GetAsync(other.PdfPath, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.CreateClient().GetAsync(other.PdfPath, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_system_that_is_down_makes_the_form_ask_for_an_upload_and_never_blocks_the_application()
    {
        // 货车通行证 asks for the 道路运输经营许可证, which only "transport" (refusing connections) could prove.
        var enterprise = await factory.ClientForAsync("enterprise");
        var prepared = (await enterprise.GetFromJsonAsync<PreparedApplication>("/api/services/prepare?item=GA-XK-002", ApplicationJson, Ct))!;
        prepared.UnavailableSystems.ShouldContain("transport");
        var permit = prepared.Materials.Single(m => m.Code == "M-ROAD-PERMIT");
        permit.Exempt.ShouldBeNull();
        permit.Required.ShouldBeTrue();
        prepared.Materials.Single(m => m.Code == "M-BL").Exempt.ShouldNotBeNull(); // the mirrored library still answers

        // Uploaded instead, the application goes in as usual.
        var fields = prepared.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Definition.Key, f => f.Value);
        foreach (var (k, v) in new[] { ("plateNumber", "豫D12345"), ("emissionStandard", "6"), ("loadTonnes", "12"), ("days", "30"), ("route", "建设路—高新路") }) fields[k] = v;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { itemCode = "GA-XK-002", fields }), System.Text.Encoding.UTF8, "application/json"), "application" },
        };
        foreach (var code in new[] { "M-ROAD-PERMIT", "M-VEHICLE", "M-DRIVER" })
            form.Add(new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), code, code + ".pdf");
        var response = await enterprise.PostAsync("/api/services/applications", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var view = JsonSerializer.Deserialize<ApplicationView>(body, ApplicationJson)!;
        view.Materials.Single(m => m.Code == "M-ROAD-PERMIT").State.ShouldBe(MaterialState.Provided);
        // Within the published conditions (国六, 12 t, 30 days): approved at once, the pass issued.
        (view.Stage, view.AutoApproved).ShouldBe((ApplicationStage.Completed, true));
        (await VerifyAsync(view.LicenceNumber!)).GetProperty("outcome").GetString().ShouldBe("Valid");
    }

    private static readonly JsonSerializerOptions ApplicationJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>A public page's HTML with character references decoded (the renderer encodes non-ASCII text).</summary>
    private async Task<string> PageAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> EnterpriseAccountCreditCodeAsync()
    {
        await using var scope = await ZoneScopeAsync();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = await db.Users.Where(u => u.UserName == "enterprise").Select(u => u.EnterpriseId!.Value).FirstAsync(Ct);
        return (await scope.ServiceProvider.GetRequiredService<IEnterpriseProfiles>().GetAsync(id, Ct))!.CreditCode;
    }

    /// <summary>The PDF's text as poppler extracts it (./test.sh installs poppler-utils): exact characters, not look-alike radicals.</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf, Ct);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class LicenceOnSqlite(LicenceSqliteFactory factory) : LicenceBehaviour<LicenceSqliteFactory>(factory), IClassFixture<LicenceSqliteFactory>;

public sealed class LicenceOnPostgres(LicencePostgresFactory factory) : LicenceBehaviour<LicencePostgresFactory>(factory), IClassFixture<LicencePostgresFactory>;
