using SmartIsland.Organisation.Domain;

namespace SmartIsland.Cases.Metrics;

/// <summary>The unit kinds the metrics page has a tab for (issue 3 §10: department, park, town, grid).</summary>
public enum MetricsUnitKind
{
    Department,
    Park,
    /// <summary>Towns (镇) and subdistricts (街道): the same level.</summary>
    Town,
    /// <summary>Communities (社区) and villages (村): the level below a town.</summary>
    Village,
    Grid,
}

/// <summary>Which period the figures cover: the case received in it (dates in +08:00, both ends included).</summary>
public enum MetricsPeriodKind
{
    ThisMonth,
    LastMonth,
    ThisQuarter,
    ThisYear,
    Custom,
}

/// <summary>What the ranking is ordered by: the composite score, or one column.</summary>
public enum MetricsSort
{
    Score,
    Received,
    Closed,
    ClosureRate,
    OnTimeRate,
    MedianHandlingHours,
    P90HandlingHours,
    SatisfactionRate,
    OverdueNow,
}

public static class MetricsUnitKinds
{
    public static MetricsUnitKind Of(UnitKind kind) => kind switch
    {
        UnitKind.Department => MetricsUnitKind.Department,
        UnitKind.Park => MetricsUnitKind.Park,
        UnitKind.Town or UnitKind.Subdistrict => MetricsUnitKind.Town,
        UnitKind.Community or UnitKind.Village => MetricsUnitKind.Village,
        _ => MetricsUnitKind.Grid,
    };
}

/// <summary>A period as two dates in the zone's time (+08:00), both included.</summary>
public sealed record MetricsPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest custom period: ten years keeps a query bounded.</summary>
    public const int MaxDays = 3660;

    public static MetricsPeriod Of(MetricsPeriodKind kind, DateOnly today, DateOnly? from = null, DateOnly? to = null)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return kind switch
        {
            MetricsPeriodKind.ThisMonth => new(month, month.AddMonths(1).AddDays(-1)),
            MetricsPeriodKind.LastMonth => new(month.AddMonths(-1), month.AddDays(-1)),
            MetricsPeriodKind.ThisQuarter => Quarter(today),
            MetricsPeriodKind.ThisYear => new(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => new(from ?? month, to ?? today),
        };
    }

    private static MetricsPeriod Quarter(DateOnly today)
    {
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return new(first, first.AddMonths(3).AddDays(-1));
    }

    /// <summary>
    /// The whole months inside the period (read from month rows) as [first, end); the days outside them
    /// are read from day rows. Empty (first == end) when no whole month fits.
    /// </summary>
    public (DateOnly First, DateOnly End) WholeMonths()
    {
        var first = From.Day == 1 ? From : new DateOnly(From.Year, From.Month, 1).AddMonths(1);
        var afterTo = To.AddDays(1);
        var end = afterTo.Day == 1 ? afterTo : new DateOnly(afterTo.Year, afterTo.Month, 1);
        return end > first ? (first, end) : (first, first);
    }
}

/// <summary>The counts a unit's figures are made of; summed over days, months and a unit's sub-units.</summary>
public sealed class MetricsCounts
{
    public long Received { get; set; }
    public long Closed { get; set; }
    public long Resolved { get; set; }
    public long ResolvedOnTime { get; set; }
    public long Rated { get; set; }
    public long Satisfied { get; set; }
    public long RatingSum { get; set; }
    public HandlingHistogram Handling { get; } = new();
    public long OverdueNow { get; set; }

    public void Add(MetricsCounts other)
    {
        Received += other.Received;
        Closed += other.Closed;
        Resolved += other.Resolved;
        ResolvedOnTime += other.ResolvedOnTime;
        Rated += other.Rated;
        Satisfied += other.Satisfied;
        RatingSum += other.RatingSum;
        Handling.Merge(other.Handling);
        OverdueNow += other.OverdueNow;
    }
}

/// <summary>One unit's figures for a period; rates are fractions (0.8125), null when there is nothing to divide by.</summary>
public sealed record UnitMetrics(
    Guid? UnitId, string Name, MetricsUnitKind? Kind,
    long Received, long Closed, double? ClosureRate,
    long Resolved, long ResolvedOnTime, double? OnTimeRate,
    double? MedianHandlingHours, double? P90HandlingHours,
    long Rated, long Satisfied, double? SatisfactionRate, double? AverageRating,
    long OverdueNow, double? Score)
{
    /// <summary>Place in the ranking (1 = best) by the chosen order; null for a unit the order cannot place.</summary>
    public int? Rank { get; init; }

    public static UnitMetrics From(Guid? unitId, string name, MetricsUnitKind? kind, MetricsCounts c)
    {
        double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        var closure = Rate(c.Closed, c.Received);
        var onTime = Rate(c.ResolvedOnTime, c.Resolved);
        var satisfaction = Rate(c.Satisfied, c.Rated);
        return new UnitMetrics(unitId, name, kind,
            c.Received, c.Closed, closure,
            c.Resolved, c.ResolvedOnTime, onTime,
            c.Handling.Percentile(0.5), c.Handling.Percentile(0.9),
            c.Rated, c.Satisfied, satisfaction, c.Rated == 0 ? null : Math.Round((double)c.RatingSum / c.Rated, 2),
            c.OverdueNow, c.Received == 0 ? null : MetricsRanking.Score(closure, onTime, satisfaction));
    }
}

/// <summary>
/// How units are ranked. The composite score (0–100) weighs the three rates leaders are assessed on:
/// closure rate 40 %, on-time rate 30 %, satisfaction rate 30 %. A rate with nothing to measure yet (no
/// resolved or no rated case) is left out and the others' weights are scaled up, so a unit is neither
/// rewarded nor punished for it. A unit that received nothing in the period has no score and no rank.
/// Ties: the higher closure rate, then more cases received, then the name.
/// </summary>
public static class MetricsRanking
{
    public const double ClosureWeight = 0.4, OnTimeWeight = 0.3, SatisfactionWeight = 0.3;

    public static double? Score(double? closure, double? onTime, double? satisfaction)
    {
        var parts = new[] { (closure, ClosureWeight), (onTime, OnTimeWeight), (satisfaction, SatisfactionWeight) }
            .Where(p => p.Item1 is not null).ToList();
        if (parts.Count == 0) return null;
        return Math.Round(100 * parts.Sum(p => p.Item1!.Value * p.Item2) / parts.Sum(p => p.Item2), 1);
    }

    /// <summary>Orders units and numbers them; units without a value for the order come last, unranked.</summary>
    public static IReadOnlyList<UnitMetrics> Rank(IEnumerable<UnitMetrics> units, MetricsSort sort)
    {
        var (value, higherIsBetter) = Column(sort);
        var list = units.ToList();
        var placed = list.Where(u => value(u) is not null)
            .OrderBy(u => higherIsBetter ? -value(u)!.Value : value(u)!.Value)
            .ThenByDescending(u => u.ClosureRate ?? -1)
            .ThenByDescending(u => u.Received)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select((u, i) => u with { Rank = i + 1 });
        var unplaced = list.Where(u => value(u) is null).OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => u with { Rank = null });
        return [.. placed, .. unplaced];
    }

    private static (Func<UnitMetrics, double?> Value, bool HigherIsBetter) Column(MetricsSort sort) => sort switch
    {
        MetricsSort.Received => (u => u.Received, true),
        MetricsSort.Closed => (u => u.Closed, true),
        MetricsSort.ClosureRate => (u => u.ClosureRate, true),
        MetricsSort.OnTimeRate => (u => u.OnTimeRate, true),
        MetricsSort.MedianHandlingHours => (u => u.MedianHandlingHours, false),
        MetricsSort.P90HandlingHours => (u => u.P90HandlingHours, false),
        MetricsSort.SatisfactionRate => (u => u.SatisfactionRate, true),
        MetricsSort.OverdueNow => (u => u.OverdueNow, false),
        _ => (u => u.Score, true),
    };
}
