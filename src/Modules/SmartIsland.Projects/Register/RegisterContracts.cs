using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Register;

public enum ProjectSort
{
    Code,
    Name,
    Phase,
    TotalInvestment,
    SignedOn,
}

/// <summary>Filters, sort and page of the project list; the same query drives the page, the API and the Excel export.</summary>
public sealed record ProjectQuery(
    string? Search = null,
    Guid? ParkId = null,
    ProjectPhase? Phase = null,
    ProjectLevel? Level = null,
    ProjectCategory? Category = null,
    ProjectSort Sort = ProjectSort.Code,
    bool Descending = false,
    int Page = 1,
    int PageSize = 20);

public sealed record ProjectPage(IReadOnlyList<ProjectListItem> Items, int Total, int Page, int PageSize);

public sealed record ProjectListItem(
    Guid Id, string Code, string Name, ProjectLevel Level, ProjectCategory Category, Guid? ParkId, string? ParkName, string? OwnerName,
    decimal TotalInvestment, ProjectPhase Phase, DateOnly SignedOn, DateOnly? StartedOn, DateOnly? InProductionOn, string? ResponsibleLeader,
    int OverdueMilestones);

/// <summary>A project as this user may see it, with what they may do (<see cref="CanEdit"/>) and the version to send back.</summary>
public sealed record ProjectDetail(
    Guid Id, string Code, string Name, ProjectLevel Level, ProjectCategory Category, Guid? ParkId, string? ParkName,
    Guid? OwnerEnterpriseId, string? OwnerName, string? Description, decimal TotalInvestment, ProjectPhase Phase,
    DateOnly SignedOn, DateOnly? StartedOn, DateOnly? CompletedOn, DateOnly? InProductionOn, string? ResponsibleLeader,
    double? Latitude, double? Longitude, Guid? SourceLeadId, int Version, bool CanEdit,
    IReadOnlyList<MemberView> Members, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<YearPlanView> YearPlans,
    IReadOnlyList<InvestmentView> Investments, IReadOnlyList<PhaseStep> Timeline, Guid? ResponsibleLeaderUserId = null);

public sealed record MemberView(Guid UserId, string DisplayName, MemberRole Role);

/// <summary>A milestone with its planned and actual day; overdue when its planned day has passed without it being reached.</summary>
public sealed record MilestoneView(Guid Id, int SortOrder, string Name, DateOnly PlannedOn, DateOnly? ActualOn, bool Overdue, bool Late);

public sealed record YearPlanView(int Year, decimal PlannedInvestment);

public sealed record InvestmentView(int Year, int Month, decimal Amount, DateTimeOffset ReportedAt, string? ReportedBy);

/// <summary>One phase on the timeline: reached on a day, or not yet.</summary>
public sealed record PhaseStep(ProjectPhase Phase, DateOnly? ReachedOn, bool Reached);

/// <summary>Editable facts of a project (phase and its days move only through <c>advance</c>). Investment in 万元.</summary>
public sealed class ProjectInput
{
    public string? Name { get; set; }
    public ProjectLevel Level { get; set; }
    public ProjectCategory Category { get; set; }
    public Guid? ParkId { get; set; }
    public Guid? OwnerEnterpriseId { get; set; }
    public string? OwnerName { get; set; }
    public string? Description { get; set; }
    public decimal TotalInvestment { get; set; }
    public DateOnly? SignedOn { get; set; }
    /// <summary>分包领导 as it prints; replaced by the account's name when <see cref="ResponsibleLeaderUserId"/> is set.</summary>
    public string? ResponsibleLeader { get; set; }
    /// <summary>The 分包领导's account (a zone leader or department staff of the zone), when picked.</summary>
    public Guid? ResponsibleLeaderUserId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The version read; If-Match takes precedence over it on the API.</summary>
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Moves the project to a later phase, reached on <see cref="ReachedOn"/>.</summary>
public sealed record PhaseAdvance(ProjectPhase Phase, DateOnly? ReachedOn, int? Version = null, string? Reason = null);

public sealed record MemberInput(Guid UserId, MemberRole Role);

public sealed record MembersInput(IReadOnlyList<MemberInput>? Members, int? Version = null, string? Reason = null);

public sealed record MilestoneInput(Guid? Id, string? Name, DateOnly? PlannedOn, DateOnly? ActualOn);

/// <summary>The whole milestone list in order (rows left out are removed).</summary>
public sealed record MilestonesInput(IReadOnlyList<MilestoneInput>? Milestones, int? Version = null, string? Reason = null);

public sealed record YearPlanInput(decimal PlannedInvestment, int? Version = null, string? Reason = null);

public sealed record InvestmentInput(decimal Amount, int? Version = null, string? Reason = null);

/// <summary>An account of the zone that can be put on a project's team.</summary>
public sealed record PersonOption(Guid Id, string Name, IReadOnlyList<string> Roles);

/// <summary>An enterprise of the zone's registry that can own a project (the owner picker).</summary>
public sealed record OwnerOption(Guid Id, string Name);
