using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;

namespace SmartIsland.Cultivation.Officers;

/// <summary>A sign-in account in the ChiefServiceOfficer role: the kernel's account table, read with an explicit zone (accounts are not zone-filtered).</summary>
internal sealed record OfficerAccount(Guid Id, string Name, string? Phone);

internal static class OfficerDirectory
{
    public static async Task<List<OfficerAccount>> OfficersAsync(PlatformDbContext db, Guid zoneId, CancellationToken ct) =>
        await (from u in db.Users.AsNoTracking()
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where u.ZoneId == zoneId && r.Name == Roles.ChiefServiceOfficer
               orderby u.DisplayName
               select new OfficerAccount(u.Id, u.DisplayName, u.PhoneNumber)).ToListAsync(ct);

    /// <summary>Display names of accounts of the zone (officers past and present, who assigned them).</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(PlatformDbContext db, Guid zoneId, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => u.ZoneId == zoneId && wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
