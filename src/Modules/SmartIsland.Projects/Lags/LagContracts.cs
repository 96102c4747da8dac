using SmartIsland.Cases.Domain;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Lags;

/// <summary>A reason as the list shows it: the rule's figures and the sentence a leader reads.</summary>
public sealed record LagReasonView(LagReasonKind Kind, LagLevel Level, string Text, int? WorkingDays, string? Milestone, DateOnly? PlannedOn, decimal? ShareBehind,
    decimal? PlannedToDate, decimal? CompletedToDate);

/// <summary>A problem raised for a project (协调解决): the case that follows it and its state in the case engine.</summary>
public sealed record ProblemView(Guid CaseId, string TrackingCode, CaseState State, bool Open, string Description, DateTimeOffset RaisedAt, string? RaisedBy);

public sealed record LaggingProject(
    string Code, string Name, Guid? ParkId, string? ParkName, ProjectPhase Phase, string? ResponsibleLeader, LagLevel Level,
    IReadOnlyList<LagReasonView> Reasons, IReadOnlyList<ProblemView> OpenProblems);

public sealed record LaggingList(DateOnly AsOf, int Red, int Yellow, IReadOnlyList<LaggingProject> Items);

public sealed record RaiseProblemInput(string? Description);
