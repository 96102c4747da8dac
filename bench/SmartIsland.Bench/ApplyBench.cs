using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

/// <summary>
/// Issue 5's target: an application with 5 materials submitted in under 200 ms p95 on SQLite. Sequential multipart
/// POSTs to a running host as the demo <c>enterprise</c> account, after a warm-up:
/// <list type="bullet">
/// <item>RS-GG-001 创业担保贷款: five files uploaded (申请表, 身份证件, 创业计划书, 就业创业证, 反担保材料; 营业执照 is proved by
/// the company's e-licence), accepted and left for a person — the plain path;</item>
/// <item>YJS-MDKY 门店开业一件事: five files for two items at once, both within their published conditions, so both are
/// approved by the rules and issue a certificate in the same request — the heaviest path a submission takes.</item>
/// </list>
/// Files are 200 kB each (a scanned page), a PDF header followed by filler.
/// </summary>
internal static class ApplyBench
{
    public static async Task<int> RunAsync(string baseUrl, int requests)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var token = await http.PostAsJsonAsync("/api/auth/token", new { userName = "enterprise", password = "Demo@2026" });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString());

        // The registry's values, as the applicant leaves them (a changed one would wait for review instead).
        var prepared = await http.GetFromJsonAsync<JsonElement>("/api/services/prepare?bundle=YJS-MDKY");
        var registry = prepared.GetProperty("fields").EnumerateArray()
            .Where(f => f.GetProperty("value").ValueKind == JsonValueKind.String)
            .ToDictionary(f => f.GetProperty("definition").GetProperty("key").GetString()!, f => f.GetProperty("value").GetString());

        var file = new byte[200 * 1024];
        "%PDF-1.4\n"u8.CopyTo(file);
        file.AsSpan(9).Fill((byte)'0');

        var loan = Fields(registry, ("amount", "200000"), ("group", LoanGroup(await http.GetFromJsonAsync<JsonElement>("/api/services/prepare?item=RS-GG-001"))),
            ("purpose", "门店装修及首批进货"));
        var shop = Fields(registry, ("signArea", "12"), ("signProjection", "0.3"), ("onOwnFacade", "是"), ("blocksTraffic", "否"),
            ("eventName", "开业促销"), ("place", "门店前广场"), ("startDate", "2027-01-05"), ("durationDays", "5"), ("area", "60"), ("onMainRoad", "否"));

        var plain = await MeasureAsync(http, "/api/services/applications", new { itemCode = "RS-GG-001", fields = loan },
            ["M-LOAN-APP", "M-ID", "M-BIZPLAN", "M-EMP-CERT", "M-COUNTER"], file, requests, "Accepted");
        Console.WriteLine($"apply RS-GG-001 (5 files × 200 kB, accepted): {Latency.Summary(plain)}");
        var bundle = await MeasureAsync(http, "/api/services/bundle-applications", new { bundleCode = "YJS-MDKY", fields = shop },
            ["M-SIGN-DESIGN", "M-SIGN-SAFE", "M-PROMO-PLAN", "M-SITE-PLAN", "M-SAFETY"], file, requests, "Completed");
        Console.WriteLine($"apply YJS-MDKY bundle (5 files × 200 kB, 2 items approved by rules, 2 certificates): {Latency.Summary(bundle)}");
        return 0;
    }

    private static Dictionary<string, string?> Fields(Dictionary<string, string?> registry, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string?>(registry);
        foreach (var (k, v) in more) all[k] = v;
        return all;
    }

    /// <summary>The first option of the loan's 人员类别 choice, as the form offers it.</summary>
    private static string LoanGroup(JsonElement prepared) =>
        prepared.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("definition").GetProperty("key").GetString() == "group")
            .GetProperty("definition").GetProperty("options")[0].GetString()!;

    private static async Task<List<double>> MeasureAsync(HttpClient http, string path, object application, string[] materials, byte[] file, int requests, string expected)
    {
        var json = JsonSerializer.Serialize(application);
        MultipartFormDataContent Form()
        {
            var form = new MultipartFormDataContent { { new StringContent(json, Encoding.UTF8, "application/json"), "application" } };
            foreach (var code in materials) form.Add(new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, code, code + ".pdf");
            return form;
        }
        for (var i = 0; i < 20; i++) await SubmitAsync(http, path, Form(), expected);
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            using var form = Form();
            var sw = Stopwatch.StartNew();
            await SubmitAsync(http, path, form, expected);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static async Task SubmitAsync(HttpClient http, string path, MultipartFormDataContent form, string expected)
    {
        using var response = await http.PostAsync(path, form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
        // Every measured request did the whole work: the bundle's items completed, the loan accepted.
        if (!body.Contains($"\"stage\":\"{expected}\"", StringComparison.Ordinal)) throw new InvalidOperationException($"{path}: not {expected}: {body[..Math.Min(400, body.Length)]}");
    }
}
