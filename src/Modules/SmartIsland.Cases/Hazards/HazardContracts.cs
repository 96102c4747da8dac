using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;

namespace SmartIsland.Cases.Hazards;

/// <summary>Opening an inspection round: which enterprise (or, for a place that is none, its name), when, notes.</summary>
public sealed class RoundInput
{
    public Guid? EnterpriseId { get; set; }
    /// <summary>Required when no enterprise is named (a construction site, a street); otherwise defaults to the enterprise's name.</summary>
    public string? Place { get; set; }
    /// <summary>When the inspection took place; now when omitted. Never in the future.</summary>
    public DateTimeOffset? At { get; set; }
    public string? Notes { get; set; }
}

/// <summary>Editing a round's place text and notes afterwards (the inspector and time stay as recorded).</summary>
public sealed class RoundEdit
{
    public string? Place { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A hazard found in a round. Level, rectification and deadline travel as text ("General", "RectifyByDeadline",
/// "2026-12-01") so that a bad value is a problem naming its field, from JSON and from a multipart form alike.
/// </summary>
public sealed class HazardInput
{
    public string? Description { get; set; }
    /// <summary>Where in the enterprise or place (车间、仓库…); optional.</summary>
    public string? Address { get; set; }
    /// <summary>General (一般隐患) or Major (重大隐患).</summary>
    public string? Level { get; set; }
    /// <summary>A category code of the hazard type: fire, electrical, chemicals, special-equipment, other.</summary>
    public string? Category { get; set; }
    /// <summary>FixedOnTheSpot (立行立改) or RectifyByDeadline (限期整改).</summary>
    public string? Rectification { get; set; }
    /// <summary>整改措施: what was done (fixed on the spot) or is to be done.</summary>
    public string? Measure { get; set; }
    /// <summary>整改责任人 at the enterprise or place.</summary>
    public string? ResponsiblePerson { get; set; }
    /// <summary>整改期限 as yyyy-MM-dd for RectifyByDeadline; omitted: the hazard type's policy in working days.</summary>
    public string? Deadline { get; set; }
}

/// <summary>A step of a hazard's rectification loop taken through the ledger (resolve with photos, verify, fail, close out).</summary>
public sealed class HazardActionInput
{
    public string? Reason { get; set; }
}

/// <summary>Where a hazard stands in its rectification, as the ledger names it.</summary>
public enum HazardStatus
{
    /// <summary>整改中: ordered rectified and not yet reported done (also after a failed verification).</summary>
    Rectifying,
    /// <summary>待核查: reported done, waiting for the inspector.</summary>
    AwaitingVerification,
    /// <summary>已核查待销号.</summary>
    Verified,
    /// <summary>已销号 (a hazard fixed on the spot is closed out when recorded).</summary>
    ClosedOut,
}

public enum HazardSort
{
    FoundAt,
    Deadline,
    Level,
    Status,
}

public sealed record HazardQuery(
    Guid? RoundId = null, Guid? EnterpriseId = null, HazardLevel? Level = null, HazardStatus? Status = null, bool OverdueOnly = false,
    Rectification? Rectification = null, HazardSort Sort = HazardSort.FoundAt, bool Desc = true, int Page = 1, int PageSize = 20);

/// <summary>A round's counts, the way the zone reports them ("发现隐患65条，立行立改34条，限期整改31条").</summary>
public sealed record RoundSummary(int Found, int Major, int FixedOnTheSpot, int RectifyByDeadline, int ClosedOut, int Overdue)
{
    public static RoundSummary Empty { get; } = new(0, 0, 0, 0, 0, 0);
}

public sealed record RoundView(
    Guid Id, DateTimeOffset At, Guid InspectorUserId, string InspectorName, Guid? EnterpriseId, string? EnterpriseName,
    string Place, string? Notes, RoundSummary Summary, string SummaryText, int Version);

public sealed record RoundPage(IReadOnlyList<RoundView> Items, int Total, int Page, int PageSize);

/// <summary>One line of the hazard ledger (台账). No personal data beyond the names a ledger carries.</summary>
public sealed record HazardRow(
    Guid Id, string TrackingCode, Guid RoundId, DateTimeOffset InspectedAt, string InspectorName, Guid? EnterpriseId, string Place,
    string Description, string? Address, string? CategoryCode, string? CategoryName, HazardLevel Level, Rectification Rectification,
    string? Measure, string? ResponsiblePerson, string? UnitName, DateTimeOffset? Deadline, CaseState State, HazardStatus Status,
    bool Overdue, int? WorkingDaysLeft, DateTimeOffset? ResolvedAt, string? VerifiedBy, DateTimeOffset? VerifiedAt, DateTimeOffset? ClosedOutAt);

public sealed record HazardLedgerPage(IReadOnlyList<HazardRow> Items, int Total, int Page, int PageSize);

/// <summary>A hazard with its photos, timeline and the steps this user may take now.</summary>
public sealed record HazardDetail(
    HazardRow Row, IReadOnlyList<CasePhotoView> Photos, IReadOnlyList<CaseEventView> Timeline,
    IReadOnlyList<CaseAction> AllowedActions, bool IsInspector, int Version);
