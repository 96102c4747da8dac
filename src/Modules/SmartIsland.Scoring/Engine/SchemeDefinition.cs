namespace SmartIsland.Scoring.Engine;

/// <summary>Which way an indicator is good.</summary>
public enum Direction
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

/// <summary>How a raw value becomes points.</summary>
public enum NormalisationKind
{
    /// <summary>value ÷ benchmark × weight (benchmark ÷ value when lower is better), optionally capped at a multiple of the weight (开化: 1.5×).</summary>
    BenchmarkRatio = 0,
    /// <summary>A table of value bands, each worth a number of points; every edge says whether it is included.</summary>
    Bands = 1,
    /// <summary>weight × (units strictly worse) ÷ (units − 1): the best unit gets the full weight, the worst 0, ties share.</summary>
    RankPercentile = 2,
}

/// <summary>What a unit without a value for an indicator gets.</summary>
public enum MissingValuePolicy
{
    /// <summary>No points for the indicator.</summary>
    Zero = 0,
    /// <summary>The average points of the units that have a value (台州黄岩: a 规上 firm with no emission data gets the 规上 average for that item).</summary>
    AverageOfOthers = 1,
}

/// <summary>How grades are cut.</summary>
public enum GradingKind
{
    /// <summary>Each grade has a minimum total score (inclusive).</summary>
    ByScore = 0,
    /// <summary>Each grade covers the ranked units up to a cumulative share (A top 25%, B to 70%, C to 95%, D the rest).</summary>
    ByShare = 1,
}

/// <summary>
/// When tied units straddle a share boundary (ByShare): either all of them take the better grade (their shared
/// competition rank decides — a grade may then hold more than its share), or all take the worse grade (the
/// position of the last tied unit decides — a capped grade such as Shandong's "A ≤ 20%" is never exceeded).
/// </summary>
public enum BoundaryTie
{
    BetterGrade = 0,
    WorseGrade = 1,
}

/// <summary>One row of a banded table: [From, To] with each edge inclusive or not; a null edge is open.</summary>
public sealed record Band(decimal? From, bool FromInclusive, decimal? To, bool ToInclusive, decimal Points)
{
    public bool Contains(decimal value) =>
        (From is null || (FromInclusive ? value >= From : value > From)) &&
        (To is null || (ToInclusive ? value <= To : value < To));
}

/// <summary>One indicator of a scheme: what it measures and how it scores.</summary>
public sealed record IndicatorDefinition
{
    public required string Key { get; init; }
    public required string TitleZh { get; init; }
    public required string TitleEn { get; init; }
    public string Unit { get; init; } = "";
    public Direction Direction { get; init; } = Direction.HigherIsBetter;
    public decimal Weight { get; init; }
    public NormalisationKind Normalisation { get; init; } = NormalisationKind.BenchmarkRatio;
    /// <summary>BenchmarkRatio: the value worth exactly the weight (e.g. 亩均税收 24.097 万元/亩, 台州黄岩 2023).</summary>
    public decimal? Benchmark { get; init; }
    /// <summary>BenchmarkRatio: points are capped at this multiple of the weight (开化: 1.5); null = no cap.</summary>
    public decimal? CapMultiple { get; init; }
    public IReadOnlyList<Band> Bands { get; init; } = [];
    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Zero;
}

/// <summary>A grade and where it is cut: a minimum score (ByScore) or a cumulative share of ranked units (ByShare).</summary>
public sealed record GradeCut(string Grade, decimal? MinScore = null, decimal? UpToShare = null);

/// <summary>A whole scheme: indicators, weights and grades. Stored as JSON, versioned by revision.</summary>
public sealed record SchemeDefinition
{
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];
    /// <summary>When set, the weights must add up to exactly this (e.g. 100).</summary>
    public decimal? WeightTotal { get; init; } = 100m;
    public GradingKind Grading { get; init; } = GradingKind.ByShare;
    /// <summary>Best grade first.</summary>
    public IReadOnlyList<GradeCut> Grades { get; init; } = [];
    public BoundaryTie BoundaryTie { get; init; } = BoundaryTie.BetterGrade;
    /// <summary>The grade units excluded from grading are managed as ("不定等级", managed as B).</summary>
    public string? ExcludedManagedAs { get; init; }
    /// <summary>Most points a unit may gain from bonuses, and lose from penalties (null = unlimited).</summary>
    public decimal? MaxBonus { get; init; }
    public decimal? MaxPenalty { get; init; }
}
