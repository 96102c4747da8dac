using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Host.Hosting;

public static class DatabaseHosting
{
    public const string SqliteMigrations = "SmartIsland.Migrations.Sqlite";
    public const string PostgresMigrations = "SmartIsland.Migrations.Postgres";

    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, PlatformSettings settings)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SmartIsland.Platform.Audit.AuditChainGate>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        // The options are built once: building them per request was about a tenth of an Open311 intake's CPU
        // (docs/benchmarks.md). The factory is scoped: each context it makes sees the scope's current user,
        // hence the zone filter.
        services.AddSingleton(sp =>
        {
            var options = new DbContextOptionsBuilder<PlatformDbContext>()
                .UseApplicationServiceProvider(sp)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            Configure(options, settings);
            return options.Options;
        });
        services.AddScoped<IDbContextFactory<PlatformDbContext>, ScopedPlatformDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContext());
        return services;
    }

    private sealed class ScopedPlatformDbContextFactory(
        DbContextOptions<PlatformDbContext> options, IEnumerable<IModuleModel> modules, ICurrentUser user, TimeProvider clock,
        SmartIsland.Platform.Audit.AuditChainGate gate) : IDbContextFactory<PlatformDbContext>
    {
        private readonly IModuleModel[] modules = [.. modules];

        public PlatformDbContext CreateDbContext() => new(options, modules, user, clock, gate);
    }

    public static void Configure(DbContextOptionsBuilder options, PlatformSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrations));
        else
            options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrations));
    }

    /// <summary>Applies pending migrations, then runs every module's seeder (idempotent).</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider root, PlatformSettings settings, CancellationToken ct = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync(ct);
            await using var wal = connection.CreateCommand();
            // WAL lets readers go on while one writer writes: the page list stays fast during an import.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().UseAllZones();
        await db.Database.MigrateAsync(ct);
        foreach (var seeder in scope.ServiceProvider.GetServices<IModuleSeeder>().OrderBy(s => s.Order))
        {
            db.ChangeTracker.Clear();
            await seeder.SeedAsync(db.UseAllZones(), new SeedOptions(settings.DemoData), ct);
        }
    }
}
