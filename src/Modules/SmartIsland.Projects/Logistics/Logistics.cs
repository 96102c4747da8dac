using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Projects.Logistics;

public enum CarrierKind
{
    Express,
    Freight,
    Warehousing,
    ColdChain,
}

/// <summary>
/// 企业库: a logistics enterprise the park serves (临港物流产业园区 "三库一单": 车辆库、驾驶员库、企业库及重点企业运输需求清单),
/// with its liaison on the park side (包保联系).
/// </summary>
public sealed class Carrier : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>The enterprise in the registry; passes are issued to its credit code.</summary>
    public Guid EnterpriseId { get; set; }
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public CarrierKind Kind { get; set; }
    public Guid? ParkId { get; set; }
    public string? Liaison { get; set; }
    /// <summary>Set when the carrier leaves the library: rows are kept (passes and demands refer to them), never deleted.</summary>
    public DateOnly? DeactivatedOn { get; set; }
    public int Version { get; set; }
}

public enum VehicleKind
{
    HeavyTruck,
    MediumTruck,
    LightTruck,
    Van,
    Refrigerated,
}

/// <summary>排放: 国五, 国六 or new energy — the pass conditions read it.</summary>
public enum Emission
{
    China5 = 5,
    China6 = 6,
    NewEnergy = 9,
}

/// <summary>车辆库: a carrier's vehicle, and the transport pass (通行证) it holds now, if any.</summary>
public sealed class Vehicle : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CarrierId { get; set; }
    public string Plate { get; set; } = "";
    public VehicleKind Kind { get; set; }
    public Emission Emission { get; set; }
    /// <summary>核定载质量, tonnes.</summary>
    public decimal RatedLoad { get; set; }
    public string? PassNumber { get; set; }
    public DateOnly? PassFrom { get; set; }
    public DateOnly? PassUntil { get; set; }
    /// <summary>Set when the vehicle leaves the library (sold, scrapped); refused while it holds a live pass.</summary>
    public DateOnly? DeactivatedOn { get; set; }
    public int Version { get; set; }

    /// <summary>A pass counts until its last day; one that ended is history, not a reason to keep the vehicle listed.</summary>
    public bool HoldsLivePass(DateOnly today) => PassNumber is not null && PassUntil >= today;
}

/// <summary>驾驶员库: names, ID numbers and phones are personal data, masked for roles that do not keep the library.</summary>
public sealed class Driver : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CarrierId { get; set; }
    [PersonalData] public string Name { get; set; } = "";
    [PersonalData] public string IdNumber { get; set; } = "";
    [PersonalData] public string? Phone { get; set; }
    /// <summary>准驾车型: A2, B2, C1 …</summary>
    public string LicenceClass { get; set; } = "";
    public DateOnly? DeactivatedOn { get; set; }
    public int Version { get; set; }
}

public enum DemandStatus
{
    Open,
    Met,
    Withdrawn,
}

/// <summary>重点企业运输需求清单: what a carrier needs for a period (vehicles on the road, routes), e.g. the "双12" peak.</summary>
public sealed class TransportDemand : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CarrierId { get; set; }
    public string Title { get; set; } = "";
    public string? Cargo { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int VehiclesNeeded { get; set; }
    public string? Route { get; set; }
    public string? PeakTag { get; set; }
    public DemandStatus Status { get; set; }
    /// <summary>Why the demand was marked met or withdrawn (or reopened): shown beside the status; the audit log keeps each change.</summary>
    public string? StatusNote { get; set; }
    public int Version { get; set; }
}
