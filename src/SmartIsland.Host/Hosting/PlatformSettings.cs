using SmartIsland.Platform.Data;

namespace SmartIsland.Host.Hosting;

/// <summary>Where the data lives and which database holds it; from appsettings, environment variables or the command line.</summary>
public sealed record PlatformSettings(string DataDirectory, DatabaseProvider Provider, string ConnectionString, bool DemoData)
{
    public static PlatformSettings From(IConfiguration config)
    {
        var dataDir = Path.GetFullPath(Environment.GetEnvironmentVariable("SMARTISLAND_DATA_DIR") is { Length: > 0 } env
            ? env
            : config["DataDirectory"] is { Length: > 0 } configured ? configured : "data");
        var providerText = config["Database:Provider"] ?? config["provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connection = config.GetConnectionString("Platform");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Platform (ConnectionStrings__Platform).");
            connection = $"Data Source={Path.Combine(dataDir, "smartisland.db")};Default Timeout=30";
        }
        // Demo accounts share one known password: never loaded unless asked for (./run.sh and the tests ask).
        return new PlatformSettings(dataDir, provider, connection, config.GetValue("Database:DemoData", false));
    }
}
