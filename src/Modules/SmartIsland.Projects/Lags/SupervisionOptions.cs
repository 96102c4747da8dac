namespace SmartIsland.Projects.Lags;

/// <summary>
/// Settings of project supervision, section <c>Projects</c> (appsettings or <c>Projects__ReportDueTime</c>).
/// </summary>
/// <remarks>
/// Decision (ADR-style, issue 6 §2–3). Context: the zone's seeds ask that a project "without today's report by a
/// configurable time is listed and its team reminded" and that lagging projects are "flagged by the platform rather than
/// discovered at a meeting", with a level; neither the seeds nor the zone's rules give numbers. Decision: defaults that
/// the zone's project office can change without a release — report due at 18:00 China time on working days; a milestone
/// overdue by one working day is yellow and by <see cref="LagThresholds.MilestoneRedWorkingDays"/> red; investment more
/// than 20 % behind the year plan's monthly pace is yellow, more than 40 % red; 3 working days without a report yellow, 5
/// red. Consequences: the thresholds are the zone's choice, not law — the lagging list names each reason with its figure
/// so a leader sees why, and changing a number changes the list on the next read (nothing is stored per project).
/// </remarks>
public sealed class SupervisionOptions
{
    public const string Section = "Projects";

    /// <summary>The time of day (China time) by which a working day's progress report is due.</summary>
    public TimeOnly ReportDueTime { get; set; } = new(18, 0);

    public LagThresholds Lag { get; set; } = new();
}

/// <summary>The lag rule's thresholds (<see cref="LagRule"/>); see <see cref="SupervisionOptions"/> for why these values.</summary>
public sealed class LagThresholds
{
    /// <summary>A milestone this many working days overdue (or more) is red; one working day makes it yellow.</summary>
    public int MilestoneRedWorkingDays { get; set; } = 10;

    /// <summary>Investment behind the planned pace by more than this share of the planned amount: yellow.</summary>
    public decimal InvestmentYellowBehind { get; set; } = 0.20m;

    /// <summary>Behind by more than this share: red.</summary>
    public decimal InvestmentRedBehind { get; set; } = 0.40m;

    /// <summary>This many working days in a row without a report (today not counted): yellow.</summary>
    public int ReportYellowWorkingDays { get; set; } = 3;

    /// <summary>This many: red.</summary>
    public int ReportRedWorkingDays { get; set; } = 5;
}
