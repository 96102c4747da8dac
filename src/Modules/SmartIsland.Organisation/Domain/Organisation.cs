using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Organisation.Domain;

/// <summary>A high-tech zone (高新区): the tenant. Identified to the public by its GB/T 2260 division code.</summary>
public sealed class Zone
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string DivisionCode { get; set; } = "";
    public string? Hotline { get; set; }
}

/// <summary>A department (部门 / 局) of the zone administration: approves, supervises, handles.</summary>
public sealed class Department : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>An industrial park (园区) inside the zone.</summary>
public sealed class Park : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

public enum AreaKind
{
    Town = 1,
    Subdistrict = 2,
    Community = 3,
    Village = 4,
}

/// <summary>An administrative area: a town (镇) or subdistrict (街道), and the communities and villages under it.</summary>
public sealed class Area : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid? ParentId { get; set; }
    public AreaKind Kind { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>A patrol grid (网格) with its named grid worker; the polygon (GeoJSON) is optional.</summary>
public sealed class Grid : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid? AreaId { get; set; }
    public string Name { get; set; } = "";
    public string? GeoJson { get; set; }
    public Guid? GridWorkerId { get; set; }
    public int Version { get; set; }
}

/// <summary>A person known to the zone (staff, grid worker, contact). Names in demo data are fictional.</summary>
public sealed class Person : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Name { get; set; } = "";
    [PersonalData]
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? ParkId { get; set; }
    public Guid? AreaId { get; set; }
    public int Version { get; set; }
}
