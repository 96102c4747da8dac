using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Projects.Logistics;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// 三库一单 over HTTP on both databases (clock 2026-11-25 10:00 +08:00): the libraries kept by park staff, drivers'
/// data masked for a zone leader, transport passes issued under GA-XK-002's conditions and revoked through the licence
/// library, and the "双12" peak view. Each test registers its own logistics enterprise.
/// </summary>
public abstract class LogisticsBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    private async Task<Guid> CarrierAsync(HttpClient park)
    {
        var enterprise = await EnterpriseSeeds.AddAsync(factory, "平顶山测试快递物流有限公司" + ApplicationSeeds.Fresh(""), []);
        return await CreatedAsync(await park.PostAsJsonAsync("/api/logistics/carriers", new { enterpriseId = enterprise.Id, kind = "Express", liaison = "园区联络员" }, Json, Ct));
    }

    private static string Plate() => "豫D" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "F";

    private static async Task<Guid> VehicleAsync(HttpClient client, Guid carrier, string emission, decimal load, string? plate = null) =>
        await CreatedAsync(await client.PostAsJsonAsync("/api/logistics/vehicles",
            new { carrierId = carrier, plate = plate ?? Plate(), kind = "LightTruck", emission, ratedLoad = load }, Json, Ct));

    [Fact]
    public async Task Park_staff_keep_the_libraries_and_a_zone_leader_reads_drivers_masked()
    {
        var park = await factory.ClientForAsync("park");
        var carrier = await CarrierAsync(park);
        await VehicleAsync(park, carrier, "China6", 4.5m);
        await CreatedAsync(await park.PostAsJsonAsync("/api/logistics/drivers",
            new { carrierId = carrier, name = "赵师傅", idNumber = "41040219900307123" + Check("41040219900307123"), phone = "13903751234", licenceClass = "B2" }, Json, Ct));

        var rows = await park.GetFromJsonAsync<List<CarrierRow>>("/api/logistics/carriers", Json, Ct);
        var row = rows!.Single(r => r.Id == carrier);
        (row.Vehicles, row.Drivers, row.PassesValid, row.Liaison).ShouldBe((1, 1, 0, "园区联络员"));

        var keeper = (await park.GetFromJsonAsync<List<DriverRow>>($"/api/logistics/drivers?carrier={carrier}", Json, Ct))!.Single();
        (keeper.Name, keeper.Phone).ShouldBe(("赵师傅", "13903751234"));
        var leader = (await (await factory.ClientForAsync("leader")).GetFromJsonAsync<List<DriverRow>>($"/api/logistics/drivers?carrier={carrier}", Json, Ct))!.Single();
        leader.Name.ShouldNotBe("赵师傅");
        leader.Phone.ShouldNotBe("13903751234");
        leader.IdNumber.ShouldContain("*");
        (await (await factory.ClientForAsync("enterprise")).GetAsync("/api/logistics/carriers", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>ISO 7064 MOD 11-2 check character of an ID number's first 17 digits (GB 11643).</summary>
    private static char Check(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task Bad_library_entries_name_the_field_and_nothing_is_stored()
    {
        var park = await factory.ClientForAsync("park");
        var carrier = await CarrierAsync(park);
        (await ErrorKeysAsync(await park.PostAsJsonAsync("/api/logistics/vehicles", new { carrierId = carrier, plate = "ABC123", kind = "Van", emission = "China6", ratedLoad = 0 }, Json, Ct)))
            .ShouldBe(["plate", "ratedLoad"], ignoreOrder: true);
        (await ErrorKeysAsync(await park.PostAsJsonAsync("/api/logistics/drivers", new { carrierId = carrier, name = "钱师傅", idNumber = "410402199003071230", licenceClass = "Z9" }, Json, Ct)))
            .ShouldBe(["idNumber", "licenceClass"], ignoreOrder: true);
        (await ErrorKeysAsync(await park.PostAsJsonAsync("/api/logistics/demands",
            new { carrierId = carrier, title = "双12 旺季运输", from = "2026-12-15", to = "2026-12-08", vehiclesNeeded = 0 }, Json, Ct)))
            .ShouldBe(["to", "vehiclesNeeded"], ignoreOrder: true);
        var plate = Plate();
        await VehicleAsync(park, carrier, "China6", 4.5m, plate);
        (await ErrorKeysAsync(await park.PostAsJsonAsync("/api/logistics/vehicles", new { carrierId = carrier, plate, kind = "Van", emission = "China6", ratedLoad = 2 }, Json, Ct)))
            .ShouldBe(["plate"]);
        var row = (await park.GetFromJsonAsync<List<CarrierRow>>("/api/logistics/carriers", Json, Ct))!.Single(r => r.Id == carrier);
        (row.Vehicles, row.Drivers, row.OpenDemands).ShouldBe((1, 0, 0));
    }

    [Fact]
    public async Task A_pass_is_issued_under_the_published_conditions_verifies_and_is_revoked()
    {
        var park = await factory.ClientForAsync("park");
        var dept = await factory.ClientForAsync("dept");
        var carrier = await CarrierAsync(park);
        var clean = await VehicleAsync(park, carrier, "China6", 12m);
        var old = await VehicleAsync(park, carrier, "China5", 12m);
        var heavy = await VehicleAsync(park, carrier, "NewEnergy", 25m);
        object Pass(int days = 30) => new { from = "2026-12-01", days, route = "建设路—高新路" };

        (await ErrorKeysAsync(await dept.PostAsJsonAsync($"/api/logistics/vehicles/{old}/pass", Pass(), Json, Ct))).ShouldBe(["emission"]);
        (await ErrorKeysAsync(await dept.PostAsJsonAsync($"/api/logistics/vehicles/{heavy}/pass", Pass(), Json, Ct))).ShouldBe(["ratedLoad"]);
        (await ErrorKeysAsync(await dept.PostAsJsonAsync($"/api/logistics/vehicles/{clean}/pass", Pass(91), Json, Ct))).ShouldBe(["days"]);
        var byPark = await park.PostAsJsonAsync($"/api/logistics/vehicles/{clean}/pass", Pass(), Json, Ct);
        byPark.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var issued = await dept.PostAsJsonAsync($"/api/logistics/vehicles/{clean}/pass", Pass(), Json, Ct);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync(Ct));
        var vehicle = (await issued.Content.ReadFromJsonAsync<VehicleRow>(Json, Ct))!;
        (vehicle.PassFrom, vehicle.PassUntil).ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 30))); // 30 days, the first counted
        var number = vehicle.PassNumber.ShouldNotBeNull();
        var verified = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/licences/verify/{number}", Ct);
        verified.GetProperty("typeCode").GetString().ShouldBe("transport-pass");
        (await dept.PostAsJsonAsync($"/api/logistics/vehicles/{clean}/pass", Pass(), Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var revoked = await dept.PostAsJsonAsync($"/api/logistics/vehicles/{clean}/pass/revoke", new { reason = "车辆转出本园区" }, Json, Ct);
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, await revoked.Content.ReadAsStringAsync(Ct));
        (await revoked.Content.ReadFromJsonAsync<VehicleRow>(Json, Ct))!.PassNumber.ShouldBeNull();
        (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/licences/verify/{number}", Ct)).GetProperty("outcome").GetString().ShouldBe("Revoked");
    }

    [Fact]
    public async Task The_peak_view_shows_who_needs_more_passes_for_double_twelve()
    {
        var park = await factory.ClientForAsync("park");
        var dept = await factory.ClientForAsync("dept");
        var carrier = await CarrierAsync(park);
        var covered = await VehicleAsync(park, carrier, "China6", 4.5m);
        var shortPass = await VehicleAsync(park, carrier, "China6", 4.5m);
        await VehicleAsync(park, carrier, "NewEnergy", 2m); // no pass
        (await dept.PostAsJsonAsync($"/api/logistics/vehicles/{covered}/pass", new { from = "2026-12-01", days = 30 }, Json, Ct)).EnsureSuccessStatusCode();
        // Ends 12 December: does not cover the whole peak (8–15 December).
        (await dept.PostAsJsonAsync($"/api/logistics/vehicles/{shortPass}/pass", new { from = "2026-12-01", days = 12 }, Json, Ct)).EnsureSuccessStatusCode();
        await CreatedAsync(await park.PostAsJsonAsync("/api/logistics/demands",
            new { carrierId = carrier, title = "双12 快件运输", cargo = "快件", from = "2026-12-08", to = "2026-12-15", vehiclesNeeded = 3, route = "分拨中心—城区", peakTag = "双12" }, Json, Ct));
        await CreatedAsync(await park.PostAsJsonAsync("/api/logistics/demands",
            new { carrierId = carrier, title = "元旦 运输", from = "2026-12-28", to = "2027-01-03", vehiclesNeeded = 5 }, Json, Ct));

        var peak = await park.GetFromJsonAsync<List<PeakRow>>("/api/logistics/peak?from=2026-12-08&to=2026-12-15", Json, Ct);
        var row = peak!.Single(r => r.CarrierId == carrier);
        (row.VehiclesNeeded, row.Vehicles, row.PassesCovering, row.Gap).ShouldBe((3, 3, 1, 2));
        row.Demands.ShouldBe(["双12 快件运输"]);
    }

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>A write carrying the version read as If-Match (none when <paramref name="ifMatch"/> is null).</summary>
    private static HttpRequestMessage Write(HttpMethod method, string url, object body, int? ifMatch)
    {
        var message = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is { } v) message.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        return message;
    }

    private static async Task<VehicleRow> VehicleRowAsync(HttpClient client, Guid carrier, Guid id) =>
        (await client.GetFromJsonAsync<List<VehicleRow>>($"/api/logistics/vehicles?carrier={carrier}", Json, Ct))!.Single(v => v.Id == id);

    [Fact]
    public async Task Editing_with_a_stale_version_is_412_and_changes_nothing_and_without_one_names_If_Match()
    {
        var park = await factory.ClientForAsync("park");
        var carrier = await CarrierAsync(park);
        var id = await VehicleAsync(park, carrier, "China6", 4.5m);
        var read = await VehicleRowAsync(park, carrier, id);
        var newPlate = Plate();
        var edit = new { plate = newPlate, kind = "Van", emission = "NewEnergy", ratedLoad = 3.5m, reason = "行驶证更正" };

        var first = await park.SendAsync(Write(HttpMethod.Put, $"/api/logistics/vehicles/{id}", edit, read.Version), Ct);
        var edited = await OkAsync<VehicleRow>(first);
        (edited.Plate, edited.Kind, edited.Emission, edited.RatedLoad).ShouldBe((newPlate, VehicleKind.Van, Emission.NewEnergy, 3.5m));
        first.Headers.ETag!.Tag.ShouldBe($"\"{edited.Version}\"");

        // A second writer still holding the first read.
        var stale = await park.SendAsync(Write(HttpMethod.Put, $"/api/logistics/vehicles/{id}", new { plate = Plate(), kind = "HeavyTruck", emission = "China6", ratedLoad = 9m }, read.Version), Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, await stale.Content.ReadAsStringAsync(Ct));
        var after = await VehicleRowAsync(park, carrier, id);
        (after.Plate, after.Kind, after.RatedLoad, after.Version).ShouldBe((newPlate, VehicleKind.Van, 3.5m, edited.Version));

        (await ErrorKeysAsync(await park.PutAsJsonAsync($"/api/logistics/vehicles/{id}", edit, Json, Ct))).ShouldBe(["If-Match"]);
    }

    [Fact]
    public async Task A_bad_plate_on_edit_is_named_and_the_vehicle_keeps_its_own()
    {
        var park = await factory.ClientForAsync("park");
        var carrier = await CarrierAsync(park);
        var plate = Plate();
        var id = await VehicleAsync(park, carrier, "China6", 4.5m, plate);
        var read = await VehicleRowAsync(park, carrier, id);
        (await ErrorKeysAsync(await park.SendAsync(Write(HttpMethod.Put, $"/api/logistics/vehicles/{id}",
            new { plate = "豫12345", kind = "LightTruck", emission = "China6", ratedLoad = 4.5m }, read.Version), Ct))).ShouldBe(["plate"]);
        (await VehicleRowAsync(park, carrier, id)).Plate.ShouldBe(plate);
    }

    [Fact]
    public async Task A_vehicle_with_a_live_pass_cannot_be_deactivated_until_the_pass_is_revoked()
    {
        var park = await factory.ClientForAsync("park");
        var dept = await factory.ClientForAsync("dept");
        var carrier = await CarrierAsync(park);
        var id = await VehicleAsync(park, carrier, "China6", 4.5m);
        var passed = await OkAsync<VehicleRow>(await dept.PostAsJsonAsync($"/api/logistics/vehicles/{id}/pass", new { from = "2026-12-01", days = 30 }, Json, Ct));

        var refused = await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/vehicles/{id}/deactivate", new { reason = "车辆已出售" }, passed.Version), Ct);
        var problem = await refused.Content.ReadAsStringAsync(Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem);
        problem.ShouldContain(passed.PassNumber!);
        (await VehicleRowAsync(park, carrier, id)).Active.ShouldBeTrue();
        (await ErrorKeysAsync(await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/vehicles/{id}/deactivate", new { reason = " " }, passed.Version), Ct)))
            .ShouldBe(["reason"]);

        var revoked = await OkAsync<VehicleRow>(await dept.PostAsJsonAsync($"/api/logistics/vehicles/{id}/pass/revoke", new { reason = "车辆已出售" }, Json, Ct));
        var off = await OkAsync<VehicleRow>(await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/vehicles/{id}/deactivate", new { reason = "车辆已出售" }, revoked.Version), Ct));
        off.Active.ShouldBeFalse();
        (await park.GetFromJsonAsync<List<CarrierRow>>("/api/logistics/carriers", Json, Ct))!.Single(c => c.Id == carrier).Vehicles.ShouldBe(0);
        (await dept.PostAsJsonAsync($"/api/logistics/vehicles/{id}/pass", new { from = "2026-12-01", days = 30 }, Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var on = await OkAsync<VehicleRow>(await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/vehicles/{id}/reactivate", new { reason = "车辆购回" }, off.Version), Ct));
        on.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task A_demand_is_marked_met_then_reopened_each_step_audited_with_its_note()
    {
        var park = await factory.ClientForAsync("park");
        var carrier = await CarrierAsync(park);
        var id = await CreatedAsync(await park.PostAsJsonAsync("/api/logistics/demands",
            new { carrierId = carrier, title = "双12 冷链运输", from = "2026-12-08", to = "2026-12-15", vehiclesNeeded = 2, peakTag = "双12" }, Json, Ct));
        var demand = (await park.GetFromJsonAsync<List<DemandRow>>("/api/logistics/demands", Json, Ct))!.Single(d => d.Id == id);

        (await ErrorKeysAsync(await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/demands/{id}/status", new { status = "Met" }, demand.Version), Ct))).ShouldBe(["note"]);
        var met = await OkAsync<DemandRow>(await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/demands/{id}/status", new { status = "Met", note = "已协调 2 辆冷藏车" }, demand.Version), Ct));
        (met.Status, met.StatusNote).ShouldBe((DemandStatus.Met, "已协调 2 辆冷藏车"));
        (await park.GetFromJsonAsync<List<PeakRow>>("/api/logistics/peak?from=2026-12-08&to=2026-12-15", Json, Ct))!.ShouldNotContain(r => r.CarrierId == carrier);
        // Met does not turn into Withdrawn without reopening.
        (await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/demands/{id}/status", new { status = "Withdrawn", note = "企业取消" }, met.Version), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var reopened = await OkAsync<DemandRow>(await park.SendAsync(Write(HttpMethod.Post, $"/api/logistics/demands/{id}/status", new { status = "Open", note = "一辆冷藏车故障" }, met.Version), Ct));
        reopened.Status.ShouldBe(DemandStatus.Open);
        (await park.GetFromJsonAsync<List<PeakRow>>("/api/logistics/peak?from=2026-12-08&to=2026-12-15", Json, Ct))!.Single(r => r.CarrierId == carrier).VehiclesNeeded.ShouldBe(2);

        var admin = await factory.ClientForAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=TransportDemand&entityId={id}&pageSize=50", Ct);
        var reasons = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("reason").GetString() ?? "").ToList();
        reasons.ShouldContain(r => r.Contains("Open → Met", StringComparison.Ordinal) && r.Contains("已协调 2 辆冷藏车", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.Contains("Met → Open", StringComparison.Ordinal) && r.Contains("一辆冷藏车故障", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_role_that_may_only_read_cannot_edit_deactivate_or_change_a_demand()
    {
        var park = await factory.ClientForAsync("park");
        var leader = await factory.ClientForAsync("leader");
        var carrier = await CarrierAsync(park);
        var vehicle = await VehicleAsync(park, carrier, "China6", 4.5m);
        var demand = await CreatedAsync(await park.PostAsJsonAsync("/api/logistics/demands",
            new { carrierId = carrier, title = "双12 运输", from = "2026-12-08", to = "2026-12-15", vehiclesNeeded = 1 }, Json, Ct));
        var read = await VehicleRowAsync(leader, carrier, vehicle);

        foreach (var refused in new[]
        {
            await leader.SendAsync(Write(HttpMethod.Put, $"/api/logistics/vehicles/{vehicle}", new { plate = Plate(), kind = "Van", emission = "China6", ratedLoad = 2m }, read.Version), Ct),
            await leader.SendAsync(Write(HttpMethod.Post, $"/api/logistics/vehicles/{vehicle}/deactivate", new { reason = "试试" }, read.Version), Ct),
            await leader.SendAsync(Write(HttpMethod.Post, $"/api/logistics/demands/{demand}/status", new { status = "Met", note = "试试" }, 0), Ct),
        })
        {
            var body = await refused.Content.ReadAsStringAsync(Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
            JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString()!.ShouldStartWith("logistics.keep");
        }
        (await VehicleRowAsync(park, carrier, vehicle)).ShouldBe(read);
        (await park.GetFromJsonAsync<List<DemandRow>>("/api/logistics/demands", Json, Ct))!.Single(d => d.Id == demand).Status.ShouldBe(DemandStatus.Open);
    }
}

public sealed class LogisticsOnSqlite(CasesSqliteFactory factory) : LogisticsBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class LogisticsOnPostgres(CasesPostgresFactory factory) : LogisticsBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
