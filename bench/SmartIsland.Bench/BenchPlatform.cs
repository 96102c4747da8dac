using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;

/// <summary>
/// The platform's services without the web host, on a data folder (SQLite) or SMARTISLAND_BENCH_PG, migrated and seeded
/// with the demo zone — the one setup every in-process bench step uses, registered as the host registers it.
/// </summary>
internal static class BenchPlatform
{
    public static Task<ServiceProvider> StartAsync(string dataDir, bool postgresWhenSet = false)
    {
        var values = new Dictionary<string, string?> { ["DataDirectory"] = dataDir, ["Database:DemoData"] = "true" };
        if (postgresWhenSet && Environment.GetEnvironmentVariable("SMARTISLAND_BENCH_PG") is { Length: > 0 } pg)
        {
            values["Database:Provider"] = "Postgres";
            values["ConnectionStrings:Platform"] = pg;
        }
        return StartAsync(values);
    }

    private static async Task<ServiceProvider> StartAsync(Dictionary<string, string?> values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var settings = PlatformSettings.From(config);
        // Seeders read settings (IConfiguration) as they do in the host.
        var services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<IConfiguration>(config);
        services.AddPlatformDatabase(settings).AddModules(config, settings).AddDemoData();
        var provider = services.BuildServiceProvider();
        await DatabaseHosting.MigrateAndSeedAsync(provider, settings);
        return provider;
    }
}
