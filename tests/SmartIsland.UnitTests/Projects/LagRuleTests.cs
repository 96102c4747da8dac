using Shouldly;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;

namespace SmartIsland.UnitTests.Projects;

/// <summary>
/// Issue 6 §3: a milestone past due, investment behind the planned pace, or days without reports make a project
/// lagging, with a level and the reason — each reason triggers and clears, counted in working days of the shipped
/// 2026 calendar (国庆 1–7 October, 调休 Saturday 10 October).
/// </summary>
public sealed class LagRuleTests
{
    private static readonly SmartIsland.Calendar.Domain.WorkingDayCalendar Calendar = ShippedCalendar.Load();
    private static readonly LagThresholds Defaults = new();
    private static readonly Dictionary<int, decimal> NoInvestment = [];

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static LagFacts Facts(
        ProjectPhase phase = ProjectPhase.UnderConstruction, MilestoneFact[]? milestones = null, decimal? yearPlan = null,
        Dictionary<int, decimal>? investment = null, string? lastReport = null, string started = "2026-03-02") =>
        new(phase, D("2026-01-15"), D(started), milestones ?? [], yearPlan, investment ?? NoInvestment, lastReport is null ? null : D(lastReport));

    private static LagAssessment Assess(LagFacts facts, string today) => LagRule.Assess(facts, D(today), Calendar, Defaults);

    // A report yesterday keeps the reports rule quiet in the milestone and investment tests.
    private static string DayBefore(string today) => D(today).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_milestone_past_its_planned_day_is_overdue_by_working_days_and_clears_when_reached()
    {
        var planned = new MilestoneFact("主体封顶", D("2026-11-20"), null); // a Friday
        Assess(Facts(milestones: [planned], lastReport: "2026-11-20"), "2026-11-21").Lagging.ShouldBeFalse(); // Saturday: no working day has passed
        var monday = Assess(Facts(milestones: [planned], lastReport: "2026-11-22"), "2026-11-23");
        monday.Level.ShouldBe(LagLevel.Yellow);
        var reason = monday.Reasons.ShouldHaveSingleItem();
        (reason.Kind, reason.WorkingDays, reason.Milestone, reason.PlannedOn).ShouldBe((LagReasonKind.MilestoneOverdue, 1, "主体封顶", D("2026-11-20")));

        var reached = planned with { ActualOn = D("2026-11-23") };
        Assess(Facts(milestones: [reached], lastReport: "2026-11-22"), "2026-11-23").Lagging.ShouldBeFalse();
    }

    [Fact]
    public void A_milestone_ten_working_days_overdue_is_red_and_nine_is_yellow()
    {
        var planned = new MilestoneFact("设备进场", D("2026-11-02"), null); // Monday
        Assess(Facts(milestones: [planned], lastReport: DayBefore("2026-11-13")), "2026-11-13").Reasons.Single().WorkingDays.ShouldBe(9);
        Assess(Facts(milestones: [planned], lastReport: DayBefore("2026-11-13")), "2026-11-13").Level.ShouldBe(LagLevel.Yellow);
        var red = Assess(Facts(milestones: [planned], lastReport: DayBefore("2026-11-16")), "2026-11-16"); // the weekend between does not count
        red.Level.ShouldBe(LagLevel.Red);
        red.Reasons.Single().WorkingDays.ShouldBe(10);
    }

    [Fact]
    public void Days_overdue_skip_the_national_day_holiday()
    {
        var planned = new MilestoneFact("基础完工", D("2026-09-30"), null);
        // 1–7 October are holidays: by Friday 9 October only the 8th and the 9th have passed as working days.
        var reason = Assess(Facts(milestones: [planned], lastReport: "2026-10-08"), "2026-10-09").Reasons.ShouldHaveSingleItem();
        reason.WorkingDays.ShouldBe(2);
    }

    [Fact]
    public void Investment_more_than_20_percent_behind_the_monthly_pace_is_yellow_and_clears_when_the_month_is_reported()
    {
        // 1,200 a year: by 15 July the six months over should have brought 600.
        var months = new Dictionary<int, decimal> { [1] = 80, [2] = 80, [3] = 80, [4] = 80, [5] = 80 }; // 400: a third behind
        var behind = Assess(Facts(yearPlan: 1200, investment: months, lastReport: "2026-07-14"), "2026-07-15");
        behind.Level.ShouldBe(LagLevel.Yellow);
        var reason = behind.Reasons.ShouldHaveSingleItem();
        (reason.Kind, reason.PlannedToDate, reason.CompletedToDate, reason.ShareBehind).ShouldBe((LagReasonKind.InvestmentBehind, 600m, 400m, 0.333m));

        months[6] = 150; // 550: 8.3 % behind
        Assess(Facts(yearPlan: 1200, investment: months, lastReport: "2026-07-14"), "2026-07-15").Lagging.ShouldBeFalse();
    }

    [Fact]
    public void Investment_more_than_40_percent_behind_is_red_exactly_20_percent_is_not_lagging_and_the_current_month_does_not_count()
    {
        var red = new Dictionary<int, decimal> { [1] = 100, [2] = 100, [6] = 100, [7] = 500 }; // 300 of 600; July is not over
        Assess(Facts(yearPlan: 1200, investment: red, lastReport: "2026-07-14"), "2026-07-15").Level.ShouldBe(LagLevel.Red);
        var exactly = new Dictionary<int, decimal> { [1] = 480 }; // 20 % behind: not more than 20 %
        Assess(Facts(yearPlan: 1200, investment: exactly, lastReport: "2026-07-14"), "2026-07-15").Lagging.ShouldBeFalse();
        Assess(Facts(yearPlan: 1200, investment: NoInvestment, lastReport: "2026-01-29"), "2026-01-30").Lagging.ShouldBeFalse(); // January: no month over yet
    }

    [Fact]
    public void Three_working_days_without_a_report_are_yellow_five_red_and_a_report_clears_them()
    {
        // Last report Wednesday 18 November; today is never counted (its report may still come).
        Assess(Facts(lastReport: "2026-11-18"), "2026-11-23").Lagging.ShouldBeFalse(); // Thu, Fri: 2 (the weekend is no report day)
        var yellow = Assess(Facts(lastReport: "2026-11-18"), "2026-11-24").Reasons.ShouldHaveSingleItem(); // + Mon: 3
        (yellow.Kind, yellow.Level, yellow.WorkingDays).ShouldBe((LagReasonKind.ReportsMissing, LagLevel.Yellow, 3));
        var red = Assess(Facts(lastReport: "2026-11-18"), "2026-11-26").Reasons.ShouldHaveSingleItem(); // + Tue, Wed: 5
        (red.Level, red.WorkingDays).ShouldBe((LagLevel.Red, 5));
        Assess(Facts(lastReport: "2026-11-25"), "2026-11-26").Lagging.ShouldBeFalse();
    }

    [Fact]
    public void Days_without_reports_skip_public_holidays_and_count_a_working_saturday()
    {
        // Last report 30 September; 1–7 October are holidays, Saturday 10 October is a 调休 working day.
        Assess(Facts(lastReport: "2026-09-30"), "2026-10-10").Lagging.ShouldBeFalse(); // 8th, 9th: 2
        Assess(Facts(lastReport: "2026-09-30"), "2026-10-12").Reasons.Single().WorkingDays.ShouldBe(3); // 8th, 9th, Saturday 10th
    }

    [Fact]
    public void Only_projects_under_way_owe_reports_and_a_completed_project_no_longer_lags()
    {
        Assess(Facts(phase: ProjectPhase.Signed, lastReport: null, started: "2026-03-02"), "2026-11-26").Lagging.ShouldBeFalse();
        Assess(Facts(phase: ProjectPhase.Started, lastReport: null, started: "2026-11-18"), "2026-11-26").Level.ShouldBe(LagLevel.Red); // never reported since starting
        var overdue = new MilestoneFact("竣工验收", D("2026-06-30"), null);
        Assess(Facts(phase: ProjectPhase.Completed, milestones: [overdue], yearPlan: 1200), "2026-11-26").Lagging.ShouldBeFalse();
    }

    [Fact]
    public void The_project_takes_its_worst_reason()
    {
        var lag = Assess(Facts(milestones: [new MilestoneFact("主体封顶", D("2026-11-20"), null)], lastReport: "2026-11-18"), "2026-11-26");
        lag.Reasons.Select(r => (r.Kind, r.Level)).ShouldBe([(LagReasonKind.MilestoneOverdue, LagLevel.Yellow), (LagReasonKind.ReportsMissing, LagLevel.Red)]);
        lag.Level.ShouldBe(LagLevel.Red);
    }
}
