using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Domain;

/// <summary>
/// A change to a reviewed (locked) year's figures. Staff apply one directly; an enterprise user's is
/// pending until staff approve or reject it. The reason is required because a reviewed year is what
/// tier results, pools and payments were decided on: whoever reads them later must see why they moved.
/// </summary>
public sealed class IndicatorCorrection : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid IndicatorId { get; set; }
    public int Year { get; set; }
    public CorrectionStatus Status { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The changed fields as JSON, <c>{"revenue":{"old":1200000,"new":1250000}}</c> (money in yuan).</summary>
    public string Changes { get; set; } = "{}";

    /// <summary>The year's version the correction was made against; approving a stale request is refused.</summary>
    public int IndicatorVersion { get; set; }
    public Guid? RequestedBy { get; set; }
    public string? RequestedByName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why staff rejected a requested correction.</summary>
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

public enum CorrectionStatus
{
    /// <summary>Requested by the enterprise; the year is unchanged until staff approve.</summary>
    Pending = 0,

    /// <summary>Written to the year (directly by staff, or an approved request).</summary>
    Applied = 1,

    Rejected = 2,
}
