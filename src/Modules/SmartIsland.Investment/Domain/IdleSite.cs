using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Domain;

public enum SiteStatus
{
    Available,
    /// <summary>意向洽谈中: offered to a lead, not yet let.</summary>
    Reserved,
    /// <summary>已盘活: let or sold.</summary>
    Taken,
}

/// <summary>
/// An idle plant or plot of land (闲置厂房 / 闲置土地) the zone offers investors (盘活闲置资产和土地资源). Price is
/// 元/m²/月 for a plant's rent and 万元/亩 for land; area in m² either way (1 亩 = 666.67 m²).
/// </summary>
public sealed class IdleSite : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public SiteKind Kind { get; set; }
    public string Name { get; set; } = "";
    public decimal Area { get; set; }
    public Guid? ParkId { get; set; }
    public string Location { get; set; } = "";
    /// <summary>Who holds it now (an enterprise, a village collective, the zone's platform company).</summary>
    public string OwnerName { get; set; } = "";
    public decimal Price { get; set; }
    public DateOnly AvailableFrom { get; set; }
    public SiteStatus Status { get; set; }
    /// <summary>The industry the plant was built for or last used by (GB/T 4754), when known.</summary>
    public string? IndustryCode { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A park's leading industries (主导产业) as GB/T 4754 divisions (C38, C35 …): the investment guide steers an investor of
/// those industries to that park, so a site in it suits them.
/// </summary>
public sealed class ParkIndustries : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ParkId { get; set; }
    /// <summary>Divisions separated by commas, e.g. "C38,C34,C40".</summary>
    public string Divisions { get; set; } = "";
    public int Version { get; set; }

    public IReadOnlyList<string> DivisionList =>
        Divisions.Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
