using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Features;

/// <summary>Who may see and keep the zone's investment promotion, and the staff who may own a lead or a task.</summary>
internal static class InvestmentAccess
{
    public const string ReaderRoles = "Admin,ZoneLeader,DepartmentStaff,ParkStaff,ChiefServiceOfficer";
    public const string KeeperRoles = "Admin,ZoneLeader,DepartmentStaff,ParkStaff";
    public const string ReadRule = "investment.read: Admin, zone leaders, department and park staff, chief service officers";
    public const string EditRule = "investment.edit: Admin, zone leaders, department and park staff keep leads, tasks and idle sites";

    private static readonly string[] Readers = ReaderRoles.Split(',');
    private static readonly string[] Keepers = KeeperRoles.Split(',');

    public static bool CanEdit(ICurrentUser user) => user.IsInAnyRole(Keepers);

    public static Guid DemandRead(ICurrentUser user, string message) =>
        user.IsInAnyRole(Readers) && user.ZoneId is { } zone ? zone : throw new ForbiddenException(ReadRule, message);

    public static Guid DemandEdit(ICurrentUser user, string message) =>
        CanEdit(user) && user.ZoneId is { } zone ? zone : throw new ForbiddenException(EditRule, message);

    /// <summary>Staff of the zone who may own a lead or a 代办 task (the reader roles), by name.</summary>
    public static async Task<List<StaffOption>> StaffAsync(PlatformDbContext db, Guid zoneId, CancellationToken ct)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.ZoneId == zoneId && Readers.Contains(r.Name!)
                          select new { u.Id, u.DisplayName }).ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Select(r => new StaffOption(r.Id, r.DisplayName)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Optimistic concurrency on every write that changes a record: the version the writer read (If-Match, or the page's
    /// copy) is required — a write without it could overwrite unseen changes — and must still be the row's (else 412).
    /// </summary>
    public static void CheckVersion(int? expected, int actual, string requiredMessage, string staleMessage)
    {
        if (expected is not { } v) throw new ValidationFailedException("If-Match", requiredMessage);
        if (v != actual) throw new PreconditionFailedException(staleMessage);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
