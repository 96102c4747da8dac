namespace SmartIsland.Services.Timeliness;

/// <summary>The periods the pickers offer; every one is a date range in the zone's time (+08:00), both ends included.</summary>
public enum TimelinessPeriodKind
{
    Month,
    Quarter,
    Year,
    Custom,
}

public sealed record TimelinessPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Ten years at most keeps a query bounded.</summary>
    public const int MaxDays = 3660;

    /// <summary>Month <paramref name="number"/> (1–12), quarter (1–4) or the whole year.</summary>
    public static TimelinessPeriod Of(TimelinessPeriodKind kind, int year, int number) => kind switch
    {
        TimelinessPeriodKind.Month => new(new DateOnly(year, number, 1), new DateOnly(year, number, 1).AddMonths(1).AddDays(-1)),
        TimelinessPeriodKind.Quarter => new(new DateOnly(year, (number - 1) * 3 + 1, 1), new DateOnly(year, (number - 1) * 3 + 1, 1).AddMonths(3).AddDays(-1)),
        _ => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
    };
}

/// <summary>
/// One department's timeliness figures over the applications completed (办结) in the period. The definitions follow
/// the zone's own reporting (高新区城市管理和综合执法局, 上半年: "立即办审批事项达到42%，当天办审批事项达到17%，审批事项按时办结率100%，
/// 办理时限在规定基础上提速率40%"):
/// <list type="bullet">
/// <item><see cref="Immediate"/> 立即办 (即办): the item's promised limit is 0 working days (即办件) or it was approved
/// automatically (秒批), and it was completed within 0 working days of acceptance.</item>
/// <item><see cref="SameDay"/> 当天办: completed on the calendar day (+08:00) it was submitted.</item>
/// <item><see cref="OnTime"/> 按时办结: completed by the promised deadline; <see cref="OnTimeRate"/> is over the
/// completed applications whose timeliness is known.</item>
/// <item><see cref="SpeedUp"/> 提速率 (办理时限在规定基础上提速): the mean of (1 − working days taken ÷ statutory limit in working
/// days) over the completed applications whose item has a statutory limit above 0; working days count from the day
/// after acceptance (行政许可法 第八十二条).</item>
/// <item><see cref="NoVisit"/> 不见面 (一次都不跑): applied online.</item>
/// <item><see cref="CrossDepartment"/> 跨部门: part of a one-thing bundle application whose items span two or more departments.</item>
/// </list>
/// Rates are fractions rounded to four places (0.4167), null when there is nothing to divide by.
/// </summary>
public sealed record DepartmentTimeliness(
    Guid? DepartmentId, string Department,
    int Completed, int Immediate, double? ImmediateShare, int SameDay, double? SameDayShare,
    int OnTime, int OnTimeMeasured, double? OnTimeRate,
    double? SpeedUp, int SpeedUpMeasured,
    int NoVisit, int CrossDepartment)
{
    /// <summary>Place in the ranking (1 = best); departments that tie on all three keys share it.</summary>
    public int? Rank { get; init; }
}

/// <summary>The figures of a period for the zone and each department that completed something, in ranking order.</summary>
public sealed record TimelinessReport(DateOnly From, DateOnly To, string Zone, DepartmentTimeliness Total, IReadOnlyList<DepartmentTimeliness> Departments, DateTimeOffset AsOf);

/// <summary>A late application of a department (staff drill-down); applicant data masked where the role does not need it.</summary>
public sealed record LateApplication(
    Guid Id, string Number, string ItemCode, string ItemName, string Applicant, string ApplicantKey, bool Masked,
    DateTimeOffset SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset CompletedAt, int? WorkingDaysTaken, int PromisedLimitDays, int StatutoryLimitDays);

/// <summary>
/// The ranking: on-time rate, then speed-up, then immediate share, each higher first (a figure with nothing to measure
/// ranks below any value). Departments equal on all three share a rank and the next rank is skipped (1, 1, 3).
/// </summary>
public static class TimelinessRanking
{
    public static IReadOnlyList<DepartmentTimeliness> Rank(IEnumerable<DepartmentTimeliness> departments)
    {
        static (double, double, double) Key(DepartmentTimeliness d) => (d.OnTimeRate ?? -1, d.SpeedUp ?? double.MinValue, d.ImmediateShare ?? -1);
        var ordered = departments
            .OrderByDescending(d => Key(d).Item1).ThenByDescending(d => Key(d).Item2).ThenByDescending(d => Key(d).Item3)
            .ThenBy(d => d.Department, StringComparer.Ordinal).ToList();
        var ranked = new List<DepartmentTimeliness>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && Key(ordered[i]) == Key(ordered[i - 1]) ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }
        return ranked;
    }
}
