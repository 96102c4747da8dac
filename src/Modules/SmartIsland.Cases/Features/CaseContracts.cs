using SmartIsland.Cases.Domain;

namespace SmartIsland.Cases.Features;

public sealed class CaseSubmission
{
    public string? TypeCode { get; set; }
    public CasePriority Priority { get; set; } = CasePriority.Normal;
    public string? Description { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? RequesterPhone { get; set; }
    public string? RequesterName { get; set; }
    /// <summary>The requester asks that their name and phone are never shown publicly (they never are; this also hides them from staff lists).</summary>
    public bool HidePersonalData { get; set; }
    /// <summary>The category code; may also come as the "category" form field.</summary>
    public string? Category { get; set; }
    /// <summary>Answers to the type's form fields: code → values (one, or several for a multi-value list).</summary>
    public Dictionary<string, List<string>>? Attributes { get; set; }
    /// <summary>Staff raising a case about an enterprise; an enterprise user's own enterprise is taken from the sign-in.</summary>
    public Guid? EnterpriseId { get; set; }
}

/// <summary>What intake made: the case, and whether it already existed (an idempotent retry).</summary>
public sealed record IntakeResult(Guid Id, string TrackingCode, DateTimeOffset SubmittedAt, DateTimeOffset ResolutionDueAt, bool Existing);

public sealed class CaseActionRequest
{
    public string? Reason { get; set; }
    public Guid? AssignToUserId { get; set; }
    public Guid? AssignToUnitId { get; set; }
    /// <summary>For Merge: the case this one duplicates (by id, or by tracking code).</summary>
    public Guid? MergeIntoCaseId { get; set; }
    public string? MergeIntoTrackingCode { get; set; }
}

/// <summary>The requester's rating after resolution; "not fixed" reopens whatever the rating.</summary>
public sealed class RatingRequest
{
    public Satisfaction? Rating { get; set; }
    public string? Comment { get; set; }
    public bool NotFixed { get; set; }
}

/// <summary>A comment on the timeline: a handler's progress update or the requester's later word.</summary>
public sealed class CommentRequest
{
    public string? Text { get; set; }
}

/// <summary>A possible duplicate shown while reporting: no description or personal data, just where, what and how far.</summary>
public sealed record NearbyCase(string TrackingCode, string CategoryName, CaseState State, DateTimeOffset SubmittedAt, int Metres);

public sealed record CaseEventView(DateTimeOffset At, string? Actor, string Action, CaseState? From, CaseState To, string? Reason);

public sealed record CasePhotoView(Guid Id, PhotoStage Stage, int Width, int Height, DateTimeOffset UploadedAt);

public sealed record CaseLink(Guid Id, string TrackingCode, CaseState State);

public sealed record CaseView(
    Guid Id, string TrackingCode, string TypeCode, string TypeName, CasePriority Priority, CaseState State,
    string Description, string? Address, double? Latitude, double? Longitude, string? RequesterPhone,
    Guid? AssignedUnitId, Guid? AssignedUserId, DateTimeOffset SubmittedAt,
    DateTimeOffset ResponseDueAt, DateTimeOffset? FirstResponseAt, DeadlineStatus Resolution,
    IReadOnlyList<CaseAction> AllowedActions, IReadOnlyList<CaseEventView> Timeline, int Version)
{
    public string? RequesterName { get; init; }
    public CaseSource Source { get; init; }
    public string? CategoryCode { get; init; }
    public string? CategoryName { get; init; }
    public IReadOnlyDictionary<string, List<string>> Attributes { get; init; } = new Dictionary<string, List<string>>();
    public string? UnitName { get; init; }
    public string? AssignedUserName { get; init; }
    public Guid? EnterpriseId { get; init; }
    public Guid? GridId { get; init; }
    public bool UnitNeedsConfirmation { get; init; }
    public int EscalationLevel { get; init; }
    public DateTimeOffset? SupervisedAt { get; init; }
    public bool ProgressOverdue { get; init; }
    public Satisfaction? Rating { get; init; }
    public string? RatingComment { get; init; }
    public IReadOnlyList<CasePhotoView> Photos { get; init; } = [];
    public CaseLink? MergedInto { get; init; }
    public IReadOnlyList<CaseLink> Duplicates { get; init; } = [];
    public Guid? InspectionRoundId { get; init; }
    public HazardLevel? HazardLevel { get; init; }
    public Rectification? Rectification { get; init; }
    public string? Measure { get; init; }
    public string? ResponsiblePerson { get; init; }
    public bool Anonymised { get; init; }
    /// <summary>Resolved and not yet rated since: the requester may rate it now.</summary>
    public bool AwaitsRating { get; init; }
}

/// <summary>The work queues staff open most (issue: my cases, my unit's queue, overdue, waiting for verification).</summary>
public enum CaseQueue
{
    All,
    Mine,
    MyUnit,
    Overdue,
    AwaitingVerification,
    Supervised,
}

public sealed record CaseQuery(
    CaseState? State = null, bool OverdueOnly = false, bool Mine = false, string? Search = null, int Page = 1, int PageSize = 20,
    CaseQueue Queue = CaseQueue.All, string? TypeCode = null, bool SortByDue = false);

public sealed record CaseListItem(Guid Id, string TrackingCode, string TypeName, CasePriority Priority, CaseState State, string Description, string? Address, DateTimeOffset SubmittedAt, DateTimeOffset ResolutionDueAt, bool Overdue)
{
    public int EscalationLevel { get; init; }
    public string? UnitName { get; init; }
    public bool UnitNeedsConfirmation { get; init; }
}

public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Total, int Page, int PageSize);

/// <summary>What the public tracking page shows: progress only, nothing personal and no staff names.</summary>
public sealed record PublicCaseView(string TrackingCode, string TypeName, string TypeNameEn, CaseState State, DateTimeOffset SubmittedAt, DateTimeOffset ResolutionDueAt, IReadOnlyList<PublicCaseStep> Steps)
{
    /// <summary>Resolved and not yet rated since: the page offers the rating form.</summary>
    public bool CanRate { get; init; }
    public Satisfaction? Rating { get; init; }
    /// <summary>A merged duplicate: the case to follow instead.</summary>
    public string? FollowCode { get; init; }
}

public sealed record PublicCaseStep(DateTimeOffset At, string Action, CaseState To);

public sealed record IntakeCategory(string Code, string Name, string NameEn);

/// <summary>A case type as intake offers it: its categories and form fields (the Open311 service and its definition).</summary>
public sealed record IntakeType(Guid Id, string Code, string Name, string NameEn, CaseKind Kind, IReadOnlyList<IntakeCategory> Categories, IReadOnlyList<FormField> Fields);

public sealed record StaffMember(Guid Id, string Name, Guid? UnitId, IReadOnlyList<string> Roles);

/// <summary>A promise another module asks the case engine to track: who owes it (unit), by when, and why.</summary>
public sealed record FollowUp(Guid ZoneId, string TypeCode, string Description, DateTimeOffset DueAt, Guid? UnitId, Guid? EnterpriseId,
    Guid? RequesterUserId, string OpenedBy, string Reason, string? Address = null);
