using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Data;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Host.Hosting;

/// <summary>Tells modules that seed per zone which zones exist (zones belong to the organisation module).</summary>
internal sealed class HostZoneList(IDbContextFactory<PlatformDbContext> dbs) : IZoneList
{
    public async Task<IReadOnlyList<Guid>> ZoneIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Zone>().AsNoTracking().Select(z => z.Id).ToListAsync(cancellationToken);
    }

    public async Task<Guid?> FindAsync(string divisionCode, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Zone>().AsNoTracking().Where(z => z.DivisionCode == divisionCode).Select(z => (Guid?)z.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
