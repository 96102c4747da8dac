using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Organisation.Domain;

public sealed record ZoneInfo(Guid Id, string Name, string ShortName, string DivisionCode, string? Hotline);
public sealed record NamedUnit(Guid Id, string Name);
public sealed record AreaView(Guid Id, Guid? ParentId, AreaKind Kind, string Name);
public sealed record GridView(Guid Id, string Name, string? AreaName, bool HasPolygon, string? GridWorker);
public sealed record PersonView(Guid Id, string Name, string? Title, string? Phone, string? Unit);
public enum UnitKind
{
    Department,
    Park,
    Town,
    Subdistrict,
    Community,
    Village,
    Grid,
}

/// <summary>Any unit a case can be routed to or measured by: a department, park, area or grid.</summary>
public sealed record UnitInfo(Guid Id, UnitKind Kind, string Name, Guid? ParentId);

/// <summary>The grid whose polygon contains a point, the grid's area, and whether the point is near its edge.</summary>
public sealed record GridMatch(Guid GridId, string GridName, Guid? AreaId, bool NearBoundary, double MetresToEdge);

public sealed record OrganisationOverview(
    IReadOnlyList<NamedUnit> Departments, IReadOnlyList<NamedUnit> Parks, IReadOnlyList<AreaView> Areas,
    IReadOnlyList<GridView> Grids, IReadOnlyList<PersonView> People);

/// <summary>The organisation module's public contract: what other modules may ask about the zone's units.</summary>
public interface IOrganisationDirectory
{
    Task<ZoneInfo?> CurrentZoneAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<NamedUnit>> ParksAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<NamedUnit>> DepartmentsAsync(CancellationToken cancellationToken = default);
    Task<OrganisationOverview> OverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>Every unit of a zone (departments, parks, areas, grids); for system work that knows its zone.</summary>
    Task<IReadOnlyList<UnitInfo>> UnitsAsync(Guid zoneId, CancellationToken cancellationToken = default);

    /// <summary>The grid of a zone whose polygon contains the point; null when none does.</summary>
    Task<GridMatch?> LocateAsync(Guid zoneId, double latitude, double longitude, CancellationToken cancellationToken = default);

    /// <summary>A zone by its division code, for system work without a signed-in zone (seeding a zone's demo data).</summary>
    Task<ZoneInfo?> ZoneByDivisionAsync(string divisionCode, CancellationToken cancellationToken = default);
}

internal sealed class OrganisationDirectory(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, GridCache gridCache) : IOrganisationDirectory
{
    public async Task<ZoneInfo?> CurrentZoneAsync(CancellationToken cancellationToken = default)
    {
        if (user.ZoneId is not { } zoneId) return null;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Zone>().AsNoTracking().Where(z => z.Id == zoneId)
            .Select(z => new ZoneInfo(z.Id, z.Name, z.ShortName, z.DivisionCode, z.Hotline))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ZoneInfo?> ZoneByDivisionAsync(string divisionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Zone>().AsNoTracking().Where(z => z.DivisionCode == divisionCode)
            .Select(z => new ZoneInfo(z.Id, z.Name, z.ShortName, z.DivisionCode, z.Hotline))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NamedUnit>> ParksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Park>().AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedUnit(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NamedUnit>> DepartmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Department>().AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedUnit(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnitInfo>> UnitsAsync(Guid zoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var units = new List<UnitInfo>();
        units.AddRange(await db.Set<Department>().IgnoreQueryFilters().AsNoTracking().Where(d => d.ZoneId == zoneId).OrderBy(d => d.Name)
            .Select(d => new UnitInfo(d.Id, UnitKind.Department, d.Name, null)).ToListAsync(cancellationToken));
        units.AddRange(await db.Set<Park>().IgnoreQueryFilters().AsNoTracking().Where(d => d.ZoneId == zoneId).OrderBy(d => d.Name)
            .Select(d => new UnitInfo(d.Id, UnitKind.Park, d.Name, null)).ToListAsync(cancellationToken));
        var areas = await db.Set<Area>().IgnoreQueryFilters().AsNoTracking().Where(d => d.ZoneId == zoneId).OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(cancellationToken);
        units.AddRange(areas.Select(a => new UnitInfo(a.Id, (UnitKind)((int)a.Kind + 1), a.Name, a.ParentId)));
        units.AddRange(await db.Set<Grid>().IgnoreQueryFilters().AsNoTracking().Where(d => d.ZoneId == zoneId).OrderBy(d => d.Name)
            .Select(d => new UnitInfo(d.Id, UnitKind.Grid, d.Name, d.AreaId)).ToListAsync(cancellationToken));
        return units;
    }

    public async Task<GridMatch?> LocateAsync(Guid zoneId, double latitude, double longitude, CancellationToken cancellationToken = default)
    {
        var grids = await gridCache.GetAsync(zoneId, async () =>
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<Grid>().IgnoreQueryFilters().AsNoTracking().Where(g => g.ZoneId == zoneId && g.GeoJson != null).ToListAsync(cancellationToken);
            return rows.Select(g => new GridCache.ZoneGrid(g.Id, g.Name, g.AreaId, GridGeometry.Rings(g.GeoJson))).ToList();
        });
        var matches = grids
            .SelectMany(g => g.Rings.Where(r => GridGeometry.Contains(r, latitude, longitude)).Select(r => (Grid: g, Ring: r)))
            .ToList();
        if (matches.Count == 0) return null;
        var (grid, ring) = matches[0];
        var toEdge = grids.Count > 1
            ? grids.SelectMany(g => g.Rings).Min(r => GridGeometry.DistanceToEdge(r, latitude, longitude))
            : GridGeometry.DistanceToEdge(ring, latitude, longitude);
        // Inside two polygons at once (overlapping drawings) is as uncertain as being near an edge.
        return new GridMatch(grid.Id, grid.Name, grid.AreaId, matches.Count > 1 || toEdge < GridGeometry.BoundaryMetres, toEdge);
    }

    /// <summary>The zone's units and people. Phones are masked unless the role needs them (administrators, leaders).</summary>
    public async Task<OrganisationOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var departments = await db.Set<Department>().AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedUnit(p.Id, p.Name)).ToListAsync(cancellationToken);
        var parks = await db.Set<Park>().AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedUnit(p.Id, p.Name)).ToListAsync(cancellationToken);
        var areas = await db.Set<Area>().AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name).Select(a => new AreaView(a.Id, a.ParentId, a.Kind, a.Name)).ToListAsync(cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var grids = await db.Set<Grid>().AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var seePhones = user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader);
        var unitNames = departments.Concat(parks).ToDictionary(u => u.Id, u => u.Name);
        return new OrganisationOverview(
            departments, parks, areas,
            grids.Select(g => new GridView(g.Id, g.Name, areas.FirstOrDefault(a => a.Id == g.AreaId)?.Name, !string.IsNullOrWhiteSpace(g.GeoJson),
                people.FirstOrDefault(p => p.Id == g.GridWorkerId)?.Name)).ToList(),
            people.Select(p => new PersonView(p.Id, p.Name, p.Title, seePhones ? p.Phone : Masking.Phone(p.Phone),
                p.DepartmentId is { } d ? unitNames.GetValueOrDefault(d) : p.ParkId is { } k ? unitNames.GetValueOrDefault(k) : null)).ToList());
    }
}
