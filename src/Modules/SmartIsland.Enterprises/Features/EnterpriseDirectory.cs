using Microsoft.EntityFrameworkCore;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Enterprises.Features;

/// <summary>What other modules may know of an enterprise: its name and the park it belongs to.</summary>
public sealed record EnterpriseRef(Guid Id, Guid ZoneId, string Name, Guid? ParkId);

/// <summary>The enterprise registry's public contract for other modules (cases route an enterprise's request to its park).</summary>
public interface IEnterpriseDirectory
{
    Task<EnterpriseRef?> FindAsync(Guid enterpriseId, CancellationToken cancellationToken = default);

    /// <summary>Names of several enterprises of the current zone, for lists and ledgers.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Enterprises of the current zone whose name or credit code contains the text, by name, one page at a time (pickers, assignment lists).</summary>
    Task<EnterpriseRefPage> SearchAsync(string? text, int skip, int take, CancellationToken cancellationToken = default);
}

public sealed record EnterpriseRefPage(IReadOnlyList<EnterpriseRef> Items, int Total);

internal sealed class EnterpriseDirectory(IDbContextFactory<PlatformDbContext> dbs) : IEnterpriseDirectory
{
    public async Task<EnterpriseRef?> FindAsync(Guid enterpriseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        // Also for public and system callers that carry no zone: the id alone identifies the enterprise.
        return await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == enterpriseId)
            .Select(e => new EnterpriseRef(e.Id, e.ZoneId, e.Name, e.ParkId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
    }

    public async Task<EnterpriseRefPage> SearchAsync(string? text, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var q = db.Set<Enterprise>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var code = t.ToUpperInvariant();
            q = q.Where(e => e.Name.Contains(t) || e.CreditCode.Contains(code));
        }
        var total = await q.CountAsync(cancellationToken);
        var items = await q.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(e => new EnterpriseRef(e.Id, e.ZoneId, e.Name, e.ParkId)).ToListAsync(cancellationToken);
        return new EnterpriseRefPage(items, total);
    }
}
