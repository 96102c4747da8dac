using SmartIsland.Calendar.Domain;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Lags;

public enum LagLevel
{
    None,
    Yellow,
    Red,
}

public enum LagReasonKind
{
    MilestoneOverdue,
    InvestmentBehind,
    ReportsMissing,
}

/// <summary>
/// One reason a project lags, with its figure: the milestone and its working days overdue, the share behind the planned
/// investment pace (planned and completed to date, 万元), or the working days without a report.
/// </summary>
public sealed record LagReason(LagReasonKind Kind, LagLevel Level, int? WorkingDays = null, string? Milestone = null, DateOnly? PlannedOn = null,
    decimal? ShareBehind = null, decimal? PlannedToDate = null, decimal? CompletedToDate = null);

public sealed record LagAssessment(LagLevel Level, IReadOnlyList<LagReason> Reasons)
{
    public bool Lagging => Level != LagLevel.None;
}

public sealed record MilestoneFact(string Name, DateOnly PlannedOn, DateOnly? ActualOn);

/// <summary>What the rule reads of a project on a day. <see cref="MonthlyInvestment"/> holds this year's months (month → 万元).</summary>
public sealed record LagFacts(
    ProjectPhase Phase, DateOnly SignedOn, DateOnly? StartedOn, IReadOnlyList<MilestoneFact> Milestones,
    decimal? YearPlan, IReadOnlyDictionary<int, decimal> MonthlyInvestment, DateOnly? LastReportDay);

/// <summary>
/// Issue 6 §3 (lag detection): "A milestone past due, investment behind the planned pace, or days without reports make a
/// project lagging, with a level and the reason." Each reason is judged on its own and the project takes the worst
/// level; nothing is remembered, so a reason clears as soon as its facts do (the milestone reached, the investment
/// reported, a report sent). Thresholds: <see cref="LagThresholds"/>. A completed project (竣工 / 投产) no longer lags.
/// </summary>
public static class LagRule
{
    public static LagAssessment Assess(LagFacts facts, DateOnly today, WorkingDayCalendar calendar, LagThresholds thresholds)
    {
        if (facts.Phase is ProjectPhase.Completed or ProjectPhase.InProduction) return new(LagLevel.None, []);
        var reasons = new List<LagReason>();
        reasons.AddRange(Milestones(facts, today, calendar, thresholds));
        if (Investment(facts, today, thresholds) is { } investment) reasons.Add(investment);
        if (Reports(facts, today, calendar, thresholds) is { } reports) reasons.Add(reports);
        return new(reasons.Count == 0 ? LagLevel.None : reasons.Max(r => r.Level), reasons);
    }

    /// <summary>
    /// 项目节点: a milestone not reached whose planned day is behind us, overdue by the working days since that day
    /// (a milestone planned on a Friday is one working day overdue on Monday, none on the weekend between).
    /// </summary>
    internal static IEnumerable<LagReason> Milestones(LagFacts facts, DateOnly today, WorkingDayCalendar calendar, LagThresholds thresholds)
    {
        foreach (var m in facts.Milestones.Where(m => m.ActualOn is null && m.PlannedOn < today).OrderBy(m => m.PlannedOn))
        {
            var overdue = WorkingDaysAfter(calendar, m.PlannedOn, today);
            if (overdue < 1) continue;
            yield return new LagReason(LagReasonKind.MilestoneOverdue, overdue >= thresholds.MilestoneRedWorkingDays ? LagLevel.Red : LagLevel.Yellow,
                WorkingDays: overdue, Milestone: m.Name, PlannedOn: m.PlannedOn);
        }
    }

    /// <summary>
    /// 投资进度: this year's investment completed in the months already over, against the year plan pro rata by month
    /// (plan × months over ÷ 12); a month's figure is reported after it ends, so the current month is not counted and
    /// nothing is judged in January. Behind by more than the thresholds' share of the planned amount.
    /// </summary>
    internal static LagReason? Investment(LagFacts facts, DateOnly today, LagThresholds thresholds)
    {
        if (facts.Phase is not (ProjectPhase.Started or ProjectPhase.UnderConstruction) || facts.YearPlan is not > 0m) return null;
        var monthsOver = today.Month - 1;
        if (monthsOver == 0) return null;
        var planned = Math.Round(facts.YearPlan.Value * monthsOver / 12m, 2);
        var completed = facts.MonthlyInvestment.Where(m => m.Key <= monthsOver).Sum(m => m.Value);
        var behind = (planned - completed) / planned;
        var level = behind > thresholds.InvestmentRedBehind ? LagLevel.Red : behind > thresholds.InvestmentYellowBehind ? LagLevel.Yellow : LagLevel.None;
        return level == LagLevel.None ? null
            : new LagReason(LagReasonKind.InvestmentBehind, level, ShareBehind: Math.Round(behind, 3), PlannedToDate: planned, CompletedToDate: completed);
    }

    /// <summary>
    /// 形象进度: working days without a report since the last one (or since the project started), today not counted —
    /// its report may still come. Only a project under way (开工, 在建) reports daily.
    /// </summary>
    internal static LagReason? Reports(LagFacts facts, DateOnly today, WorkingDayCalendar calendar, LagThresholds thresholds)
    {
        if (facts.Phase is not (ProjectPhase.Started or ProjectPhase.UnderConstruction)) return null;
        var since = facts.LastReportDay ?? facts.StartedOn ?? facts.SignedOn;
        var yesterday = today.AddDays(-1);
        var missed = yesterday > since ? WorkingDaysAfter(calendar, since, yesterday) : 0;
        var level = missed >= thresholds.ReportRedWorkingDays ? LagLevel.Red : missed >= thresholds.ReportYellowWorkingDays ? LagLevel.Yellow : LagLevel.None;
        return level == LagLevel.None ? null : new LagReason(LagReasonKind.ReportsMissing, level, WorkingDays: missed);
    }

    /// <summary>
    /// Working days in (from, to]. A start before the loaded calendar years counts from the first loaded year: the
    /// platform never guesses holidays, and every day of a loaded year is already more than any threshold.
    /// </summary>
    private static int WorkingDaysAfter(WorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        if (calendar.LoadedYears.Count > 0 && from < new DateOnly(calendar.LoadedYears.Min(), 1, 1))
        {
            var firstDay = new DateOnly(calendar.LoadedYears.Min(), 1, 1);
            return calendar.WorkingDaysBetween(firstDay, to) + (calendar.IsWorkingDay(firstDay) ? 1 : 0);
        }
        return calendar.WorkingDaysBetween(from, to);
    }
}
