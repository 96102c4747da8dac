using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Host.DemoData;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using Case = SmartIsland.Cases.Domain.Case;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2 as any client sees it, in JSON and XML, on both databases. The
/// clock starts Wed 2026-11-25 10:00 (+08:00): a normal request is due in 5 working days, Wed 12-02 17:30.
/// </summary>
public abstract partial class Open311Behaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private const string Base = "/open311/v2";
    private const string Key = DemoSeeder.Open311DemoKey;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions CaseJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private HttpClient Anonymous() => factory.CreateClient();

    private static Dictionary<string, string> StreetLight(string description) => new()
    {
        ["api_key"] = Key,
        ["service_code"] = "request",
        ["attribute[category]"] = "street-light",
        ["lat"] = "33.72",
        ["long"] = "113.34",
        ["description"] = description,
    };

    private Task<HttpResponseMessage> PostAsync(string format, IEnumerable<KeyValuePair<string, string>> form, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/requests.{format}") { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Anonymous().SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Parses the XML and checks what the spec asks of it: the declaration, UTF-8, and no namespaces anywhere.</summary>
    private static async Task<XElement> XmlAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        body.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        var doc = XDocument.Parse(body);
        doc.Descendants().ShouldAllBe(e => e.Name.Namespace == XNamespace.None);
        doc.Descendants().SelectMany(e => e.Attributes()).ShouldBeEmpty();
        return doc.Root!;
    }

    private async Task<(string Id, string Token)> SubmitAsync(Dictionary<string, string> form, string? idempotencyKey = null)
    {
        var created = await JsonAsync(await PostAsync("json", form, idempotencyKey), HttpStatusCode.Created);
        var only = created.EnumerateArray().Single();
        return (only.GetProperty("service_request_id").GetString()!, only.GetProperty("token").GetString()!);
    }

    private async Task<JsonElement> OneAsync(string id, string query = "") =>
        (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests/{id}.json{query}", Ct))).EnumerateArray().Single();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$")]
    private static partial Regex IsoWithOffset();

    [Fact]
    public async Task Discovery_names_the_GeoReport_v2_endpoint_and_both_formats()
    {
        var json = await JsonAsync(await Anonymous().GetAsync($"{Base}/discovery.json", Ct));
        var endpoint = json.GetProperty("endpoints").EnumerateArray().Single();
        endpoint.GetProperty("specification").GetString().ShouldBe("http://wiki.open311.org/GeoReport_v2");
        endpoint.GetProperty("url").GetString()!.ShouldEndWith("/open311/v2");
        endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()).ShouldBe(["text/xml", "application/json"]);
        json.GetProperty("changeset").GetString()!.ShouldMatch(IsoWithOffset().ToString());

        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/discovery.xml", Ct));
        xml.Name.LocalName.ShouldBe("discovery");
        xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value).ShouldBe(["text/xml", "application/json"]);
    }

    [Fact]
    public async Task Services_are_the_zones_public_case_types_in_json_and_xml()
    {
        var json = await JsonAsync(await Anonymous().GetAsync($"{Base}/services.json", Ct));
        json.ValueKind.ShouldBe(JsonValueKind.Array);
        var codes = json.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        codes.ShouldBe(["hazard", "request"], ignoreOrder: true); // internal types (inspection findings, supervision tasks) are not services
        var request = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "request");
        request.GetProperty("service_name").GetString().ShouldBe("诉求");
        request.GetProperty("metadata").GetBoolean().ShouldBeTrue();
        request.GetProperty("type").GetString().ShouldBe("realtime");
        request.GetProperty("keywords").GetString()!.ShouldContain("路灯不亮");

        var english = await JsonAsync(await Anonymous().GetAsync($"{Base}/services.json?culture=en-US", Ct));
        english.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "request").GetProperty("service_name").GetString().ShouldBe("Request");

        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/services.xml", Ct));
        xml.Name.LocalName.ShouldBe("services");
        xml.Elements("service").Select(s => s.Element("service_code")!.Value).ShouldBe(["hazard", "request"], ignoreOrder: true);
        xml.Elements("service").First().Elements().Select(e => e.Name.LocalName)
            .ShouldBe(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]);
    }

    [Fact]
    public async Task A_service_definition_has_the_forms_fields_in_all_six_datatypes()
    {
        var json = await JsonAsync(await Anonymous().GetAsync($"{Base}/services/request.json", Ct));
        json.GetProperty("service_code").GetString().ShouldBe("request");
        var attributes = json.GetProperty("attributes").EnumerateArray().ToList();
        attributes.Select(a => a.GetProperty("datatype").GetString()).Distinct()
            .ShouldBe(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"], ignoreOrder: true);
        attributes.Select(a => a.GetProperty("order").GetInt32()).ShouldBeInOrder();
        var category = attributes.Single(a => a.GetProperty("code").GetString() == "category");
        category.GetProperty("required").GetBoolean().ShouldBeTrue();
        category.GetProperty("variable").GetBoolean().ShouldBeTrue();
        category.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()).ShouldContain("street-light");
        category.GetProperty("values").EnumerateArray().First().GetProperty("name").GetString().ShouldBe("路灯不亮");
        var noticed = attributes.Single(a => a.GetProperty("code").GetString() == "noticed_at");
        noticed.GetProperty("datatype_description").GetString()!.ShouldContain("2026-11-25T10:00:00+08:00");
        noticed.GetProperty("values").ValueKind.ShouldBe(JsonValueKind.Null); // explicit null, not left out
        attributes.Single(a => a.GetProperty("code").GetString() == "emergency_note").GetProperty("variable").GetBoolean().ShouldBeFalse();

        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/services/request.xml", Ct));
        xml.Name.LocalName.ShouldBe("service_definition");
        var affected = xml.Element("attributes")!.Elements("attribute").Single(a => a.Element("code")!.Value == "affected");
        affected.Element("datatype")!.Value.ShouldBe("multivaluelist");
        affected.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value).ShouldBe(["pedestrians", "vehicles", "residents", "enterprises"]);
        affected.Elements().Select(e => e.Name.LocalName)
            .ShouldBe(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"]);
    }

    [Fact]
    public async Task An_unknown_service_code_is_404_in_the_specs_error_format()
    {
        var json = await JsonAsync(await Anonymous().GetAsync($"{Base}/services/no-such-service.json", Ct), HttpStatusCode.NotFound);
        var error = json.EnumerateArray().Single();
        error.GetProperty("code").GetInt32().ShouldBe(404);
        error.GetProperty("description").GetString()!.ShouldContain("no-such-service");

        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/services/no-such-service.xml", Ct), HttpStatusCode.NotFound);
        xml.Name.LocalName.ShouldBe("errors");
        xml.Element("error")!.Element("code")!.Value.ShouldBe("404");
    }

    [Fact]
    public async Task A_form_post_with_attributes_and_a_multivalue_list_makes_a_case_with_every_answer()
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("api_key", Key),
            new("service_code", "request"),
            new("attribute[category]", "street-light"),
            new("attribute[affected][]", "pedestrians"),
            new("attribute[affected][]", "vehicles"),
            new("attribute[count]", "3"),
            new("attribute[noticed_at]", "2026-11-24T20:00:00+08:00"),
            new("attribute[pole_number]", "ZHD-017"),
            new("lat", "33.72"),
            new("long", "113.34"),
            new("description", "开放接口：村口三盏路灯不亮"),
            new("first_name", "三"),
            new("last_name", "张"),
            new("phone", "13811112222"),
            new("email", "zhangsan@example.com"),
        };
        var response = await PostAsync("json", form);
        var created = (await JsonAsync(response, HttpStatusCode.Created)).EnumerateArray().Single();
        var id = created.GetProperty("service_request_id");
        id.ValueKind.ShouldBe(JsonValueKind.String);
        created.GetProperty("service_notice").GetString()!.ShouldContain("2026-12-02 17:30");
        created.GetProperty("account_id").ValueKind.ShouldBe(JsonValueKind.Null);

        // What staff see: the answers, the category's unit, the requester's name and phone (kept, but never published).
        var dept = await factory.ClientForAsync("dept");
        var view = (await dept.GetFromJsonAsync<CaseView>($"/api/cases/{created.GetProperty("token").GetString()}", CaseJson, Ct))!;
        view.TrackingCode.ShouldBe(id.GetString());
        view.Source.ShouldBe(CaseSource.Open311);
        view.CategoryCode.ShouldBe("street-light");
        view.Attributes["affected"].ShouldBe(["pedestrians", "vehicles"]);
        view.Attributes["count"].ShouldBe(["3"]);
        view.Attributes["pole_number"].ShouldBe(["ZHD-017"]);
        view.RequesterName.ShouldBe("张三");
        view.RequesterPhone.ShouldBe("13811112222");
        view.Resolution.Due.ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 30, 0, TimeSpan.FromHours(8)));

        var xml = await XmlAsync(await PostAsync("xml", StreetLight("开放接口：XML 提交")), HttpStatusCode.Created);
        xml.Name.LocalName.ShouldBe("service_requests");
        xml.Element("request")!.Elements().Select(e => e.Name.LocalName).ShouldBe(["service_request_id", "token", "service_notice", "account_id"]);
        xml.Element("request")!.Element("service_request_id")!.Value.ShouldStartWith("SI261125");
    }

    [Fact]
    public async Task A_multivalue_answer_outside_the_list_and_a_missing_required_attribute_are_400()
    {
        var bad = StreetLight("开放接口：坏的属性");
        bad.Remove("attribute[category]");
        bad["attribute[affected][]"] = "aliens";
        var errors = (await JsonAsync(await PostAsync("json", bad), HttpStatusCode.BadRequest)).EnumerateArray().ToList();
        errors.ShouldAllBe(e => e.GetProperty("code").GetInt32() == 400);
        errors.Select(e => e.GetProperty("description").GetString()).ShouldContain(d => d!.StartsWith("attribute[category]"));
        errors.Select(e => e.GetProperty("description").GetString()).ShouldContain(d => d!.StartsWith("attribute[affected]") && d.Contains("aliens"));
        (await CountAsync("开放接口：坏的属性")).ShouldBe(0);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_same_request_and_makes_one_case()
    {
        var retryKey = "retry-" + Guid.NewGuid().ToString("N");
        var first = await PostAsync("json", StreetLight("开放接口：重试一次"), retryKey);
        var again = await PostAsync("json", StreetLight("开放接口：重试一次"), retryKey);
        var firstId = (await JsonAsync(first, HttpStatusCode.Created)).EnumerateArray().Single().GetProperty("service_request_id").GetString();
        (await JsonAsync(again, HttpStatusCode.OK)).EnumerateArray().Single().GetProperty("service_request_id").GetString().ShouldBe(firstId);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await CountAsync("开放接口：重试一次")).ShouldBe(1);

        // Ten retries at once still make one case.
        var burstKey = "burst-" + Guid.NewGuid().ToString("N");
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync("json", StreetLight("开放接口：同时重试"), burstKey)));
        var ids = new List<string?>();
        foreach (var r in burst) ids.Add((await JsonAsync(r, r.StatusCode is HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK)).EnumerateArray().Single().GetProperty("service_request_id").GetString());
        ids.Distinct().Count().ShouldBe(1);
        (await CountAsync("开放接口：同时重试")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_clients_using_the_same_idempotency_key_do_not_collide()
    {
        var admin = await factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/api-keys", new { name = "第二个 Open311 客户端", roles = new[] { "Partner" } }, Ct);
        var otherKey = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        var shared = "shared-" + Guid.NewGuid().ToString("N");
        var mine = await SubmitAsync(StreetLight("开放接口：客户端甲"), shared);
        var theirs = StreetLight("开放接口：客户端乙");
        theirs["api_key"] = otherKey;
        var other = await SubmitAsync(theirs, shared);
        other.Id.ShouldNotBe(mine.Id);
    }

    [Fact]
    public async Task A_missing_or_bad_or_revoked_api_key_is_403_and_writes_nothing()
    {
        var missing = StreetLight("开放接口：无密钥");
        missing.Remove("api_key");
        (await JsonAsync(await PostAsync("json", missing), HttpStatusCode.Forbidden)).EnumerateArray().Single().GetProperty("code").GetInt32().ShouldBe(403);
        var wrong = StreetLight("开放接口：无密钥");
        wrong["api_key"] = "si_not_a_real_key";
        (await XmlAsync(await PostAsync("xml", wrong), HttpStatusCode.Forbidden)).Element("error")!.Element("code")!.Value.ShouldBe("403");

        var admin = await factory.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/api-keys", new { name = "即将吊销", roles = new[] { "Partner" } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var revoked = StreetLight("开放接口：无密钥");
        revoked["api_key"] = created.GetProperty("key").GetString()!;
        await SubmitAsync(new Dictionary<string, string>(revoked) { ["description"] = "开放接口：吊销前" });
        (await admin.DeleteAsync($"/api/api-keys/{created.GetProperty("id").GetString()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await JsonAsync(await PostAsync("json", revoked), HttpStatusCode.Forbidden)).EnumerateArray().Single().GetProperty("code").GetInt32().ShouldBe(403);
        (await CountAsync("开放接口：无密钥")).ShouldBe(0);
        (await CountAsync("开放接口：吊销前")).ShouldBe(1);
    }

    [Fact]
    public async Task A_request_needs_a_point_an_address_or_an_address_id()
    {
        var nowhere = StreetLight("开放接口：没有位置");
        nowhere.Remove("lat");
        nowhere.Remove("long");
        var error = (await JsonAsync(await PostAsync("json", nowhere), HttpStatusCode.BadRequest)).EnumerateArray().Single();
        error.GetProperty("description").GetString()!.ShouldStartWith("lat/long, address_string or address_id");
        var halfPoint = StreetLight("开放接口：没有位置");
        halfPoint.Remove("long");
        await JsonAsync(await PostAsync("json", halfPoint), HttpStatusCode.BadRequest);
        var notANumber = StreetLight("开放接口：没有位置");
        notANumber["lat"] = "north";
        (await JsonAsync(await PostAsync("json", notANumber), HttpStatusCode.BadRequest)).EnumerateArray().Single().GetProperty("description").GetString()!.ShouldStartWith("lat:");
        (await CountAsync("开放接口：没有位置")).ShouldBe(0);

        var byAddress = StreetLight("开放接口：只有地址");
        byAddress.Remove("lat");
        byAddress.Remove("long");
        byAddress["address_string"] = "遵化店镇蒲楼村村口";
        var (addressed, _) = await SubmitAsync(byAddress);
        (await OneAsync(addressed)).GetProperty("address").GetString().ShouldBe("遵化店镇蒲楼村村口");

        var byId = StreetLight("开放接口：只有地址编号");
        byId.Remove("lat");
        byId.Remove("long");
        byId["address_id"] = "410471-0042";
        var (identified, _) = await SubmitAsync(byId);
        var read = await OneAsync(identified);
        read.GetProperty("address_id").GetString().ShouldBe("410471-0042");
        read.GetProperty("address").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_description_over_4000_characters_is_400_and_one_of_4000_is_taken()
    {
        var tooLong = StreetLight("开放接口：" + new string('长', 4000));
        var error = (await JsonAsync(await PostAsync("json", tooLong), HttpStatusCode.BadRequest)).EnumerateArray().Single();
        error.GetProperty("description").GetString()!.ShouldStartWith("description:");
        var (id, _) = await SubmitAsync(StreetLight("开放接口" + new string('满', 3996)));
        (await OneAsync(id)).GetProperty("description").GetString()!.Length.ShouldBe(4000);
        var none = StreetLight("");
        none.Remove("description");
        var (named, _) = await SubmitAsync(none); // optional in the spec: the case is named after its category
        (await OneAsync(named)).GetProperty("description").GetString().ShouldBe("诉求：路灯不亮");
    }

    [Fact]
    public async Task A_request_reads_as_a_one_element_list_with_its_deadline_and_no_personal_data()
    {
        var form = StreetLight("开放接口：读取单条 <b>粗体</b>");
        form["first_name"] = "四";
        form["last_name"] = "李";
        form["phone"] = "13933334444";
        form["email"] = "lisi@example.com";
        var (id, _) = await SubmitAsync(form);

        var response = await Anonymous().GetAsync($"{Base}/requests/{id}.json", Ct);
        var json = await JsonAsync(response);
        json.ValueKind.ShouldBe(JsonValueKind.Array);
        var one = json.EnumerateArray().Single();
        one.GetProperty("service_request_id").GetString().ShouldBe(id);
        one.GetProperty("service_code").GetString().ShouldBe("request");
        one.GetProperty("status").GetString().ShouldBe("open");
        one.GetProperty("status_notes").GetString().ShouldBe("已登记，等待受理");
        one.GetProperty("description").GetString().ShouldBe("开放接口：读取单条 <b>粗体</b>");
        one.GetProperty("agency_responsible").GetString().ShouldBe("城市管理和综合执法局");
        one.GetProperty("expected_datetime").GetString().ShouldBe("2026-12-02T17:30:00+08:00");
        one.GetProperty("requested_datetime").GetString()!.ShouldMatch(IsoWithOffset().ToString());
        one.GetProperty("updated_datetime").GetString()!.ShouldMatch(IsoWithOffset().ToString());
        one.GetProperty("lat").GetDouble().ShouldBe(33.72);
        one.GetProperty("long").GetDouble().ShouldBe(113.34);
        foreach (var name in new[] { "zipcode", "media_url", "address", "address_id" }) one.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Null);
        one.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
        ]);

        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/requests/{id}.xml?extensions=true", Ct));
        xml.Name.LocalName.ShouldBe("service_requests");
        var request = xml.Elements("request").Single();
        request.Element("service_request_id")!.Value.ShouldBe(id);
        request.Element("description")!.Value.ShouldBe("开放接口：读取单条 <b>粗体</b>"); // text, escaped by the writer
        request.Element("zipcode")!.IsEmpty.ShouldBeTrue();

        foreach (var body in new[]
        {
            await Anonymous().GetStringAsync($"{Base}/requests/{id}.json?extensions=true", Ct),
            await Anonymous().GetStringAsync($"{Base}/requests/{id}.xml?extensions=true", Ct),
            await Anonymous().GetStringAsync($"{Base}/requests.json?service_request_id={id}&extensions=true", Ct),
        })
        {
            foreach (var personal in new[] { "13933334444", "李四", "四", "lisi@example.com", "example.com" }) body.ShouldNotContain(personal);
        }
    }

    [Fact]
    public async Task An_unknown_request_or_token_is_404()
    {
        (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests/SI000000NOSUCH.json", Ct), HttpStatusCode.NotFound))
            .EnumerateArray().Single().GetProperty("code").GetInt32().ShouldBe(404);
        (await XmlAsync(await Anonymous().GetAsync($"{Base}/requests/SI000000NOSUCH.xml", Ct), HttpStatusCode.NotFound))
            .Element("error")!.Element("code")!.Value.ShouldBe("404");
        await JsonAsync(await Anonymous().GetAsync($"{Base}/tokens/{Guid.NewGuid()}.json", Ct), HttpStatusCode.NotFound);
        await XmlAsync(await Anonymous().GetAsync($"{Base}/tokens/not-a-token.xml", Ct), HttpStatusCode.NotFound);
        await JsonAsync(await Anonymous().GetAsync($"{Base}/services.json?jurisdiction_id=999999", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_enterprises_request_to_its_park_is_not_a_public_service_request()
    {
        var enterprise = await factory.ClientForAsync("enterprise");
        var raised = await enterprise.PostAsJsonAsync("/api/cases", new CaseSubmission { TypeCode = "request", Category = "enterprise-service", Description = "开放接口：企业用电报装诉求", Address = "电气装备产业园区" }, Ct);
        var code = (await raised.Content.ReadFromJsonAsync<CaseView>(CaseJson, Ct))!.TrackingCode;
        await JsonAsync(await Anonymous().GetAsync($"{Base}/requests/{code}.json", Ct), HttpStatusCode.NotFound);
        (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?service_request_id={code}", Ct))).GetArrayLength().ShouldBe(0);
        (await Anonymous().GetStringAsync($"{Base}/requests.json", Ct)).ShouldNotContain("企业用电报装诉求");
    }

    [Fact]
    public async Task A_token_leads_to_its_request_id()
    {
        var (id, token) = await SubmitAsync(StreetLight("开放接口：令牌"));
        var json = (await JsonAsync(await Anonymous().GetAsync($"{Base}/tokens/{token}.json", Ct))).EnumerateArray().Single();
        json.GetProperty("service_request_id").GetString().ShouldBe(id);
        json.GetProperty("token").GetString().ShouldBe(token);
        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/tokens/{token}.xml", Ct));
        xml.Element("request")!.Element("service_request_id")!.Value.ShouldBe(id);
    }

    [Fact]
    public async Task Service_request_ids_override_every_other_filter()
    {
        var (a, _) = await SubmitAsync(StreetLight("开放接口：编号列表甲"));
        var (b, _) = await SubmitAsync(StreetLight("开放接口：编号列表乙"));
        var json = await JsonAsync(await Anonymous().GetAsync(
            $"{Base}/requests.json?service_request_id={a},{b.ToLowerInvariant()}&service_code=hazard&status=closed&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z", Ct));
        json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([a, b], ignoreOrder: true);
        var xml = await XmlAsync(await Anonymous().GetAsync($"{Base}/requests.xml?service_request_id={a},{b}", Ct));
        xml.Elements("request").Count().ShouldBe(2);
    }

    [Fact]
    public async Task Service_code_and_status_filter_the_list()
    {
        var hazard = StreetLight("开放接口：隐患筛选");
        hazard["service_code"] = "hazard";
        hazard["attribute[category]"] = "fire";
        var (hazardId, _) = await SubmitAsync(hazard);
        var (requestId, token) = await SubmitAsync(StreetLight("开放接口：将被驳回"));

        var hazards = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?service_code=hazard", Ct))).EnumerateArray().ToList();
        hazards.ShouldAllBe(r => r.GetProperty("service_code").GetString() == "hazard");
        hazards.Select(r => r.GetProperty("service_request_id").GetString()).ShouldContain(hazardId);
        var both = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?service_code=hazard,request", Ct))).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        both.ShouldContain(hazardId);
        both.ShouldContain(requestId);

        var dept = await factory.ClientForAsync("dept");
        (await dept.PostAsJsonAsync($"/api/cases/{token}/actions/Reject", new { reason = "不属于本区受理范围" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?status=closed", Ct))).EnumerateArray().ToList();
        closed.ShouldAllBe(r => r.GetProperty("status").GetString() == "closed");
        var rejected = closed.Single(r => r.GetProperty("service_request_id").GetString() == requestId);
        rejected.GetProperty("status_notes").GetString().ShouldBe("不予受理（不属于受理范围）");
        rejected.ToString().ShouldNotContain("不属于本区受理范围"); // the staff's reason stays inside
        var open = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?status=open", Ct))).EnumerateArray().ToList();
        open.ShouldAllBe(r => r.GetProperty("status").GetString() == "open");
        open.Select(r => r.GetProperty("service_request_id").GetString()).ShouldNotContain(requestId);
        await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?status=pending", Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Notes_show_the_loops_steps_without_staff_names_or_reasons()
    {
        var (id, token) = await SubmitAsync(StreetLight("开放接口：进展记录"));
        var dept = await factory.ClientForAsync("dept");
        (await dept.PostAsJsonAsync($"/api/cases/{token}/actions/Accept", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await OneAsync(id, "?extensions=true");
        read.GetProperty("status_notes").GetString().ShouldBe("已受理，等待交办");
        var notes = read.GetProperty("notes").EnumerateArray().ToList();
        notes.Select(n => n.GetProperty("summary").GetString()).ShouldBe(["提交", "受理"]);
        notes.ShouldAllBe(n => IsoWithOffset().IsMatch(n.GetProperty("datetime").GetString()!));
        read.ToString().ShouldNotContain("陈思雨"); // the dept account's display name
        read.ToString().ShouldNotContain("open311:"); // nor the client's
        (await OneAsync(id)).TryGetProperty("notes", out _).ShouldBeFalse(); // only with extensions=true
    }

    [Fact]
    public async Task Bad_dates_are_400()
    {
        foreach (var query in new[]
        {
            "start_date=yesterday",
            "start_date=2026-11-01T10:00:00", // no timezone
            "start_date=2026-11-20T00:00:00Z&end_date=2026-11-10T00:00:00Z",
            "start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z", // more than 90 days
            "page=0",
            "page_size=1001",
        })
        {
            var error = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?{query}", Ct), HttpStatusCode.BadRequest)).EnumerateArray().First();
            error.GetProperty("code").GetInt32().ShouldBe(400, query);
        }
        await XmlAsync(await Anonymous().GetAsync($"{Base}/requests.xml?end_date=soon", Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_default_window_is_90_days_and_dates_choose_another()
    {
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var old = await InsertAsync(now.AddDays(-100), 1);
        var (fresh, _) = await SubmitAsync(StreetLight("开放接口：九十天内"));

        var recent = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json", Ct))).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        recent.ShouldContain(fresh);
        recent.ShouldNotContain(old[0]);

        var at = now.AddDays(-100).ToOffset(TimeSpan.FromHours(8));
        var window = $"start_date={Uri.EscapeDataString(at.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}&end_date={Uri.EscapeDataString(at.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}";
        var then = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?{window}", Ct))).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        then.ShouldBe([old[0]]);
        var onlyStart = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?start_date={at.AddHours(-1).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", Ct)))
            .EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        onlyStart.ShouldContain(old[0]); // start_date alone: the 90 days from it
        onlyStart.ShouldNotContain(fresh);
    }

    [Fact]
    public async Task At_most_1000_requests_come_back_unless_a_page_is_asked_for()
    {
        var from = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var ids = await InsertAsync(from, 1005);
        var window = $"start_date=2026-03-01T00:00:00%2B08:00&end_date=2026-03-09T00:00:00%2B08:00";
        var all = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?{window}", Ct))).EnumerateArray().ToList();
        all.Count.ShouldBe(1000);
        all.First().GetProperty("service_request_id").GetString().ShouldBe(ids[^1]); // newest first
        var rest = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?{window}&page=2", Ct))).EnumerateArray().ToList();
        rest.Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe(ids.Take(5).Reverse());
        var small = (await JsonAsync(await Anonymous().GetAsync($"{Base}/requests.json?{window}&page=3&page_size=10", Ct))).EnumerateArray().ToList();
        small.Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe(ids.AsEnumerable().Reverse().Skip(20).Take(10));
    }

    /// <summary>Cases made directly in the past (the clock cannot go back): one per minute from <paramref name="from"/>; ids oldest first.</summary>
    private async Task<List<string>> InsertAsync(DateTimeOffset from, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var zone = await db.Set<SmartIsland.Organisation.Domain.Zone>().FirstAsync(z => z.DivisionCode == "410471", Ct);
        db.UseZone(zone.Id);
        var type = await db.Set<CaseType>().FirstAsync(t => t.Code == "request", Ct);
        var prefix = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = from.AddMinutes(i);
            var c = new Case
            {
                ZoneId = zone.Id, TrackingCode = $"{prefix}{i:D4}", CaseTypeId = type.Id, Description = "开放接口：过去的诉求", Address = "遵化店镇",
                Source = CaseSource.Open311, SubmittedAt = at, ResponseDueAt = at.AddDays(1), ResolutionDueAt = at.AddDays(7),
            };
            db.Add(c);
            ids.Add(c.TrackingCode);
        }
        db.AuditReason = "test: past cases";
        await db.SaveChangesAsync(Ct);
        return ids;
    }

    private async Task<int> CountAsync(string description)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Set<Case>().IgnoreQueryFilters().CountAsync(c => c.Description == description, Ct);
    }
}

public sealed class Open311OnSqlite(CasesSqliteFactory factory) : Open311Behaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class Open311OnPostgres(CasesPostgresFactory factory) : Open311Behaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
