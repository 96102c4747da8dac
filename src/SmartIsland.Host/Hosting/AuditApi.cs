using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Audit;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Web;

namespace SmartIsland.Host.Hosting;

/// <summary>The audit log over REST: browse the zone's entries, verify the whole chain (Admin only).</summary>
public static class AuditApi
{
    public sealed record AuditEntryView(long Sequence, DateTimeOffset At, string? UserName, string Action, string EntityType, string? EntityId, string? Before, string? After, string? Reason, string Hash);
    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Total, int Page, int PageSize);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(PlatformPolicies.Admin);

        api.MapGet("/", async (string? entityType, string? entityId, string? user, string? action, int? page, int? pageSize, IDbContextFactory<PlatformDbContext> dbs, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 500);
            var p = Math.Max(1, page ?? 1);
            await using var db = await dbs.CreateDbContextAsync(ct);
            var q = Query(db, entityType, entityId, user, action);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(e => e.Sequence).Skip((p - 1) * size).Take(size)
                .Select(e => new AuditEntryView(e.Sequence, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason, e.Hash))
                .ToListAsync(ct);
            return TypedResults.Ok(new AuditPage(items, total, p, size));
        }).WithName("ListAuditEntries").WithSummary("The zone's audit entries, newest first.");

        api.MapGet("/verify", async (IServiceProvider services, CancellationToken ct) =>
            TypedResults.Ok(await OperatorCommands.VerifyAuditChainAsync(services, ct)))
            .WithName("VerifyAuditChain").WithSummary("Walks the whole hash chain and names the first broken entry.");
        return app;
    }

    public static IQueryable<AuditEntry> Query(PlatformDbContext db, string? entityType, string? entityId, string? user, string? action)
    {
        var q = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) q = q.Where(e => e.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) q = q.Where(e => e.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(user)) q = q.Where(e => e.UserName == user);
        if (!string.IsNullOrWhiteSpace(action)) q = q.Where(e => e.Action == action);
        return q;
    }
}
