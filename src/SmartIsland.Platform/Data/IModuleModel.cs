using Microsoft.EntityFrameworkCore;

namespace SmartIsland.Platform.Data;

/// <summary>
/// How a module adds its own tables to the one platform database. A module configures only its own
/// entities (table names prefixed with the module's name) and reaches other modules through their
/// public contracts, never through their tables. See docs/adr/0002-one-database-module-owned-tables.md.
/// </summary>
public interface IModuleModel
{
    void Configure(ModelBuilder modelBuilder, DatabaseProvider provider);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
