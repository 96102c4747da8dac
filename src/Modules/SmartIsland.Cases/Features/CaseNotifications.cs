using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Features;

/// <summary>
/// A notification as its recipient sees it; <see cref="Supervised"/> is the case's 督办 mark.
/// <see cref="AddressedTo"/> says how it reached the reader: "user", "unit" or the role's name.
/// </summary>
public sealed record NotificationView(
    Guid Id, Guid CaseId, string TrackingCode, NotificationKind Kind, int Level, bool Supervised,
    string Message, DateTimeOffset At, DateTimeOffset? ReadAt, string AddressedTo);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread, int Page, int PageSize);

/// <summary>
/// My notifications: those addressed to me, to my unit, or to a role I hold, in my zone. A notification
/// to a unit or a role is one shared message: whoever of them reads it marks it read for all.
/// </summary>
public sealed class CaseNotifications(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time)
{
    public async Task<NotificationPage> MineAsync(bool unreadOnly = false, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) throw new ForbiddenException("cases.notifications: sign in to read your notifications", "Sign in first.");
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Clamp(page, 1, 100_000);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = Mine(db);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var q = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await q.CountAsync(ct);
        var rows = await q.Join(db.Set<Case>(), n => n.CaseId, c => c.Id, (n, c) => new { n, c.TrackingCode, c.SupervisedAt })
            .OrderByDescending(r => r.n.At).ThenBy(r => r.n.Level).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return new NotificationPage(rows.Select(r => View(r.n, r.TrackingCode, r.SupervisedAt)).ToList(), total, unread, page, pageSize);
    }

    /// <summary>Marks one of my notifications read; reading it again keeps the first time.</summary>
    public async Task<NotificationView> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) throw new ForbiddenException("cases.notifications: sign in to read your notifications", "Sign in first.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var n = await db.Set<CaseNotification>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Notification not found.");
        if (!await Mine(db).AnyAsync(x => x.Id == id, ct))
            throw new ForbiddenException("cases.notifications.read: only a recipient (the person, their unit or role) marks a notification read", "This notification is not addressed to you.");
        if (n.ReadAt is null)
        {
            n.ReadAt = time.GetUtcNow();
            db.AuditReason = "notification read";
            await db.SaveChangesAsync(ct);
        }
        var c = await db.Set<Case>().AsNoTracking().Where(x => x.Id == n.CaseId).Select(x => new { x.TrackingCode, x.SupervisedAt }).FirstAsync(ct);
        return View(n, c.TrackingCode, c.SupervisedAt);
    }

    private IQueryable<CaseNotification> Mine(PlatformDbContext db)
    {
        var me = user.UserId;
        var unit = user.UnitId;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return db.Set<CaseNotification>().AsNoTracking()
            .Where(n => (me != null && n.RecipientUserId == me) || (unit != null && n.RecipientUnitId == unit) || (n.RecipientRole != null && roles.Contains(n.RecipientRole)));
    }

    private NotificationView View(CaseNotification n, string trackingCode, DateTimeOffset? supervisedAt) =>
        new(n.Id, n.CaseId, trackingCode, n.Kind, n.Level, supervisedAt is not null, n.Message, n.At, n.ReadAt,
            n.RecipientUserId is { } u && u == user.UserId ? "user" : n.RecipientUnitId is { } x && x == user.UnitId ? "unit" : n.RecipientRole ?? "");
}
