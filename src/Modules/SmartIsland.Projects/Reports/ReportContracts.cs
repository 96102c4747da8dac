using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Reports;

/// <summary>A daily report as sent: text, an optional position (WGS-84) from the phone.</summary>
public sealed record ReportInput(string? Text, double? Latitude, double? Longitude);

/// <summary>An uploaded photo; <see cref="TooLarge"/> when it was over the limit and left unread.</summary>
public sealed record ReportPhotoFile(string? FileName, byte[] Content, bool TooLarge = false);

public sealed record ReportView(Guid Id, DateOnly Day, DateTimeOffset SubmittedAt, string? AuthorName, string Text, double? Latitude, double? Longitude, IReadOnlyList<Guid> PhotoIds);

public sealed record TimelineDay(DateOnly Day, IReadOnlyList<ReportView> Reports);

/// <summary>
/// The project as its reports page shows it: who may report, today's reports and reminders for the reader, and the
/// timeline newest day first.
/// </summary>
public sealed record ReportTimeline(
    string Code, string Name, ProjectPhase Phase, DateOnly Today, bool MayReport, bool ReportedToday, bool RemindedToday, DateTimeOffset DueAt,
    IReadOnlyList<TimelineDay> Days);

public sealed record MissingReport(string Code, string Name, Guid? ParkId, string? ParkName, ProjectPhase Phase, DateOnly? LastReportDay, int TeamSize);

/// <summary>
/// Projects under way without a report for <see cref="Day"/>. <see cref="IsReportDay"/> is false on weekends and public
/// holidays (调休 working days are report days); until <see cref="DueAt"/> has passed nothing is missing yet.
/// </summary>
public sealed record MissingReports(DateOnly Day, bool IsReportDay, DateTimeOffset DueAt, bool DuePassed, IReadOnlyList<MissingReport> Items);

public sealed record ReminderView(Guid Id, string ProjectCode, string ProjectName, DateOnly Day, DateTimeOffset At);
