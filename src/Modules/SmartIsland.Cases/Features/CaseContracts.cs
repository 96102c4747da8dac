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
}

public sealed class CaseActionRequest
{
    public string? Reason { get; set; }
    public Guid? AssignToUserId { get; set; }
    public Guid? AssignToUnitId { get; set; }
}

public sealed record CaseEventView(DateTimeOffset At, string? Actor, string Action, CaseState? From, CaseState To, string? Reason);

public sealed record CaseView(
    Guid Id, string TrackingCode, string TypeCode, string TypeName, CasePriority Priority, CaseState State,
    string Description, string? Address, double? Latitude, double? Longitude, string? RequesterPhone,
    Guid? AssignedUnitId, Guid? AssignedUserId, DateTimeOffset SubmittedAt,
    DateTimeOffset ResponseDueAt, DateTimeOffset? FirstResponseAt, DeadlineStatus Resolution,
    IReadOnlyList<CaseAction> AllowedActions, IReadOnlyList<CaseEventView> Timeline, int Version);

public sealed record CaseQuery(CaseState? State = null, bool OverdueOnly = false, bool Mine = false, string? Search = null, int Page = 1, int PageSize = 20);

public sealed record CaseListItem(Guid Id, string TrackingCode, string TypeName, CasePriority Priority, CaseState State, string Description, string? Address, DateTimeOffset SubmittedAt, DateTimeOffset ResolutionDueAt, bool Overdue);

public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Total, int Page, int PageSize);

/// <summary>What the public tracking page shows: progress only, nothing personal and no staff names.</summary>
public sealed record PublicCaseView(string TrackingCode, string TypeName, string TypeNameEn, CaseState State, DateTimeOffset SubmittedAt, DateTimeOffset ResolutionDueAt, IReadOnlyList<PublicCaseStep> Steps);

public sealed record PublicCaseStep(DateTimeOffset At, string Action, CaseState To);
