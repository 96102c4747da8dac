using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Projects.Domain;

/// <summary>
/// A reminder to one member of a project's special team that the day's progress report is missing. At most one per
/// project, member and day (a unique index), so a sweep that runs again, or on a second node, never reminds twice.
/// </summary>
public sealed class ReportReminder : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid UserId { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A problem of a lagging project raised for coordination (协调解决): the case engine owns the case and its loop; this
/// row only says which project it belongs to, so the project shows its problems until the case is closed.
/// </summary>
public sealed class ProjectProblem : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid CaseId { get; set; }
    public string TrackingCode { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string? RaisedBy { get; set; }
}
