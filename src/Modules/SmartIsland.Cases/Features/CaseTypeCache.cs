using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Features;

/// <summary>A case type as intake checks a submission against it: the type, its categories, its form and its deadlines.</summary>
internal sealed record IntakeForm(CaseType Type, IReadOnlyList<CaseCategory> Categories, IReadOnlyList<FormField> Fields, DeadlinePolicy Policy);

/// <summary>
/// Case types as intake reads them, kept for half a minute per zone: every submission needs its type,
/// categories and form, and they change only when an administrator edits them — which forgets the
/// zone's entries on that node at once (<see cref="CaseTypeAdministration"/>); another node follows at
/// most <see cref="Lifetime"/> later. Three queries per intake fewer (docs/benchmarks.md, Open311 intake).
/// </summary>
public sealed class CaseTypeCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Codes come from clients: unknown ones are remembered too, within a bound.</summary>
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<(Guid Zone, string Code), (IntakeForm? Form, DateTimeOffset Until)> entries = new();

    /// <summary>The type with this code in the zone <paramref name="db"/> is filtered to; null when there is none.</summary>
    internal async Task<IntakeForm?> GetAsync(PlatformDbContext db, Guid zoneId, string code, CancellationToken ct)
    {
        if (entries.TryGetValue((zoneId, code), out var entry) && entry.Until > time.GetUtcNow()) return entry.Form;
        var type = await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);
        IntakeForm? form = null;
        if (type is not null)
        {
            var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.CaseTypeId == type.Id).ToListAsync(ct);
            form = new IntakeForm(type, categories, await CaseService.FormAsync(db, type, ct),
                JsonSerializer.Deserialize<DeadlinePolicyData>(type.PolicyJson, CaseJson.Options)!.ToPolicy());
        }
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[(zoneId, code)] = (form, time.GetUtcNow() + Lifetime);
        return form;
    }

    /// <summary>An administrator changed a type or its categories: read the zone's types afresh.</summary>
    public void Forget(Guid zoneId)
    {
        foreach (var key in entries.Keys.Where(k => k.Zone == zoneId)) entries.TryRemove(key, out _);
    }
}
