using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Discretion;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Bounded discretion over HTTP on both databases: "周期内首次违停免罚" (每6个月一个周期，周期内首次轻微违法停车免于罚款) decided
/// by the platform from the record, the half-year cycle in +08:00, and officers' overrides that need a reason and are
/// audited. Each test uses its own plate and its own penalty item of the 城管 department. The clock starts on
/// 2026-11-25 10:00 (+08:00); the default fine is 100 yuan.
/// </summary>
public abstract class DiscretionBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private const string CityManagement = "城市管理和综合执法局";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static DateTimeOffset China(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, ApplicationSeeds.China);

    private static string NewPlate() => "豫D" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<ServiceItem> ParkingItemAsync() =>
        await ApplicationSeeds.ItemAsync(factory, await ApplicationSeeds.DepartmentIdAsync(factory, CityManagement), CityManagement, 0, 0,
            ItemKind.AdministrativePenalty, ParkingFirstMinorRule.RuleCode);

    private static async Task<HttpResponseMessage> RecordRawAsync(HttpClient client, string itemCode, string plate, DateTimeOffset at, bool minor) =>
        await client.PostAsJsonAsync("/api/discretion/violations", new { itemCode, plate, place = "高新区神马大道与火炬路交叉口", occurredAt = at, minor }, Ct);

    private static async Task<ViolationView> RecordAsync(HttpClient client, string itemCode, string plate, DateTimeOffset at, bool minor = true)
    {
        var response = await RecordRawAsync(client, itemCode, plate, at, minor);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ViolationView>(Json, Ct))!;
    }

    private static async Task<ViolationView> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ViolationView>($"/api/discretion/violations/{id}", Json, Ct))!;

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task FirstMinorViolationInACycle_IsNotFined_SecondIsFined()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var plate = NewPlate();

        var first = await RecordAsync(dept, item.Code, plate, China(8, 3, 10));
        first.PlatformDecision.ShouldBe(PenaltyDecision.Exempt);
        first.FinalDecision.ShouldBe(PenaltyDecision.Exempt);
        first.FinalFine.ShouldBeNull();
        first.Cycle.ShouldBe("2026H2");
        first.PlatformReason.ShouldBe("本周期（2026年下半年）首次轻微违停，免予罚款");
        first.RuleSource.ShouldContain("周期内首次违停免罚");

        // The same vehicle written differently ("豫d 1234 5") is the same vehicle.
        var spaced = plate[..2].ToLowerInvariant() + " " + plate[2..];
        var second = await RecordAsync(dept, item.Code, spaced, China(9, 10, 15));
        second.PlatformDecision.ShouldBe(PenaltyDecision.Fine);
        second.FinalFine.ShouldBe(100m);
        second.OrdinalInCycle.ShouldBe(2);
        second.PlatformReason.ShouldStartWith("本周期（2026年下半年）第2次轻微违停");

        // Another vehicle in the same cycle still gets its own first exemption.
        (await RecordAsync(dept, item.Code, NewPlate(), China(9, 10, 16))).PlatformDecision.ShouldBe(PenaltyDecision.Exempt);
    }

    [Fact]
    public async Task ANewHalfYear_StartsAFreshCycle_AtMidnightInChina()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var plate = NewPlate();

        var june = await RecordAsync(dept, item.Code, plate, China(6, 30, 23, 30));
        june.Cycle.ShouldBe("2026H1");
        june.PlatformDecision.ShouldBe(PenaltyDecision.Exempt);
        june.PlatformReason.ShouldContain("2026年上半年");

        // 16:30 UTC on 30 June is 00:30 on 1 July in China: the second half-year, whose first minor violation is not fined.
        var july = await RecordAsync(dept, item.Code, plate, new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero));
        july.Cycle.ShouldBe("2026H2");
        july.PlatformDecision.ShouldBe(PenaltyDecision.Exempt);
        july.OccurredAt.ShouldBe(China(7, 1, 0, 30));

        var again = await RecordAsync(dept, item.Code, plate, China(7, 2, 9));
        again.PlatformDecision.ShouldBe(PenaltyDecision.Fine);
        again.OrdinalInCycle.ShouldBe(2);
    }

    [Fact]
    public async Task ANonMinorViolation_IsFined_AndLeavesTheExemptionForAMinorOne()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var plate = NewPlate();

        var serious = await RecordAsync(dept, item.Code, plate, China(10, 8, 9), minor: false);
        serious.PlatformDecision.ShouldBe(PenaltyDecision.Fine);
        serious.FinalFine.ShouldBe(100m);
        serious.PlatformReason.ShouldContain("非轻微");

        var minor = await RecordAsync(dept, item.Code, plate, China(10, 9, 9));
        minor.PlatformDecision.ShouldBe(PenaltyDecision.Exempt);
        minor.OrdinalInCycle.ShouldBe(1);
    }

    [Fact]
    public async Task AnOverride_WithoutAReason_IsRefused_AndNothingChanges()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var recorded = await RecordAsync(dept, item.Code, NewPlate(), China(11, 2, 9));

        foreach (var reason in new string?[] { null, "   ", "不罚" })
        {
            var response = await dept.PostAsJsonAsync($"/api/discretion/violations/{recorded.Id}/override",
                new { decision = "Fine", fine = 100, reason, version = recorded.Version }, Ct);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            problem["errors"]!.AsObject().ContainsKey("reason").ShouldBeTrue(problem.ToJsonString());
        }

        var after = await GetAsync(dept, recorded.Id);
        after.Version.ShouldBe(recorded.Version);
        after.FinalDecision.ShouldBe(PenaltyDecision.Exempt);
        after.FinalFine.ShouldBeNull();
        after.Overridden.ShouldBeFalse();
        after.OverrideReason.ShouldBeNull();
    }

    [Fact]
    public async Task AnOverride_WithAReason_KeepsBothDecisions_AndIsAudited()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var recorded = await RecordAsync(dept, item.Code, NewPlate(), China(11, 3, 9));
        const string reason = "驾驶人拒不驶离，堵塞消防通道";

        var response = await dept.PostAsJsonAsync($"/api/discretion/violations/{recorded.Id}/override",
            new { decision = "Fine", fine = 150, reason, version = recorded.Version }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));

        var after = await GetAsync(dept, recorded.Id);
        after.PlatformDecision.ShouldBe(PenaltyDecision.Exempt);
        after.PlatformReason.ShouldContain("首次轻微违停");
        after.FinalDecision.ShouldBe(PenaltyDecision.Fine);
        after.FinalFine.ShouldBe(150m);
        after.Overridden.ShouldBeTrue();
        after.OverrideReason.ShouldBe(reason);
        after.OverriddenByName.ShouldNotBeNullOrWhiteSpace();
        after.Version.ShouldBe(recorded.Version + 1);

        var admin = await factory.ClientForAsync("admin");
        var audit = JsonNode.Parse(await admin.GetStringAsync($"/api/audit?entityType=Violation&entityId={recorded.Id}", Ct))!;
        var entries = audit["items"]!.AsArray();
        entries.Count.ShouldBe(2); // recorded, then overridden
        var change = entries.Single(e => (string?)e!["action"] != "Create")!;
        ((string?)change["reason"]).ShouldBe(reason);
        ((string?)change["userName"]).ShouldBe("dept");
        ((string?)change["after"])!.ShouldContain("Fine");
    }

    [Fact]
    public async Task AnOverride_OnAStaleVersion_IsRefused()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var recorded = await RecordAsync(dept, item.Code, NewPlate(), China(11, 4, 9));
        (await dept.PostAsJsonAsync($"/api/discretion/violations/{recorded.Id}/override",
            new { decision = "Fine", fine = 100, reason = "现场核实妨碍通行", version = recorded.Version }, Ct)).EnsureSuccessStatusCode();

        var stale = await dept.PostAsJsonAsync($"/api/discretion/violations/{recorded.Id}/override",
            new { decision = "Exempt", reason = "复核后认定为轻微情形", version = recorded.Version }, Ct);
        (await ProblemAsync(stale, HttpStatusCode.Conflict)).ToJsonString().ShouldContain("version");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/discretion/violations/{recorded.Id}/override")
        {
            Content = JsonContent.Create(new { decision = "Exempt", reason = "复核后认定为轻微情形" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{recorded.Version}\"");
        (await dept.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await GetAsync(dept, recorded.Id)).FinalDecision.ShouldBe(PenaltyDecision.Fine);
    }

    [Fact]
    public async Task TheList_FiltersByPlateCycleAndDecision_AndMasksPlatesForLeaders()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");
        var plate = NewPlate();
        await RecordAsync(dept, item.Code, plate, China(3, 5, 9));
        await RecordAsync(dept, item.Code, plate, China(8, 5, 9));
        await RecordAsync(dept, item.Code, plate, China(8, 6, 9));

        var h2 = JsonSerializer.Deserialize<ViolationPage>(await dept.GetStringAsync($"/api/discretion/violations?plate={Uri.EscapeDataString(plate)}&cycle=2026H2", Ct), Json)!;
        h2.Total.ShouldBe(2);
        h2.Items.ShouldAllBe(v => v.Plate == plate && v.Cycle == "2026H2");
        var fined = JsonSerializer.Deserialize<ViolationPage>(await dept.GetStringAsync($"/api/discretion/violations?plate={Uri.EscapeDataString(plate)}&decision=Fine", Ct), Json)!;
        fined.Total.ShouldBe(1);
        fined.Items[0].OccurredAt.ShouldBe(China(8, 6, 9));
        var paged = JsonSerializer.Deserialize<ViolationPage>(await dept.GetStringAsync($"/api/discretion/violations?plate={Uri.EscapeDataString(plate)}&pageSize=2&page=2", Ct), Json)!;
        paged.Total.ShouldBe(3);
        paged.Items.Count.ShouldBe(1);

        var leader = await factory.ClientForAsync("leader");
        var text = await leader.GetStringAsync($"/api/discretion/violations?plate={Uri.EscapeDataString(plate)}", Ct);
        text.ShouldNotContain(plate);
        var masked = JsonSerializer.Deserialize<ViolationPage>(text, Json)!;
        masked.Total.ShouldBe(3);
        var expected = plate[..2] + "***" + plate[^2..];
        masked.Items.ShouldAllBe(v => v.PlateMasked && v.Plate == expected);

        (await ProblemAsync(await dept.GetAsync("/api/discretion/violations?cycle=2026-2", Ct), HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("cycle").ShouldBeTrue();
        // Leaders read; they do not record.
        (await RecordRawAsync(leader, item.Code, NewPlate(), China(8, 7, 9), true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadRecords_AreProblemsNamingTheField_AndOthersMayNotRecord()
    {
        var item = await ParkingItemAsync();
        var dept = await factory.ClientForAsync("dept");

        var empty = await ProblemAsync(await dept.PostAsJsonAsync("/api/discretion/violations", new { itemCode = item.Code }, Ct), HttpStatusCode.BadRequest);
        var fields = empty["errors"]!.AsObject().Select(e => e.Key).ToList();
        fields.ShouldBe(["plate", "place", "minor", "occurredAt"], ignoreOrder: true);

        var unknown = await ProblemAsync(await RecordRawAsync(dept, "NO-SUCH-ITEM", NewPlate(), China(8, 1, 9), true), HttpStatusCode.BadRequest);
        unknown["errors"]!.AsObject().ContainsKey("itemCode").ShouldBeTrue();
        var future = await ProblemAsync(await RecordRawAsync(dept, item.Code, NewPlate(), China(12, 25, 9), true), HttpStatusCode.BadRequest);
        future["errors"]!.AsObject().ContainsKey("occurredAt").ShouldBeTrue();

        // A licence item carries no discretion rule; another department's penalty item is not the 城管 officer's.
        var licence = await ApplicationSeeds.ItemAsync(factory, null, "测试局", 20, 5);
        (await ProblemAsync(await RecordRawAsync(dept, licence.Code, NewPlate(), China(8, 1, 9), true), HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("itemCode").ShouldBeTrue();
        var otherDepartment = await ApplicationSeeds.ItemAsync(factory, Guid.NewGuid(), "其他执法局", 0, 0, ItemKind.AdministrativePenalty, ParkingFirstMinorRule.RuleCode);
        (await RecordRawAsync(dept, otherDepartment.Code, NewPlate(), China(8, 1, 9), true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var citizen = await factory.ClientForAsync("citizen");
        (await RecordRawAsync(citizen, item.Code, NewPlate(), China(8, 1, 9), true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await citizen.GetAsync("/api/discretion/violations", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class DiscretionOnSqlite(CasesSqliteFactory factory) : DiscretionBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class DiscretionOnPostgres(CasesPostgresFactory factory) : DiscretionBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
