using System.Text.RegularExpressions;

namespace SmartIsland.Scoring.Engine;

/// <summary>A problem in a scheme: the field it concerns, a message key (ScoringStrings) and its arguments.</summary>
public sealed record SchemeProblem(string Field, string Code, params object[] Args);

/// <summary>Checks a scheme before it is stored or run: a scheme that passes scores every unit without a surprise.</summary>
public static partial class SchemeValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex KeyPattern();

    public static IReadOnlyList<SchemeProblem> Validate(SchemeDefinition scheme)
    {
        var problems = new List<SchemeProblem>();
        if (scheme.Indicators.Count == 0) problems.Add(new("indicators", "IndicatorsRequired"));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scheme.Indicators.Count; i++)
        {
            var ind = scheme.Indicators[i];
            var f = $"indicators[{i}]";
            if (string.IsNullOrWhiteSpace(ind.Key) || !KeyPattern().IsMatch(ind.Key)) problems.Add(new($"{f}.key", "KeyInvalid"));
            else if (!keys.Add(ind.Key)) problems.Add(new($"{f}.key", "DuplicateKey", ind.Key));
            if (string.IsNullOrWhiteSpace(ind.TitleZh)) problems.Add(new($"{f}.titleZh", "TitleRequired"));
            if (string.IsNullOrWhiteSpace(ind.TitleEn)) problems.Add(new($"{f}.titleEn", "TitleRequired"));
            if (ind.Weight < 0) problems.Add(new($"{f}.weight", "NegativeWeight", ind.Weight));
            switch (ind.Normalisation)
            {
                case NormalisationKind.BenchmarkRatio:
                    if (ind.Benchmark is not > 0) problems.Add(new($"{f}.benchmark", "BenchmarkRequired"));
                    if (ind.CapMultiple is <= 0) problems.Add(new($"{f}.capMultiple", "CapInvalid"));
                    // benchmark ÷ value has no ceiling as the value nears 0, so a lower-is-better ratio needs a cap.
                    if (ind.Direction == Direction.LowerIsBetter && ind.CapMultiple is null) problems.Add(new($"{f}.capMultiple", "CapRequiredForLowerIsBetter"));
                    break;
                case NormalisationKind.Bands:
                    ValidateBands(ind.Bands, f, problems);
                    break;
                case NormalisationKind.RankPercentile:
                    break;
                default:
                    problems.Add(new($"{f}.normalisation", "NormalisationUnknown"));
                    break;
            }
        }
        if (scheme.WeightTotal is { } total && scheme.Indicators.Count > 0 && scheme.Indicators.All(i => i.Weight >= 0))
        {
            var sum = scheme.Indicators.Sum(i => i.Weight);
            if (sum != total) problems.Add(new("indicators", "WeightsSum", sum, total));
        }
        ValidateGrades(scheme, problems);
        if (scheme.MaxBonus is < 0) problems.Add(new("maxBonus", "NegativeLimit"));
        if (scheme.MaxPenalty is < 0) problems.Add(new("maxPenalty", "NegativeLimit"));
        return problems;
    }

    private static void ValidateBands(IReadOnlyList<Band> bands, string f, List<SchemeProblem> problems)
    {
        if (bands.Count == 0)
        {
            problems.Add(new($"{f}.bands", "BandsRequired"));
            return;
        }
        for (var b = 0; b < bands.Count; b++)
        {
            var band = bands[b];
            if (band.Points < 0) problems.Add(new($"{f}.bands[{b}].points", "BandPointsNegative"));
            if (band.From is { } from && band.To is { } to && (from > to || (from == to && !(band.FromInclusive && band.ToInclusive))))
                problems.Add(new($"{f}.bands[{b}]", "BandEmpty"));
            for (var o = 0; o < b; o++)
            {
                if (Overlap(bands[o], band)) problems.Add(new($"{f}.bands[{b}]", "BandsOverlap", o + 1, b + 1));
            }
        }
    }

    /// <summary>Two bands overlap when some value lies in both: the higher lower edge is below the lower upper edge.</summary>
    internal static bool Overlap(Band a, Band b)
    {
        var (lo, loInc) = a.From is null ? (b.From, b.FromInclusive)
            : b.From is null ? (a.From, a.FromInclusive)
            : a.From > b.From ? (a.From, a.FromInclusive)
            : b.From > a.From ? (b.From, b.FromInclusive)
            : (a.From, a.FromInclusive && b.FromInclusive);
        var (hi, hiInc) = a.To is null ? (b.To, b.ToInclusive)
            : b.To is null ? (a.To, a.ToInclusive)
            : a.To < b.To ? (a.To, a.ToInclusive)
            : b.To < a.To ? (b.To, b.ToInclusive)
            : (a.To, a.ToInclusive && b.ToInclusive);
        if (lo is null || hi is null) return true;
        return lo < hi || (lo == hi && loInc && hiInc);
    }

    private static void ValidateGrades(SchemeDefinition scheme, List<SchemeProblem> problems)
    {
        if (scheme.Grades.Count == 0)
        {
            problems.Add(new("grades", "GradesRequired"));
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < scheme.Grades.Count; g++)
        {
            var cut = scheme.Grades[g];
            var f = $"grades[{g}]";
            if (string.IsNullOrWhiteSpace(cut.Grade) || cut.Grade.Length > 16) problems.Add(new($"{f}.grade", "GradeNameInvalid"));
            else if (!names.Add(cut.Grade)) problems.Add(new($"{f}.grade", "DuplicateGrade", cut.Grade));
            var last = g == scheme.Grades.Count - 1;
            if (scheme.Grading == GradingKind.ByScore)
            {
                // The last grade takes every unit below the others, so it needs no minimum.
                if (!last && cut.MinScore is null) problems.Add(new($"{f}.minScore", "MinScoreRequired"));
                if (g > 0 && cut.MinScore is { } min && scheme.Grades[g - 1].MinScore is { } prev && min >= prev)
                    problems.Add(new($"{f}.minScore", "MinScoreOrder"));
            }
            else
            {
                if (cut.UpToShare is not { } share || share <= 0 || share > 1) problems.Add(new($"{f}.upToShare", "ShareRange"));
                else if (g > 0 && scheme.Grades[g - 1].UpToShare is { } prev && share <= prev) problems.Add(new($"{f}.upToShare", "ShareOrder"));
                if (last && cut.UpToShare is { } lastShare && lastShare != 1) problems.Add(new($"{f}.upToShare", "LastShareNotOne"));
            }
        }
        if (scheme.ExcludedManagedAs is { } managed && !names.Contains(managed)) problems.Add(new("excludedManagedAs", "ManagedAsUnknown", managed));
    }
}
