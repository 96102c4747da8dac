using Shouldly;
using SmartIsland.Scoring.Engine;

namespace SmartIsland.UnitTests.Scoring;

/// <summary>The scoring engine against hand-computed cases (rules-reference.md §4: ratio to a benchmark, 1.5× cap, shares of units).</summary>
public sealed class ScoringEngineTests
{
    private static IndicatorDefinition Ratio(string key, decimal weight, decimal benchmark, decimal? cap = null, Direction direction = Direction.HigherIsBetter,
        MissingValuePolicy missing = MissingValuePolicy.Zero) =>
        new() { Key = key, TitleZh = key, TitleEn = key, Weight = weight, Benchmark = benchmark, CapMultiple = cap, Direction = direction, Missing = missing };

    private static readonly GradeCut[] Quartiles = [new("A", UpToShare: 0.25m), new("B", UpToShare: 0.70m), new("C", UpToShare: 0.95m), new("D", UpToShare: 1m)];

    private static SchemeDefinition Scheme(params IndicatorDefinition[] indicators) => new()
    {
        Indicators = indicators, WeightTotal = null, Grades = Quartiles, ExcludedManagedAs = "B",
    };

    private static UnitInput Unit(string name, params (string Key, decimal? Value)[] values) => new()
    {
        UnitId = Guid.NewGuid(), Name = name, Values = values.ToDictionary(v => v.Key, v => v.Value),
    };

    /// <summary>One indicator "x" with weight 100 and benchmark 100: a unit's total equals its value (up to the cap).</summary>
    private static List<UnitInput> UnitsWithTotals(params decimal[] totals) =>
        totals.Select((t, i) => Unit($"u{i + 1:D2}", ("x", t))).ToList();

    private static SchemeDefinition Straight(BoundaryTie tie = BoundaryTie.BetterGrade) => Scheme(Ratio("x", 100, 100)) with { BoundaryTie = tie };

    private static decimal PointsOf(SchemeDefinition scheme, decimal? value, string key = "x") =>
        ScoringEngine.Score(scheme, [Unit("only", (key, value))])[0].Indicators.Single(i => i.Key == key).Points;

    [Theory]
    [InlineData(15, 22.5)]    // 15 / 20 × 30
    [InlineData(20, 30)]      // at the benchmark: the full weight
    [InlineData(29, 43.5)]    // just under the cap
    [InlineData(30, 45)]      // exactly 1.5× the weight
    [InlineData(50, 45)]      // capped (75 uncapped)
    [InlineData(0, 0)]
    [InlineData(-3, 0)]       // a loss earns nothing, never negative points
    public void BenchmarkRatio_is_value_over_benchmark_times_weight_capped_at_one_and_a_half_weights(decimal value, decimal expected) =>
        PointsOf(Scheme(Ratio("x", 30, 20, cap: 1.5m)), value).ShouldBe(expected);

    [Fact]
    public void BenchmarkRatio_without_a_cap_keeps_growing() =>
        PointsOf(Scheme(Ratio("x", 30, 20)), 50).ShouldBe(75m);

    [Fact]
    public void BenchmarkRatio_rounds_points_to_two_decimals_away_from_zero()
    {
        PointsOf(Scheme(Ratio("x", 10, 3)), 1).ShouldBe(3.33m);      // 3.333…
        PointsOf(Scheme(Ratio("x", 10, 3)), 2).ShouldBe(6.67m);      // 6.666…
        PointsOf(Scheme(Ratio("x", 1, 8)), 0.1m).ShouldBe(0.01m);    // 0.0125 → 0.01
        PointsOf(Scheme(Ratio("x", 1, 4)), 0.1m).ShouldBe(0.03m);    // 0.025 → 0.03 (half away from zero)
    }

    [Theory]
    [InlineData(0.4, 25)]    // 0.5 / 0.4 × 20
    [InlineData(0.5, 20)]
    [InlineData(1, 10)]
    [InlineData(0.2, 30)]    // 50 uncapped → 1.5 × 20
    [InlineData(0, 30)]      // nothing used at all: the cap
    public void BenchmarkRatio_lower_is_better_inverts_the_ratio(decimal value, decimal expected) =>
        PointsOf(Scheme(Ratio("x", 20, 0.5m, cap: 1.5m, direction: Direction.LowerIsBetter)), value).ShouldBe(expected);

    private static readonly Band[] RdBands =
    [
        new(0, true, 10, false, 2),      // [0, 10)
        new(10, true, 20, true, 5),      // [10, 20]
        new(20, false, null, false, 10), // (20, ∞)
    ];

    [Theory]
    [InlineData(0, 2)]
    [InlineData(9.99, 2)]
    [InlineData(10, 5)]      // the lower edge is included
    [InlineData(20, 5)]      // so is this upper edge
    [InlineData(20.01, 10)]  // and the next band starts just above it
    [InlineData(-1, 0)]      // outside every band
    public void Bands_score_by_the_band_holding_the_value_with_explicit_edges(decimal value, decimal expected)
    {
        var scheme = Scheme(new IndicatorDefinition { Key = "x", TitleZh = "x", TitleEn = "x", Weight = 10, Normalisation = NormalisationKind.Bands, Bands = RdBands });
        PointsOf(scheme, value).ShouldBe(expected);
    }

    [Fact]
    public void Bands_that_share_an_included_edge_are_refused_and_half_open_neighbours_are_not()
    {
        var overlapping = Scheme(new IndicatorDefinition
        {
            Key = "x", TitleZh = "x", TitleEn = "x", Weight = 10, Normalisation = NormalisationKind.Bands,
            Bands = [new(0, true, 10, true, 1), new(10, true, 20, true, 2)],
        });
        SchemeValidator.Validate(overlapping).ShouldContain(p => p.Field == "indicators[0].bands[1]" && p.Code == "BandsOverlap");

        var touching = overlapping with { Indicators = [overlapping.Indicators[0] with { Bands = [new(0, true, 10, false, 1), new(10, true, 20, true, 2)] }] };
        SchemeValidator.Validate(touching).ShouldBeEmpty();
    }

    [Fact]
    public void RankPercentile_gives_the_best_the_full_weight_the_worst_nothing_and_ties_the_same()
    {
        var scheme = Scheme(new IndicatorDefinition { Key = "x", TitleZh = "x", TitleEn = "x", Weight = 10, Normalisation = NormalisationKind.RankPercentile });
        var units = new[] { Unit("a", ("x", 10)), Unit("b", ("x", 20)), Unit("c", ("x", 20)), Unit("d", ("x", 40)) };
        var points = ScoringEngine.Score(scheme, units).ToDictionary(s => s.Name, s => s.Indicators[0].Points);
        points["d"].ShouldBe(10m);    // 3 worse of 3
        points["b"].ShouldBe(3.33m);  // 1 worse of 3
        points["c"].ShouldBe(3.33m);
        points["a"].ShouldBe(0m);

        var lower = scheme with { Indicators = [scheme.Indicators[0] with { Direction = Direction.LowerIsBetter }] };
        var inverted = ScoringEngine.Score(lower, units).ToDictionary(s => s.Name, s => s.Indicators[0].Points);
        inverted["a"].ShouldBe(10m);
        inverted["b"].ShouldBe(3.33m); // only 40 is worse
        inverted["d"].ShouldBe(0m);
    }

    [Fact]
    public void Missing_value_scores_zero_or_the_average_of_the_graded_units_that_have_one()
    {
        var units = new List<UnitInput>
        {
            Unit("a", ("x", 10)), Unit("b", ("x", 20)), Unit("c", ("x", null)),
            Unit("excluded", ("x", 90)) with { Excluded = true },
        };
        var zero = ScoringEngine.Score(Scheme(Ratio("x", 10, 10, cap: 5)), units).Single(s => s.Name == "c").Indicators[0];
        zero.Points.ShouldBe(0m);
        zero.Missing.ShouldBeTrue();
        zero.AverageUsed.ShouldBeFalse();

        // a: 10/10×10 = 10, b: 20; the excluded unit's 90 is not part of the average → 15
        var average = ScoringEngine.Score(Scheme(Ratio("x", 10, 10, cap: 5, missing: MissingValuePolicy.AverageOfOthers)), units)
            .Single(s => s.Name == "c").Indicators[0];
        average.Points.ShouldBe(15m);
        average.AverageUsed.ShouldBeTrue();
    }

    [Fact]
    public void Missing_value_keeps_the_callers_reason()
    {
        var unit = Unit("no land", ("x", null)) with { MissingReasons = new Dictionary<string, string> { ["x"] = "用地面积缺失" } };
        ScoringEngine.Score(Scheme(Ratio("x", 10, 10)), [unit])[0].Indicators[0].MissingReason.ShouldBe("用地面积缺失");
    }

    [Fact]
    public void Negative_weight_and_weights_not_adding_up_are_refused_naming_the_field()
    {
        var scheme = Scheme(Ratio("a", 60, 1), Ratio("b", -10, 1)) with { WeightTotal = 100 };
        var problems = SchemeValidator.Validate(scheme);
        problems.ShouldContain(p => p.Field == "indicators[1].weight" && p.Code == "NegativeWeight");

        var short90 = Scheme(Ratio("a", 60, 1), Ratio("b", 30, 1)) with { WeightTotal = 100 };
        var sum = SchemeValidator.Validate(short90).ShouldHaveSingleItem();
        sum.Field.ShouldBe("indicators");
        sum.Code.ShouldBe("WeightsSum");
        sum.Args.ShouldBe(new object[] { 90m, 100m });

        SchemeValidator.Validate(Scheme(Ratio("a", 60, 1), Ratio("b", 40, 1)) with { WeightTotal = 100 }).ShouldBeEmpty();
    }

    [Fact]
    public void Scheme_checks_benchmarks_caps_grades_and_the_managed_as_grade()
    {
        var bad = Scheme(Ratio("a", 100, 0), Ratio("b", 0, 1, direction: Direction.LowerIsBetter)) with
        {
            Grades = [new("A", UpToShare: 0.3m), new("B", UpToShare: 0.2m), new("C", UpToShare: 0.9m)],
            ExcludedManagedAs = "T",
        };
        var fields = SchemeValidator.Validate(bad).Select(p => (p.Field, p.Code)).ToList();
        fields.ShouldContain(("indicators[0].benchmark", "BenchmarkRequired"));
        fields.ShouldContain(("indicators[1].capMultiple", "CapRequiredForLowerIsBetter"));
        fields.ShouldContain(("grades[1].upToShare", "ShareOrder"));
        fields.ShouldContain(("grades[2].upToShare", "LastShareNotOne"));
        fields.ShouldContain(("excludedManagedAs", "ManagedAsUnknown"));
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        var ranks = ScoringEngine.Score(Straight(), UnitsWithTotals(90, 80, 90, 70)).ToDictionary(s => s.Name, s => s.Rank);
        ranks["u01"].ShouldBe(1);
        ranks["u03"].ShouldBe(1);
        ranks["u02"].ShouldBe(3);
        ranks["u04"].ShouldBe(4);
    }

    [Fact]
    public void Grade_by_share_of_twenty_units_gives_five_A_nine_B_five_C_one_D()
    {
        var totals = Enumerable.Range(1, 20).Select(i => (decimal)(100 - i)).ToArray(); // 99 … 80, all distinct
        var results = ScoringEngine.Score(Straight(), UnitsWithTotals(totals));
        var counts = results.GroupBy(r => r.Grade!).ToDictionary(g => g.Key, g => g.Count());
        counts.ShouldBe(new Dictionary<string, int> { ["A"] = 5, ["B"] = 9, ["C"] = 5, ["D"] = 1 });
        results.Single(r => r.Rank == 5).Grade.ShouldBe("A");  // 5/20 = 25%: still A
        results.Single(r => r.Rank == 6).Grade.ShouldBe("B");
        results.Single(r => r.Rank == 19).Grade.ShouldBe("C"); // 95%
        results.Single(r => r.Rank == 20).Grade.ShouldBe("D");
    }

    [Fact]
    public void A_tie_straddling_the_A_boundary_takes_the_better_grade_by_default_and_the_worse_when_caps_must_hold()
    {
        // 8 units, A = top 25% = 2 places; ranks 1, 2, 2, 4 …: the two 90s straddle places 2 and 3.
        var totals = new decimal[] { 100, 90, 90, 80, 70, 60, 50, 40 };
        var better = ScoringEngine.Score(Straight(BoundaryTie.BetterGrade), UnitsWithTotals(totals)).ToDictionary(s => s.Name, s => s.Grade);
        better["u02"].ShouldBe("A");
        better["u03"].ShouldBe("A");
        better.Values.Count(g => g == "A").ShouldBe(3); // the grade holds more than its share

        var worse = ScoringEngine.Score(Straight(BoundaryTie.WorseGrade), UnitsWithTotals(totals)).ToDictionary(s => s.Name, s => s.Grade);
        worse["u01"].ShouldBe("A");
        worse["u02"].ShouldBe("B");
        worse["u03"].ShouldBe("B");
        worse.Values.Count(g => g == "A").ShouldBe(1); // caps such as Shandong's "A ≤ 20%" are never exceeded
    }

    [Theory]
    [InlineData(90, "A")]
    [InlineData(89.99, "B")]
    [InlineData(75, "B")]
    [InlineData(60, "C")]
    [InlineData(59.99, "D")]
    [InlineData(0, "D")]
    public void Grade_by_score_uses_inclusive_minimums(decimal total, string grade)
    {
        var scheme = Straight() with
        {
            Grading = GradingKind.ByScore,
            Grades = [new("A", MinScore: 90), new("B", MinScore: 75), new("C", MinScore: 60), new("D")],
        };
        ScoringEngine.Score(scheme, UnitsWithTotals(total))[0].Grade.ShouldBe(grade);
    }

    [Fact]
    public void Excluded_units_are_scored_not_ranked_not_counted_and_take_the_managed_as_grade()
    {
        var units = UnitsWithTotals(100, 90, 80, 70);
        units.Add(Unit("utility", ("x", 999)) with { Excluded = true, ExcludedReason = "公用事业" });
        var results = ScoringEngine.Score(Straight(), units);
        var utility = results.Single(r => r.Name == "utility");
        utility.Rank.ShouldBeNull();
        utility.Grade.ShouldBe("B");
        utility.Excluded.ShouldBeTrue();
        utility.Total.ShouldBe(999m);
        results.Single(r => r.Name == "u01").Rank.ShouldBe(1);        // the excluded 999 does not push it down
        results.Count(r => r.Grade == "A").ShouldBe(1);               // 25% of 4 graded units, not of 5
        results.Single(r => r.Name == "u04").Grade.ShouldBe("D");     // 4/4 = 100%: D
    }

    [Fact]
    public void Bonus_and_penalty_are_added_within_their_limits()
    {
        var scheme = Straight() with { MaxBonus = 2, MaxPenalty = 10 };
        var unit = Unit("a", ("x", 50)) with { Adjustments = [new("专利", 3), new("安全事故", -5)] };
        var result = ScoringEngine.Score(scheme, [unit])[0];
        result.Bonus.ShouldBe(2m);
        result.Penalty.ShouldBe(5m);
        result.Total.ShouldBe(47m); // 50 + 2 − 5
    }

    [Fact]
    public void An_invalid_scheme_or_a_unit_given_twice_is_refused_before_scoring()
    {
        Should.Throw<ArgumentException>(() => ScoringEngine.Score(Scheme(Ratio("x", -1, 1)), UnitsWithTotals(1)));
        var unit = Unit("a", ("x", 1));
        Should.Throw<ArgumentException>(() => ScoringEngine.Score(Straight(), [unit, unit]));
    }

    [Theory]
    [InlineData("2025", 2025, null, "2025-12-31")]
    [InlineData("2025Q1", 2025, 1, "2025-03-31")]
    [InlineData("2024q4", 2024, 4, "2024-12-31")]
    public void Period_parses_years_and_quarters(string text, int year, int? quarter, string lastDay)
    {
        ScoringPeriod.TryParse(text, out var p).ShouldBeTrue();
        p.ShouldBe(new ScoringPeriod(year, quarter));
        p.LastDay.ShouldBe(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026M11", 11, "2026-11-30")]
    [InlineData("2024m2", 2, "2024-02-29")]
    [InlineData("2026M01", 1, "2026-01-31")]
    public void Period_parses_months_for_monthly_site_reviews(string text, int month, string lastDay)
    {
        ScoringPeriod.TryParse(text, out var p).ShouldBeTrue();
        p.ShouldBe(ScoringPeriod.OfMonth(p.Year, month));
        p.LastDay.ShouldBe(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture));
        ScoringPeriod.TryParse(p.ToString(), out var again).ShouldBeTrue();
        again.ShouldBe(p);
    }

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025M13")]
    [InlineData("2025M0")]
    [InlineData("2025-Q1")]
    [InlineData("abc")]
    [InlineData("1999")]
    [InlineData("")]
    public void Period_refuses_what_is_not_a_year_or_quarter(string text) => ScoringPeriod.TryParse(text, out _).ShouldBeFalse();
}
