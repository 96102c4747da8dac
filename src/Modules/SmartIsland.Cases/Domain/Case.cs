using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Domain;

/// <summary>The four kinds of closed loop the zone runs (mission: Governance).</summary>
public enum CaseKind
{
    Request,
    Hazard,
    InspectionFinding,
    SupervisionTask,
}

/// <summary>A case type is data: its code, names and deadline policy (the workflow is the default loop for now).</summary>
public sealed class CaseType : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Code { get; set; } = "";
    public CaseKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>The deadline policy as JSON (<see cref="DeadlinePolicyData"/>), editable per zone.</summary>
    public string PolicyJson { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>One case: what was asked or found, where, by whom, who handles it, and its clock.</summary>
public sealed class Case : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>The public tracking code a requester follows the case with; reveals nothing personal.</summary>
    public string TrackingCode { get; set; } = "";
    public Guid CaseTypeId { get; set; }
    public CasePriority Priority { get; set; }
    public CaseState State { get; set; } = CaseState.Submitted;
    public string Description { get; set; } = "";
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public Guid? RequesterUserId { get; set; }
    /// <summary>Personal data: masked wherever staff do not need it; never shown publicly.</summary>
    public string? RequesterPhone { get; set; }
    public Guid? AssignedUnitId { get; set; }
    public Guid? AssignedUserId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ResponseDueAt { get; set; }
    public DateTimeOffset ResolutionDueAt { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }

    public List<CaseEvent> Events { get; set; } = [];
    public List<CasePause> Pauses { get; set; } = [];
}

/// <summary>One step of the case's timeline: who did what, when, from which state to which, and why.</summary>
public sealed class CaseEvent : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string Action { get; set; } = "";
    public CaseState? FromState { get; set; }
    public CaseState ToState { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A stretch in which the case's clock stood still (waiting for the requester).</summary>
public sealed class CasePause : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
}

/// <summary>The JSON form of a <see cref="DeadlinePolicy"/> stored on a case type.</summary>
public sealed record DeadlinePolicyData(List<DeadlinePolicyData.Row> Targets, List<CaseState> PausedIn, int? ProgressEveryWorkingDays)
{
    public sealed record Row(CasePriority Priority, DeadlineTarget Response, DeadlineTarget Resolution);

    public DeadlinePolicy ToPolicy() => new(Targets.ToDictionary(r => r.Priority, r => (r.Response, r.Resolution)), PausedIn, ProgressEveryWorkingDays);

    public static DeadlinePolicyData From(DeadlinePolicy p) =>
        new([.. p.Targets.Select(t => new Row(t.Key, t.Value.Response, t.Value.Resolution))], [.. p.PausedIn], p.ProgressEveryWorkingDays);
}
