using SmartIsland.Investment.Domain;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Investment.Features;

/// <summary>A new lead or an edit of one. Amount in 万元, area in m². Nullable so a missing value is a 400 naming it.</summary>
public sealed record LeadInput
{
    public string? InvestorName { get; init; }
    public string? ProjectName { get; init; }
    public LeadSource? Source { get; init; }
    public Guid? SourceEnterpriseId { get; init; }
    public ChainDirection? ChainDirection { get; init; }
    public string? SourceNote { get; init; }
    public string? IndustryCode { get; init; }
    public decimal? IntendedAmount { get; init; }
    public SiteKind? NeedKind { get; init; }
    public decimal? NeedArea { get; init; }
    public Guid? ParkId { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    /// <summary>The staff account that follows the lead; the creator when left out.</summary>
    public Guid? OwnerUserId { get; init; }
    public string? NextAction { get; init; }
    public DateOnly? NextActionOn { get; init; }
    /// <summary>Why it was edited (kept in the history and the audit log).</summary>
    public string? Note { get; init; }
}

public sealed record LeadQuery(LeadStage? Stage = null, Guid? OwnerUserId = null, string? Industry = null, LeadSource? Source = null, string? Search = null);

public sealed record LeadListItem(
    Guid Id, string Code, string InvestorName, string ProjectName, LeadSource Source, string? SourceEnterpriseName, ChainDirection? ChainDirection,
    string IndustryCode, decimal IntendedAmount, SiteKind? NeedKind, decimal? NeedArea, LeadStage Stage, Guid OwnerUserId, string OwnerName,
    string? NextAction, DateOnly? NextActionOn, bool NextActionOverdue, Guid? ProjectId, string? ProjectCode, int Version);

public sealed record LeadEventView(LeadEventKind Kind, LeadStage? FromStage, LeadStage? ToStage, string? Text, string ActorName, DateTimeOffset At);

public sealed record LeadView(
    Guid Id, string Code, string InvestorName, string ProjectName, LeadSource Source, Guid? SourceEnterpriseId, string? SourceEnterpriseName,
    ChainDirection? ChainDirection, string? SourceNote, string IndustryCode, decimal IntendedAmount, SiteKind? NeedKind, decimal? NeedArea,
    Guid? ParkId, string? ParkName, string? ContactName, string? ContactPhone, LeadStage Stage, string? DroppedReason, DateOnly? SignedOn, DateOnly? LandedOn,
    Guid OwnerUserId, string OwnerName, string? NextAction, DateOnly? NextActionOn, bool NextActionOverdue, Guid? ProjectId, string? ProjectCode,
    DateTimeOffset CreatedAt, int Version, IReadOnlyList<LeadEventView> History, bool CanEdit);

/// <summary>A stage change (a card moved on the board): the note says why; for Dropped it is the reason.</summary>
public sealed record StageChange(LeadStage? Stage, string? Note);

public sealed record NoteInput(string? Text);

/// <summary>
/// Turning a signed lead into a key project. Name defaults to the lead's project name, investment to its intended
/// amount, the owner to the investor; level and category are the project register's.
/// </summary>
public sealed record ConversionInput
{
    public string? Name { get; init; }
    public ProjectLevel? Level { get; init; }
    public ProjectCategory? Category { get; init; }
    public Guid? OwnerEnterpriseId { get; init; }
    public string? ResponsibleLeader { get; init; }
}

public sealed record StaffOption(Guid Id, string Name);

public sealed record SiteInput
{
    public SiteKind? Kind { get; init; }
    public string? Name { get; init; }
    public decimal? Area { get; init; }
    public Guid? ParkId { get; init; }
    public string? Location { get; init; }
    public string? OwnerName { get; init; }
    public decimal? Price { get; init; }
    public DateOnly? AvailableFrom { get; init; }
    public SiteStatus? Status { get; init; }
    public string? IndustryCode { get; init; }
    public string? Note { get; init; }
}

public sealed record SiteView(
    Guid Id, SiteKind Kind, string Name, decimal Area, Guid? ParkId, string? ParkName, string Location, string OwnerName, decimal Price,
    DateOnly AvailableFrom, SiteStatus Status, string? IndustryCode, string? Note, int Version);

/// <summary>A ranked site for a lead with the reasons in the reader's language.</summary>
public sealed record SiteMatchView(int Rank, SiteView Site, decimal AreaDeviation, IndustryBasis Industry, IReadOnlyList<string> Reasons);

public sealed record ParkIndustriesView(Guid ParkId, string ParkName, IReadOnlyList<string> Divisions, int Version);

public sealed record ParkIndustriesInput(IReadOnlyList<string>? Divisions);

/// <summary>A 代办 task: due either on a date or in a number of working days from today.</summary>
public sealed record AgencyTaskInput
{
    public string? Title { get; init; }
    public Guid? OwnerUserId { get; init; }
    public DateOnly? DueOn { get; init; }
    public int? DueInWorkingDays { get; init; }
    public string? Note { get; init; }
}

public sealed record AgencyTaskUpdate(AgencyTaskStatus? Status, string? Note);

/// <summary>A 代办 task with its lead; the project is the lead's (code once converted, else only the lead's project name).</summary>
public sealed record AgencyTaskView(
    Guid Id, Guid LeadId, string LeadCode, string InvestorName, Guid? ProjectId, string? ProjectCode, string ProjectName, string Title, Guid OwnerUserId, string OwnerName, DateOnly DueOn,
    AgencyTaskStatus Status, DateOnly? DoneOn, string? Note, int WorkingDaysLeft, bool Overdue, int Version);

/// <summary>The task list's filters: one lead's or one project's tasks, only open ones, only overdue ones (open and past their due day).</summary>
public sealed record AgencyTaskQuery(Guid? LeadId = null, Guid? ProjectId = null, bool OpenOnly = false, bool OverdueOnly = false);

public sealed record TaskProjectOption(Guid Id, string Code, string Name);
