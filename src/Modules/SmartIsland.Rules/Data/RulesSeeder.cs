using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Rules.Data;

/// <summary>
/// Loads the official rule sets shipped in the assembly. A shipped correction (a fixed threshold, a new
/// version) replaces the stored national text on the next start; zones' own versions are never touched.
/// </summary>
internal sealed class RulesSeeder(TimeProvider clock) : IModuleSeeder
{
    public int Order => 15;

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        var stored = await db.Set<RuleSetRecord>().IgnoreQueryFilters().Where(r => r.ZoneId == null).ToListAsync(cancellationToken);
        foreach (var def in RuleSetLibrary.Official)
        {
            var json = RuleSetLibrary.ToJson(def);
            var row = stored.FirstOrDefault(r => r.Code == def.Code && r.SetVersion == def.Version);
            if (row is null)
            {
                db.Add(new RuleSetRecord
                {
                    Code = def.Code, SetVersion = def.Version, EffectiveFrom = def.EffectiveFrom, EffectiveUntil = def.EffectiveUntil,
                    Official = true, Definition = json, UpdatedAt = clock.GetUtcNow(),
                });
            }
            else if (row.Definition != json)
            {
                row.Definition = json;
                row.EffectiveFrom = def.EffectiveFrom;
                row.EffectiveUntil = def.EffectiveUntil;
                row.UpdatedAt = clock.GetUtcNow();
            }
        }
        db.AuditReason = "official rule sets shipped with the platform";
        await db.SaveChangesAsync(cancellationToken);
    }
}
