namespace SmartIsland.Scoring.Engine;

/// <summary>A bonus (positive points) or penalty (negative points) with its reason (加分项 / 扣分项).</summary>
public sealed record Adjustment(string Reason, decimal Points);

/// <summary>
/// One unit to score: its values by indicator key (null or absent = missing, with an optional reason shown to
/// people, e.g. "no land area"), its adjustments, and whether it is excluded from grading (不定等级).
/// </summary>
public sealed record UnitInput
{
    public required Guid UnitId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, decimal?> Values { get; init; } = new Dictionary<string, decimal?>();
    public IReadOnlyDictionary<string, string> MissingReasons { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<Adjustment> Adjustments { get; init; } = [];
    public bool Excluded { get; init; }
    public string? ExcludedReason { get; init; }
}

public sealed record IndicatorScore(string Key, decimal? Value, decimal Points, bool Missing, bool AverageUsed, string? MissingReason);

public sealed record UnitScore(
    Guid UnitId, string Name, IReadOnlyList<IndicatorScore> Indicators, decimal Bonus, decimal Penalty, decimal Total,
    int? Rank, string? Grade, bool Excluded, string? ExcludedReason);

/// <summary>
/// Scores units against a scheme. Conventions (stated once, relied on by the tests):
/// each indicator's points are rounded to 2 decimals (away from zero) and the total is their sum plus
/// bonus minus penalty, so equal displayed totals are equal totals; ranks are competition ranks (1, 1, 3);
/// units excluded from grading are scored but neither ranked, nor counted in shares, averages or percentiles,
/// and take the grade they are managed as.
/// </summary>
public static class ScoringEngine
{
    public static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<UnitScore> Score(SchemeDefinition scheme, IReadOnlyList<UnitInput> units)
    {
        var problems = SchemeValidator.Validate(scheme);
        if (problems.Count > 0) throw new ArgumentException($"invalid scheme: {problems[0].Field} {problems[0].Code}", nameof(scheme));
        if (units.Select(u => u.UnitId).Distinct().Count() != units.Count) throw new ArgumentException("a unit appears twice", nameof(units));

        var graded = units.Where(u => !u.Excluded).ToList();
        var points = new Dictionary<(Guid, string), IndicatorScore>();
        foreach (var ind in scheme.Indicators)
        {
            var population = graded.Select(u => ValueOf(u, ind.Key)).Where(v => v is not null).Select(v => v!.Value).ToList();
            foreach (var unit in units)
            {
                if (ValueOf(unit, ind.Key) is { } value)
                    points[(unit.UnitId, ind.Key)] = new(ind.Key, value, Round(Normalise(ind, value, population)), false, false, null);
            }
            // The average of the others is taken over graded units that have a value.
            var present = graded.Where(u => points.ContainsKey((u.UnitId, ind.Key))).Select(u => points[(u.UnitId, ind.Key)].Points).ToList();
            var average = present.Count == 0 ? 0m : Round(present.Sum() / present.Count);
            foreach (var unit in units.Where(u => !points.ContainsKey((u.UnitId, ind.Key))))
            {
                var useAverage = ind.Missing == MissingValuePolicy.AverageOfOthers && present.Count > 0;
                unit.MissingReasons.TryGetValue(ind.Key, out var reason);
                points[(unit.UnitId, ind.Key)] = new(ind.Key, null, useAverage ? average : 0m, true, useAverage, reason);
            }
        }

        var scored = units.Select(u =>
        {
            var items = scheme.Indicators.Select(i => points[(u.UnitId, i.Key)]).ToList();
            var bonus = u.Adjustments.Where(a => a.Points > 0).Sum(a => a.Points);
            var penalty = -u.Adjustments.Where(a => a.Points < 0).Sum(a => a.Points);
            if (scheme.MaxBonus is { } maxBonus) bonus = Math.Min(bonus, maxBonus);
            if (scheme.MaxPenalty is { } maxPenalty) penalty = Math.Min(penalty, maxPenalty);
            bonus = Round(bonus);
            penalty = Round(penalty);
            return (Unit: u, Items: items, Bonus: bonus, Penalty: penalty, Total: items.Sum(i => i.Points) + bonus - penalty);
        }).ToList();

        var gradedTotals = scored.Where(s => !s.Unit.Excluded).Select(s => s.Total).ToList();
        return scored.Select(s =>
        {
            if (s.Unit.Excluded)
                return new UnitScore(s.Unit.UnitId, s.Unit.Name, s.Items, s.Bonus, s.Penalty, s.Total, null, scheme.ExcludedManagedAs, true, s.Unit.ExcludedReason);
            var rank = 1 + gradedTotals.Count(t => t > s.Total);
            var tied = gradedTotals.Count(t => t == s.Total);
            return new UnitScore(s.Unit.UnitId, s.Unit.Name, s.Items, s.Bonus, s.Penalty, s.Total, rank, GradeOf(scheme, s.Total, rank, tied, gradedTotals.Count), false, null);
        })
        .OrderBy(s => s.Excluded).ThenBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal)
        .ToList();
    }

    private static decimal? ValueOf(UnitInput unit, string key) => unit.Values.TryGetValue(key, out var v) ? v : null;

    /// <summary>Points for one value before rounding.</summary>
    internal static decimal Normalise(IndicatorDefinition ind, decimal value, IReadOnlyList<decimal> population)
    {
        switch (ind.Normalisation)
        {
            case NormalisationKind.BenchmarkRatio:
            {
                var benchmark = ind.Benchmark!.Value;
                decimal raw;
                if (ind.Direction == Direction.HigherIsBetter) raw = value <= 0 ? 0 : value / benchmark * ind.Weight;
                else raw = value <= 0 ? decimal.MaxValue : benchmark / value * ind.Weight; // nothing used: the cap applies
                if (ind.CapMultiple is { } cap) raw = Math.Min(raw, cap * ind.Weight);
                return raw;
            }
            case NormalisationKind.Bands:
                return ind.Bands.FirstOrDefault(b => b.Contains(value))?.Points ?? 0m;
            case NormalisationKind.RankPercentile:
            {
                if (population.Count <= 1) return ind.Weight;
                var worse = ind.Direction == Direction.HigherIsBetter ? population.Count(v => v < value) : population.Count(v => v > value);
                return ind.Weight * worse / (population.Count - 1);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(ind), ind.Normalisation, "unknown normalisation");
        }
    }

    /// <summary>
    /// The grade for a total. ByShare: a unit at competition rank r, tied with t−1 others among n graded units,
    /// takes the first grade whose cumulative share × n reaches its position — r (ties take the better grade) or
    /// r + t − 1 (ties take the worse grade), see <see cref="BoundaryTie"/>.
    /// </summary>
    internal static string GradeOf(SchemeDefinition scheme, decimal total, int rank, int tied, int graded)
    {
        if (scheme.Grading == GradingKind.ByScore)
            return scheme.Grades.FirstOrDefault(g => g.MinScore is { } min && total >= min)?.Grade ?? scheme.Grades[^1].Grade;
        var position = scheme.BoundaryTie == BoundaryTie.BetterGrade ? rank : rank + tied - 1;
        return scheme.Grades.FirstOrDefault(g => position <= g.UpToShare!.Value * graded)?.Grade ?? scheme.Grades[^1].Grade;
    }
}
