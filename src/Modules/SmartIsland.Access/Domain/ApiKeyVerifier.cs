using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;

namespace SmartIsland.Access.Domain;

/// <summary>A machine client's key that was found and is not revoked: which key, of which zone, under which name.</summary>
public sealed record VerifiedApiKey(Guid Id, Guid ZoneId, string Name);

/// <summary>
/// The Access module's public door for modules that take an API key in the request itself rather than
/// in the <c>X-Api-Key</c> header (Open311 sends <c>api_key</c> in the form body).
/// </summary>
public interface IApiKeyVerifier
{
    /// <summary>The key whose secret this is; null for an unknown or revoked key.</summary>
    Task<VerifiedApiKey?> VerifyAsync(string? secret, CancellationToken cancellationToken = default);
}

/// <summary>
/// Answers recently asked keys from memory: a machine client sends its key with every request, and the
/// lookup would otherwise be a query each time. Revoking a key on this node forgets everything at once;
/// another node (several app instances on one PostgreSQL) refuses it at most <see cref="Lifetime"/> later.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Unknown keys are remembered briefly too, so a client hammering with a bad key costs no queries.</summary>
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (VerifiedApiKey? Key, DateTimeOffset Until)> entries = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out VerifiedApiKey? key)
    {
        key = null;
        if (!entries.TryGetValue(hash, out var entry) || entry.Until <= time.GetUtcNow()) return false;
        key = entry.Key;
        return true;
    }

    public void Remember(string hash, VerifiedApiKey? key)
    {
        if (entries.Count >= MaxEntries) entries.Clear(); // a flood of made-up keys must not grow memory
        entries[hash] = (key, time.GetUtcNow() + (key is null ? UnknownLifetime : Lifetime));
    }

    public void Clear() => entries.Clear();
}

internal sealed class ApiKeyVerifier(IDbContextFactory<PlatformDbContext> dbs, ApiKeyCache cache) : IApiKeyVerifier
{
    public async Task<VerifiedApiKey?> VerifyAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200) return null;
        var hash = ApiKey.Hash(secret.Trim());
        if (cache.TryGet(hash, out var known)) return known;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        // Found by hash before any zone is known, as the header scheme does.
        var key = await db.Set<ApiKey>().IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new VerifiedApiKey(k.Id, k.ZoneId, k.Name))
            .FirstOrDefaultAsync(cancellationToken);
        cache.Remember(hash, key);
        return key;
    }
}
