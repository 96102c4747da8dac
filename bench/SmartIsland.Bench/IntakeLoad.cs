using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;

/// <summary>
/// Load client for the Open311 intake target (issue 3): N concurrent clients POST form-encoded service
/// requests for a fixed time, each waiting for its answer before sending the next (closed loop), with a
/// fresh Idempotency-Key each, as a careful client sends. Latencies of the measured window (after a
/// warm-up) go into one histogram; only 2xx answers count as done, and every 2xx is a committed case.
/// </summary>
internal static class IntakeLoad
{
    public const string DemoKey = "si_open311_demo_410471_Demo2026";

    private static readonly string[] Categories = ["street-light", "road", "sanitation", "noise"];
    private static readonly string[] Affected = ["pedestrians", "vehicles", "residents"];

    public static async Task<int> RunAsync(string baseUrl, string mode, int seconds, int clients, int warmupSeconds)
    {
        var path = mode switch
        {
            "open311" => "/open311/v2/requests.json",
            "raw" => "/open311/v2/bench/raw-requests.json",
            _ => throw new ArgumentException("mode is open311 or raw"),
        };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmupSeconds * (double)Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(seconds * (double)Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(() => WorkerAsync(http, path, i, measureFrom, stopAt))).ToList();
        var results = await Task.WhenAll(workers);

        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var ok = latencies.Length;
        var failures = results.SelectMany(r => r.Failures).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}").ToList();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double P(double p) => ok == 0 ? double.NaN : Ms(latencies[Math.Min(ok - 1, (int)Math.Ceiling(p * ok) - 1)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake {mode}: {clients} clients, {seconds} s measured after {warmupSeconds} s warm-up: {ok} committed (2xx), {ok / (double)seconds:F0} req/s; " +
            $"p50 {P(0.50):F1} ms, p90 {P(0.90):F1} ms, p99 {P(0.99):F1} ms, p99.9 {P(0.999):F1} ms, max {(ok == 0 ? double.NaN : Ms(latencies[^1])):F1} ms; " +
            $"failures: {(failures.Count == 0 ? "none" : string.Join(", ", failures))}"));
        var bounds = new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
        var histogram = new List<string>();
        var lower = 0.0;
        foreach (var b in bounds.Select(b => (double)b).Append(double.PositiveInfinity))
        {
            var n = latencies.Count(t => Ms(t) >= lower && Ms(t) < b);
            if (n > 0) histogram.Add(string.Create(CultureInfo.InvariantCulture, $"{(double.IsPositiveInfinity(b) ? $"≥{lower}" : $"<{b}")} ms: {n}"));
            lower = b;
        }
        Console.WriteLine("  histogram: " + string.Join(" | ", histogram));
        Console.WriteLine($"  2xx answers in the whole run, warm-up included: {results.Sum(r => r.AllOk)}");
        return failures.Count == 0 ? 0 : 1;
    }

    private sealed record WorkerResult(List<long> Latencies, List<string> Failures, int AllOk);

    private static async Task<WorkerResult> WorkerAsync(HttpClient http, string path, int worker, long measureFrom, long stopAt)
    {
        var random = new Random(worker);
        var latencies = new List<long>(32_000);
        var failures = new List<string>();
        var allOk = 0;
        for (var n = 0; ; n++)
        {
            var sent = Stopwatch.GetTimestamp();
            if (sent >= stopAt) break;
            var form = new List<KeyValuePair<string, string>>
            {
                new("api_key", DemoKey),
                new("service_code", "request"),
                new("attribute[category]", Categories[random.Next(Categories.Length)]),
                new("attribute[affected][]", Affected[random.Next(Affected.Length)]),
                // Points inside and around the demo zone's two grids, so routing does its polygon work.
                new("lat", (33.705 + random.NextDouble() * 0.03).ToString("F6", CultureInfo.InvariantCulture)),
                new("long", (113.325 + random.NextDouble() * 0.05).ToString("F6", CultureInfo.InvariantCulture)),
                new("description", $"压测：路灯不亮 #{worker}-{n}"),
                new("phone", "13800000000"),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("Idempotency-Key", $"bench-{worker}-{n}-{Guid.NewGuid():N}");
            string? failure = null;
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) failure = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = e.GetType().Name;
            }
            var done = Stopwatch.GetTimestamp();
            if (failure is null) allOk++;
            if (sent < measureFrom || done > stopAt) continue; // warm-up, or finished after the window closed
            if (failure is null) latencies.Add(done - sent);
            else failures.Add(failure);
        }
        return new WorkerResult(latencies, failures, allOk);
    }

    /// <summary>After the run (host stopped): how many rows each mode left in the database, to compare with the 2xx counts.</summary>
    public static async Task<int> CountAsync(string dataDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "smartisland.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM case_cases WHERE Source = 'Open311'), (SELECT COUNT(*) FROM bench_raw_requests), (SELECT COUNT(*) FROM platform_audit_log)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"database: {reader.GetInt64(0)} Open311 cases, {reader.GetInt64(1)} raw baseline rows, {reader.GetInt64(2)} audit entries");
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
        await using var modes = await pragma.ExecuteReaderAsync();
        await modes.ReadAsync();
        var journal = modes.GetString(0);
        await modes.NextResultAsync();
        await modes.ReadAsync();
        // 2 = FULL: every commit waits for the disk (the WAL is synced at each commit).
        Console.WriteLine($"database: journal_mode={journal}, synchronous={modes.GetInt64(0)} (the default of a new connection, as the app's)");
        return 0;
    }
}
