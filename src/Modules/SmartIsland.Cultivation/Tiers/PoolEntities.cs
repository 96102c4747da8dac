using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// The latest standing of one enterprise against one tier rule set, as the last screening found it. A derived
/// snapshot: each screening replaces the zone's rows in one transaction (audited as one "Screen" action with its
/// counts, not row by row — the figures it derives from are audited where they are written).
/// </summary>
public sealed class TierStanding : IZoneOwned
{
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string Code { get; set; } = "";
    public string SetVersion { get; set; } = "";
    public int Year { get; set; }
    public string Outcome { get; set; } = "";
    public decimal? ScoreLow { get; set; }
    public decimal? ScoreHigh { get; set; }
    public decimal Closeness { get; set; }
    /// <summary>The unmet or undecided leaf criteria (<see cref="GapItem"/> as JSON): what is missing.</summary>
    public string Gaps { get; set; } = "[]";
    public DateTimeOffset EvaluatedAt { get; set; }
    public Guid RunId { get; set; }
}

/// <summary>One screening of a zone: when, who or what started it, how many were evaluated and how long it took.</summary>
public sealed class ScreeningRun : IZoneOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ZoneId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary><see cref="ScreeningTriggers"/>: the nightly job, the page's button or the API.</summary>
    public string Trigger { get; set; } = "";
    public string? TriggeredBy { get; set; }
    public string Status { get; set; } = ScreeningStatus.Running;
    public int Enterprises { get; set; }
    public int Evaluations { get; set; }
    public int Eligible { get; set; }
    public int NotEligible { get; set; }
    public int NeedsConfirmation { get; set; }
    public int Entered { get; set; }
    public int Left { get; set; }
    public long EvaluateMs { get; set; }
    public long WriteMs { get; set; }
    public string? Error { get; set; }
}

public static class ScreeningStatus
{
    public const string Running = nameof(Running);
    public const string Done = nameof(Done);
    public const string Failed = nameof(Failed);
}

public static class ScreeningTriggers
{
    public const string Nightly = "nightly";
    public const string Button = "button";
    public const string Api = "api";
}

/// <summary>A zone's pool settings: the least closeness that puts an enterprise in a reserve pool (default 0.8).</summary>
public sealed class PoolSettings : IZoneOwned, IVersioned
{
    public const decimal DefaultMinCloseness = 0.8m;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ZoneId { get; set; }
    public decimal MinCloseness { get; set; } = DefaultMinCloseness;
    public int Version { get; set; }
}

/// <summary>
/// An enterprise in (or once in) the reserve pool of one tier (后备培育库). The row stays when the enterprise
/// leaves (<see cref="LeftAt"/>), so its plan and responsible person are there if it comes back.
/// </summary>
public sealed class PoolEntry : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ZoneId { get; set; }
    public string Code { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public string EnterpriseName { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public Guid? ParkId { get; set; }
    public decimal Closeness { get; set; }
    public string Outcome { get; set; } = "";
    /// <summary>1 = closest; null while out of the pool.</summary>
    public int? Rank { get; set; }
    /// <summary>Added by hand: stays although its closeness is under the minimum (not when it qualifies or holds the title).</summary>
    public bool AddedByHand { get; set; }
    /// <summary>Removed by hand: screening does not bring it back; only a hand-add does.</summary>
    public bool RemovedByHand { get; set; }
    public string? HandReason { get; set; }
    public Guid? ResponsibleUserId { get; set; }
    public string? ResponsibleName { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public DateTimeOffset? PlanUpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One action of an entry's one-enterprise plan (一企一策): what, who, by when, done.</summary>
public sealed class PlanAction : IZoneOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ZoneId { get; set; }
    public Guid EntryId { get; set; }
    public int Sort { get; set; }
    public string Title { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public bool Done { get; set; }
}

/// <summary>What happened to an enterprise in a pool: entered, left, rank changed, given a responsible person, its plan changed.</summary>
public sealed class PoolEvent : IZoneOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ZoneId { get; set; }
    public string Code { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public int? FromRank { get; set; }
    public int? ToRank { get; set; }
    public decimal? Closeness { get; set; }
    /// <summary>The screening run that caused it; null when a person did.</summary>
    public Guid? RunId { get; set; }
    public string? ActorName { get; set; }
    /// <summary>Why: a <see cref="LeaveReasons"/> code for screening, the person's own words otherwise.</summary>
    public string? Reason { get; set; }
}

public static class PoolEventKinds
{
    public const string Entered = nameof(Entered);
    public const string Left = nameof(Left);
    public const string RankChanged = nameof(RankChanged);
    public const string ResponsibleChanged = nameof(ResponsibleChanged);
    public const string PlanChanged = nameof(PlanChanged);
}

/// <summary>Why screening moved an enterprise (codes stored in <see cref="PoolEvent.Reason"/>; pages show them in words).</summary>
public static class LeaveReasons
{
    public const string Candidate = "screening:candidate";
    public const string Eligible = "screening:eligible";
    public const string TitleHeld = "screening:titleHeld";
    public const string BelowMinimum = "screening:belowMinimum";
    public const string NotInRegistry = "screening:notInRegistry";
}
