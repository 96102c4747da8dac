using Microsoft.EntityFrameworkCore;
using SmartIsland.Licences.Domain;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Data;

namespace SmartIsland.Licences.Connectors;

/// <summary>
/// The built-in system: the zone's shared 电子证照库 (lic_licences) — the platform's own certificates and the
/// licences mirrored from other systems, each with its source system. It answers for every type.
/// </summary>
internal sealed class PlatformLicenceConnector(IDbContextFactory<PlatformDbContext> dbs) : ILicenceConnector
{
    public string SystemCode => LicenceSystems.Platform;

    public bool Serves(string typeCode) => true;

    public async Task<IReadOnlyList<HeldLicence>> FindValidAsync(string holderKey, IReadOnlyCollection<string> typeCodes, DateOnly day, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var codes = typeCodes.ToList();
        var rows = await (from l in db.Set<Licence>().AsNoTracking()
                          join t in db.Set<LicenceType>().AsNoTracking() on l.TypeCode equals t.Code
                          where l.HolderKey == holderKey && codes.Contains(l.TypeCode) && l.Status == LicenceStatus.Valid
                                && l.ValidFrom <= day && (l.ValidUntil == null || l.ValidUntil >= day) && t.ZoneId == l.ZoneId
                          orderby l.ValidFrom descending
                          select new HeldLicence(l.TypeCode, t.Name, l.Number, l.HolderName, l.ValidFrom, l.ValidUntil, l.SourceSystem))
            .ToListAsync(ct);
        return rows;
    }
}
