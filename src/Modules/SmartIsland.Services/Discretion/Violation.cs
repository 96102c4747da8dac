using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Services.Discretion;

/// <summary>What a penalty decision comes to: no fine (免予罚款) or a fine.</summary>
public enum PenaltyDecision
{
    Exempt,
    Fine,
}

/// <summary>
/// 违法行为记录 of a penalty item that carries a discretion rule: what the officer saw, what the platform decided
/// from it under the rule, and — when an officer overrode it — the final decision with who and why.
/// </summary>
public sealed class Violation : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>记录编号, quoted on the notice.</summary>
    public string Number { get; set; } = "";
    public Guid ItemId { get; set; }
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    public string RuleCode { get; set; } = "";

    /// <summary>号牌号码 as written on the record; it identifies a vehicle's keeper, so it is personal data.</summary>
    [PersonalData]
    public string Plate { get; set; } = "";
    /// <summary>The plate without spaces or dots, upper case: what "the same vehicle" is matched on.</summary>
    [PersonalData]
    public string PlateKey { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>轻微: the officer's finding that the violation is minor (no obstruction, driver present or left at once …).</summary>
    public bool Minor { get; set; }
    public string? Note { get; set; }
    public Guid? OfficerUserId { get; set; }
    public string OfficerName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The rule's cycle the violation fell in, e.g. "2026H2".</summary>
    public string Cycle { get; set; } = "";
    /// <summary>Which minor violation of the vehicle in the cycle this is (1 = first); 0 for a non-minor one.</summary>
    public int OrdinalInCycle { get; set; }

    public PenaltyDecision PlatformDecision { get; set; }
    public decimal? PlatformFine { get; set; }
    public string PlatformReason { get; set; } = "";

    public PenaltyDecision FinalDecision { get; set; }
    public decimal? FinalFine { get; set; }
    public bool Overridden { get; set; }
    public Guid? OverriddenByUserId { get; set; }
    public string? OverriddenByName { get; set; }
    public string? OverrideReason { get; set; }
    public DateTimeOffset? OverriddenAt { get; set; }

    /// <summary>
    /// Set only on the exempt one: "{rule}|{plate}|{cycle}". A unique index on it means two officers recording the
    /// same vehicle at the same moment cannot both grant the cycle's one exemption.
    /// </summary>
    public string? ExemptionKey { get; set; }
    public int Version { get; set; }
}
