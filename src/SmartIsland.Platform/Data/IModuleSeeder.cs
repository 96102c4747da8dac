namespace SmartIsland.Platform.Data;

/// <summary>
/// Puts a module's reference data (and, when demo data is on, its demo rows) into an empty or
/// older database at start. Seeders run in <see cref="Order"/> after migrations, and must be
/// idempotent: a second start adds nothing.
/// </summary>
public interface IModuleSeeder
{
    int Order { get; }
    Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken);
}

public sealed record SeedOptions(bool DemoData);
