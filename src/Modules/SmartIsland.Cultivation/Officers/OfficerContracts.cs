namespace SmartIsland.Cultivation.Officers;

/// <summary>A chief service officer of the zone, for pickers and the overview.</summary>
public sealed record OfficerInfo(Guid Id, string Name, string? Phone, int Enterprises);

/// <summary>What an enterprise page shows of its officer (the component <c>OfficerCard</c>); the phone is masked where the role does not need it.</summary>
public sealed record OfficerCardView(Guid EnterpriseId, Guid OfficerId, string OfficerName, string? Phone, bool PhoneMasked, DateTimeOffset Since, DateOnly? LastVisitOn, bool VisitOverdue);

/// <summary>One enterprise in an officer's list.</summary>
public sealed record ServedEnterprise(Guid EnterpriseId, string Name, Guid OfficerId, string OfficerName, DateTimeOffset Since, DateOnly? LastVisitOn, bool VisitOverdue, int Visits);

public sealed record ServedPage(IReadOnlyList<ServedEnterprise> Items, int Total, int Page, int PageSize);

public sealed record ServedQuery(string? Search = null, Guid? OfficerId = null, bool OverdueOnly = false, int Page = 1, int PageSize = 20);

/// <summary>An enterprise of the registry with its officer (or none), for assignment management.</summary>
public sealed record AssignableEnterprise(Guid EnterpriseId, string Name, Guid? OfficerId, string? OfficerName, int? Version);

public sealed record AssignablePage(IReadOnlyList<AssignableEnterprise> Items, int Total, int Page, int PageSize);

/// <summary>Assign or reassign. <see cref="Version"/> is the assignment's version as read (null for a first assignment); a reassignment needs a reason.</summary>
public sealed class AssignInput
{
    public Guid? OfficerUserId { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

public sealed record AssignmentChangeView(DateTimeOffset At, Guid OfficerId, string OfficerName, Guid? PreviousOfficerId, string? PreviousOfficerName, string ByName, string? Reason);

public sealed record AssignmentView(Guid EnterpriseId, Guid OfficerId, string OfficerName, DateTimeOffset Since, int Version, IReadOnlyList<AssignmentChangeView> History);

/// <summary>A visit as recorded. Requests carry the tracking code of the case each became.</summary>
public sealed class VisitInput
{
    public DateOnly? VisitedOn { get; set; }
    public string? Notes { get; set; }
    public List<string>? Requests { get; set; }
}

/// <summary>Correcting a visit's day or notes; <see cref="Version"/> as read.</summary>
public sealed class VisitEdit
{
    public DateOnly? VisitedOn { get; set; }
    public string? Notes { get; set; }
    public int? Version { get; set; }
}

public sealed record VisitRequestView(Guid Id, string Description, Guid? CaseId, string? TrackingCode);

public sealed record VisitPhotoView(Guid Id, int Width, int Height);

public sealed record VisitView(Guid Id, Guid EnterpriseId, DateOnly VisitedOn, string OfficerName, string Notes, DateTimeOffset RecordedAt,
    IReadOnlyList<VisitPhotoView> Photos, IReadOnlyList<VisitRequestView> Requests, int Version);

/// <summary>Setting one "1234" goal. Status and progress are the officer's declaration, used where the platform does not know better.</summary>
public sealed class GoalInput
{
    public int? TargetYear { get; set; }
    public int? TargetCount { get; set; }
    public string? Owner { get; set; }
    public GoalStatus? Status { get; set; }
    public int? Progress { get; set; }
    public string? Note { get; set; }
    public int? Version { get; set; }
}

public sealed record GoalView(GoalKind Kind, int TargetYear, int? TargetCount, string Owner, GoalStatus DeclaredStatus, int DeclaredProgress, string? Note,
    GoalProgress Progress, int Version);

/// <summary>The enterprise's service page: its officer, what the viewer may do, visits (newest first) and the four goals.</summary>
public sealed record EnterpriseServiceView(Guid EnterpriseId, string EnterpriseName, OfficerCardView? Officer, IReadOnlyList<AssignmentChangeView> History,
    IReadOnlyList<VisitView> Visits, IReadOnlyList<GoalView> Goals, bool CanAssign, bool CanRecordVisit, bool CanEditGoals, int? AssignmentVersion);
