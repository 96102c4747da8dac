using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Organisation.Domain;

public sealed record ZoneInfo(Guid Id, string Name, string ShortName, string DivisionCode, string? Hotline);
public sealed record NamedUnit(Guid Id, string Name);

/// <summary>The organisation module's public contract: what other modules may ask about the zone's units.</summary>
public interface IOrganisationDirectory
{
    Task<ZoneInfo?> CurrentZoneAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<NamedUnit>> ParksAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<NamedUnit>> DepartmentsAsync(CancellationToken cancellationToken = default);
}

internal sealed class OrganisationDirectory(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user) : IOrganisationDirectory
{
    public async Task<ZoneInfo?> CurrentZoneAsync(CancellationToken cancellationToken = default)
    {
        if (user.ZoneId is not { } zoneId) return null;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Zone>().AsNoTracking().Where(z => z.Id == zoneId)
            .Select(z => new ZoneInfo(z.Id, z.Name, z.ShortName, z.DivisionCode, z.Hotline))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NamedUnit>> ParksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Park>().AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedUnit(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NamedUnit>> DepartmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Department>().AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedUnit(p.Id, p.Name)).ToListAsync(cancellationToken);
    }
}
