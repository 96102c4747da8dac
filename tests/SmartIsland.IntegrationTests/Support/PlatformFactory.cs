using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// The whole platform on a real database of its own: a fresh SQLite file, or a fresh database in the
/// throwaway PostgreSQL cluster that ./test.sh starts (SMARTISLAND_TEST_PG). Demo data is loaded.
/// </summary>
public abstract class PlatformFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "smartisland-tests", Guid.NewGuid().ToString("N"));

    /// <summary>When set, the platform's clock starts here (deadline tests); otherwise real time.</summary>
    protected virtual DateTimeOffset? ClockStart => null;

    protected abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Platform", ConnectionString);
        builder.UseSetting("RateLimits:PublicPerMinute", "100000");
        builder.UseSetting("Database:DemoData", "true");
        // Information-level logs of a few hundred hosts bury the one failure that matters in CI's output.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (ClockStart is { } start)
        {
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(new ShiftedClock(start)));
        }
    }

    /// <summary>A client signed in as a demo account with a bearer token from /api/auth/token.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "Demo@2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string AccessToken);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* a file still open on a slow close */ }
        }
    }
}

public class SqliteFactory : PlatformFactory
{
    protected override string Provider => "Sqlite";
    protected override string ConnectionString => "";
}

/// <summary>A fresh database of its own in the throwaway cluster.</summary>
public class PostgresFactory() : PostgresDatabaseFactory("si_test_" + Guid.NewGuid().ToString("N")[..12]);

/// <summary>Case tests: the clock starts on Wednesday 2026-11-25 10:00 (+08:00), inside the loaded calendar.</summary>
public sealed class CasesSqliteFactory : SqliteFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

public sealed class CasesPostgresFactory : PostgresFactory
{
    protected override DateTimeOffset? ClockStart => new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>One app node on a named database: several of them with one name are several nodes on one database.</summary>
public sealed class PostgresNode(string database) : PostgresDatabaseFactory(database);

public abstract class PostgresDatabaseFactory(string database) : PlatformFactory
{
    protected override string Provider => "Postgres";

    /// <summary>./test.sh exports SMARTISLAND_TEST_PG for its throwaway cluster; without it these tests fail loudly.</summary>
    protected override string ConnectionString =>
        (Environment.GetEnvironmentVariable("SMARTISLAND_TEST_PG")
         ?? throw new InvalidOperationException("SMARTISLAND_TEST_PG is not set: run the tests through ./test.sh, which starts PostgreSQL."))
        + $";Database={database}";
}
