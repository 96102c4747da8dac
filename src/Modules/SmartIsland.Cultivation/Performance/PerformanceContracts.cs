using SmartIsland.Scoring.Engine;
using SmartIsland.Scoring.Features;

namespace SmartIsland.Cultivation.Performance;

/// <summary>The zone's per-mu scheme. <see cref="Revision"/> 0 with <see cref="IsDefault"/>: the illustrative default, not yet saved.</summary>
public sealed record PerformanceSchemeView(
    int Revision, bool IsDefault, DateOnly EffectiveFrom, DateOnly? EffectiveTo, SchemeDefinition Definition, DateTimeOffset? SavedAt,
    IReadOnlyList<PerMuIndicator> Catalogue);

/// <summary>A new revision of the scheme. <see cref="Revision"/> is the one the editor read (0 for the default).</summary>
public sealed class PerformanceSchemeInput
{
    public SchemeDefinition? Definition { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public int? Revision { get; set; }
    public string? Reason { get; set; }
}

public sealed class PerformanceRunInput
{
    /// <summary>"2025" (the yearly grade) or "2025Q3" (quarterly monitoring).</summary>
    public string? Period { get; set; }
}

/// <summary>
/// What a run did: the stored summary, and the enterprises it could not score because they have no figures for the year
/// (their count, and the first <see cref="PerformanceService.WithoutFiguresListed"/> names).
/// </summary>
public sealed record PerformanceRunOutcome(RunSummary Run, int FiguresYear, bool YearlyFiguresForQuarter, int Scored, int WithoutFiguresCount, IReadOnlyList<string> WithoutFigures);

public sealed record PerformanceItem(string Key, decimal? Value, decimal Points, bool Missing, bool AverageUsed, string? MissingReason);

public sealed record PerformanceRow(
    Guid EnterpriseId, string Name, int? Rank, decimal Total, decimal Bonus, decimal Penalty, string? Grade, bool Excluded, string? ExcludedReason,
    IReadOnlyList<PerformanceItem> Items);

public enum PerformanceSort
{
    Rank = 0,
    Name = 1,
    Total = 2,
}

public sealed record PerformanceQuery(string Period, string? Search = null, string? Grade = null, PerformanceSort Sort = PerformanceSort.Rank, bool Desc = false, int Page = 1, int PageSize = 20);

/// <summary>One page of a period's latest run, with the run, the indicators as columns and the grade distribution of the whole run.</summary>
public sealed record PerformanceResults(
    RunSummary Run, IReadOnlyList<IndicatorDefinition> Indicators, IReadOnlyList<PerformanceRow> Items, int Total, int Page, int PageSize);

public sealed record PolicyView(string Grade, PolicyLever Lever, string TextZh, string TextEn, bool Illustrative, int Version);

public sealed class PolicyInput
{
    public string? TextZh { get; set; }
    public string? TextEn { get; set; }
    /// <summary>The version read; 0 for a default not yet saved.</summary>
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class ExclusionInput
{
    public Guid? EnterpriseId { get; set; }
    public string? Reason { get; set; }
}

public sealed record ExclusionView(Guid EnterpriseId, string Name, string Reason, int Version);

public sealed record GradeCardEntry(string Period, string? Grade, decimal Total, int? Rank, int GradedCount, bool Excluded, DateTimeOffset RunAt);

/// <summary>What the grade card shows: the latest yearly grade, the latest quarterly monitoring, the policies of the grade, the history.</summary>
public sealed record GradeCard(Guid EnterpriseId, GradeCardEntry? Yearly, GradeCardEntry? Monitoring, IReadOnlyList<PolicyView> Policies, IReadOnlyList<GradeCardEntry> History);
