using System.Collections.Concurrent;

namespace SmartIsland.Organisation.Domain;

/// <summary>
/// A zone's grid polygons, parsed once and kept for a minute: routing looks a point up for every new case,
/// and reading and parsing every grid's GeoJSON each time was the largest share of an intake's work
/// (docs/benchmarks.md, Open311 intake). Grids change rarely (they are drawn once, then redrawn by
/// hand); a redrawn grid routes new cases at most <see cref="Lifetime"/> later.
/// </summary>
internal sealed class GridCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    internal sealed record ZoneGrid(Guid Id, string Name, Guid? AreaId, IReadOnlyList<(double Lon, double Lat)[]> Rings);

    private readonly ConcurrentDictionary<Guid, (IReadOnlyList<ZoneGrid> Grids, DateTimeOffset Until)> zones = new();

    public async Task<IReadOnlyList<ZoneGrid>> GetAsync(Guid zoneId, Func<Task<IReadOnlyList<ZoneGrid>>> load)
    {
        if (zones.TryGetValue(zoneId, out var entry) && entry.Until > time.GetUtcNow()) return entry.Grids;
        var grids = await load();
        zones[zoneId] = (grids, time.GetUtcNow() + Lifetime);
        return grids;
    }

    public void Forget(Guid zoneId) => zones.TryRemove(zoneId, out _);
}
