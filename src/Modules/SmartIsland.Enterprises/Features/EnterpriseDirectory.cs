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

    /// <summary>The registry's identity of an enterprise of the current zone (application forms are filled from it), by id or credit code.</summary>
    Task<EnterpriseIdentity?> IdentityAsync(Guid? enterpriseId, string? creditCode, CancellationToken cancellationToken = default);
}

/// <summary>What an application form may take from the registry. Contact details are personal data: callers mask them per role.</summary>
public sealed record EnterpriseIdentity(Guid Id, string CreditCode, string Name, string? LegalRepresentative, string? Address,
    string? ContactName, string? ContactPhone, DateOnly? RegisteredOn);

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

    public async Task<EnterpriseIdentity?> IdentityAsync(Guid? enterpriseId, string? creditCode, CancellationToken cancellationToken = default)
    {
        if (enterpriseId is null && string.IsNullOrWhiteSpace(creditCode)) return null;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var code = creditCode?.Trim().ToUpperInvariant();
        var q = db.Set<Enterprise>().AsNoTracking();
        q = enterpriseId is { } id ? q.Where(e => e.Id == id) : q.Where(e => e.CreditCode == code);
        return await q.Select(e => new EnterpriseIdentity(e.Id, e.CreditCode, e.Name, e.LegalRepresentative, e.Address, e.ContactName, e.ContactPhone, e.RegisteredOn))
            .FirstOrDefaultAsync(cancellationToken);
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
