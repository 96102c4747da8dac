using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Domain;

/// <summary>The four kinds of closed loop the zone runs (mission: Governance).</summary>
public enum CaseKind
{
    Request,
    Hazard,
    InspectionFinding,
    SupervisionTask,
    /// <summary>A promise another module tracks in the loop (容缺: deferred materials due by a date).</summary>
    FollowUp,
}

/// <summary>
/// A case type is data: its code, names, form fields (what a requester fills in; also the Open311 service
/// definition), categories with their routing, and deadline and escalation policy.
/// </summary>
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
    /// <summary>The type's form fields as JSON (a list of <see cref="FormField"/>).</summary>
    public string FormFieldsJson { get; set; } = "[]";
    /// <summary>Listed in public intake (the report page, Open311 services); internal types are not.</summary>
    public bool Public { get; set; }
    /// <summary>The state machine this type follows ("default", "supervision"): see <see cref="CaseWorkflow.Named"/>.</summary>
    public string Workflow { get; set; } = "default";
    public int Version { get; set; }
}

/// <summary>A category of a case type (路灯不亮, 道路破损 …) and the unit its cases are routed to.</summary>
public sealed class CaseCategory : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CaseTypeId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>The department, park or area that receives this category's cases; null: the zone's intake desk.</summary>
    public Guid? RouteToUnitId { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

/// <summary>Where a case came in: a signed-in user, the public page, an Open311 client, an inspection round.</summary>
public enum CaseSource
{
    Staff,
    Requester,
    PublicPage,
    Open311,
    Inspection,
}

/// <summary>Hazard level (隐患等级): 一般隐患 or 重大隐患.</summary>
public enum HazardLevel
{
    General,
    Major,
}

/// <summary>How a hazard is dealt with: fixed during the inspection (立行立改) or ordered rectified by a deadline (限期整改).</summary>
public enum Rectification
{
    FixedOnTheSpot,
    RectifyByDeadline,
}

/// <summary>The requester's rating after resolution (满意度): 5 very satisfied … 1 very dissatisfied.</summary>
public enum Satisfaction
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Neutral = 3,
    Satisfied = 4,
    VerySatisfied = 5,
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
    [PersonalData]
    public string? RequesterPhone { get; set; }
    /// <summary>Personal data like the phone; the requester may ask to keep both from the public.</summary>
    [PersonalData]
    public string? RequesterName { get; set; }
    public bool HidePersonalData { get; set; }
    /// <summary>When personal data was removed after the retention period; null while it is kept.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
    public CaseSource Source { get; set; }
    public Guid? CategoryId { get; set; }
    /// <summary>Answers to the type's form fields, as JSON: code → list of values.</summary>
    public string AttributesJson { get; set; } = "{}";
    /// <summary>The enterprise the case is raised by or about (an enterprise's request goes to its park).</summary>
    public Guid? EnterpriseId { get; set; }
    public Guid? GridId { get; set; }
    /// <summary>The point lies near a grid or town boundary: the handler confirms the unit.</summary>
    public bool UnitNeedsConfirmation { get; set; }
    public Guid? AssignedUnitId { get; set; }
    public Guid? AssignedUserId { get; set; }
    /// <summary>A duplicate points at the case it was merged into; that case lists its duplicates.</summary>
    public Guid? MergedIntoCaseId { get; set; }
    /// <summary>A client's Idempotency-Key (Open311 retries): one case per key and zone.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ResponseDueAt { get; set; }
    public DateTimeOffset ResolutionDueAt { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Working hours from submission to resolution, pauses excluded; set on resolution (metrics).</summary>
    public double? HandlingWorkingHours { get; set; }
    public bool? ResolvedOnTime { get; set; }
    public Satisfaction? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    /// <summary>How often the requester was unsatisfied: the first reopening goes back to the unit, the second to its supervisor.</summary>
    public int UnsatisfiedCount { get; set; }
    /// <summary>0 none; 1 escalated to the unit's supervisor (督办); 2 escalated to the zone leader.</summary>
    public int EscalationLevel { get; set; }
    /// <summary>When the case was put under supervision (督办 mark).</summary>
    public DateTimeOffset? SupervisedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>The handler's last progress update (keep-in-loop); null until the first.</summary>
    public DateTimeOffset? LastProgressAt { get; set; }
    public bool ProgressOverdue { get; set; }
    // Hazards (隐患) found in an inspection round.
    public Guid? InspectionRoundId { get; set; }
    public HazardLevel? HazardLevel { get; set; }
    public string? HazardCategory { get; set; }
    public Rectification? Rectification { get; set; }
    /// <summary>整改措施: what is to be (or was) done.</summary>
    public string? Measure { get; set; }
    /// <summary>整改责任人: the person responsible at the enterprise or place.</summary>
    [PersonalData]
    public string? ResponsiblePerson { get; set; }
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

/// <summary>Where in the loop a photo was taken.</summary>
public enum PhotoStage
{
    Report,
    Before,
    After,
    Progress,
}

/// <summary>A photo attached to a case; its type and size were checked from the content when it came in.</summary>
public sealed class CasePhoto : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CaseId { get; set; }
    public PhotoStage Stage { get; set; }
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public int Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedBy { get; set; }
}

public enum NotificationKind
{
    Reminder,
    Escalation,
    ProgressOverdue,
    Reopened,
    RequesterUpdate,
    UnitToConfirm,
}

/// <summary>A message for a person, a unit or a role about a case (a reminder, a 督办, a reopening, the requester's update).</summary>
public sealed class CaseNotification : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid CaseId { get; set; }
    public NotificationKind Kind { get; set; }
    public int Level { get; set; }
    public Guid? RecipientUserId { get; set; }
    public Guid? RecipientUnitId { get; set; }
    /// <summary>When addressed to a role of the zone (the zone leader), not a person.</summary>
    public string? RecipientRole { get; set; }
    public string Message { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>An inspection round (检查): who inspected which enterprise or place when; its hazards are cases.</summary>
public sealed class InspectionRound : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid InspectorUserId { get; set; }
    public string InspectorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public Guid? EnterpriseId { get; set; }
    public string Place { get; set; } = "";
    public string? Notes { get; set; }
    public int Version { get; set; }
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
public sealed record DeadlinePolicyData(List<DeadlinePolicyData.Row> Targets, List<CaseState> PausedIn, int? ProgressEveryWorkingDays, EscalationPolicy? Escalation = null)
{
    public sealed record Row(CasePriority Priority, DeadlineTarget Response, DeadlineTarget Resolution);

    public DeadlinePolicy ToPolicy() => new(Targets.ToDictionary(r => r.Priority, r => (r.Response, r.Resolution)), PausedIn, ProgressEveryWorkingDays, Escalation);

    public static DeadlinePolicyData From(DeadlinePolicy p) =>
        new([.. p.Targets.Select(t => new Row(t.Key, t.Value.Response, t.Value.Resolution))], [.. p.PausedIn], p.ProgressEveryWorkingDays, p.Escalation);
}
