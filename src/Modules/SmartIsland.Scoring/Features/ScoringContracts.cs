using SmartIsland.Scoring.Engine;

namespace SmartIsland.Scoring.Features;

/// <summary>A scheme to store as a new revision.</summary>
public sealed record SchemeInput(string Key, string TitleZh, string TitleEn, DateOnly EffectiveFrom, DateOnly? EffectiveTo, SchemeDefinition Definition);

public sealed record SchemeView(
    Guid Id, string Key, int Revision, string TitleZh, string TitleEn, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    SchemeDefinition Definition, DateTimeOffset CreatedAt);

public sealed record RunSummary(
    Guid Id, string SchemeKey, int SchemeRevision, string Period, DateTimeOffset RunAt, string? RunBy, int UnitCount, int GradedCount,
    IReadOnlyDictionary<string, int> GradeCounts);

public sealed record RunView(RunSummary Run, IReadOnlyList<UnitScore> Results);

/// <summary>One unit's result in one run, for its history across periods.</summary>
public sealed record UnitHistoryItem(string Period, Guid RunId, DateTimeOffset RunAt, int SchemeRevision, decimal Total, int? Rank, int GradedCount, string? Grade, bool Excluded);

/// <summary>
/// The scoring module's door: define and read schemes, run a scheme for a period over the units a caller hands in
/// (stored with every per-indicator value and point), read results and history. Works in the current zone; who may
/// call it is the caller's rule (it knows its units).
/// </summary>
public interface IScoringService
{
    /// <summary>Stores a new revision. <paramref name="expectedRevision"/> is the revision the editor read (null for the first); 409 if another was saved since.</summary>
    Task<SchemeView> SaveSchemeAsync(SchemeInput input, int? expectedRevision, string? reason, CancellationToken cancellationToken = default);

    /// <summary>The revision in force on a day (the latest when no day is given); null if none.</summary>
    Task<SchemeView?> GetSchemeAsync(string key, DateOnly? on = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SchemeView>> RevisionsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Scores the units with the scheme in force at the period's end and stores the run; earlier runs of the period stay as history.</summary>
    Task<RunView> RunAsync(string key, ScoringPeriod period, IReadOnlyList<UnitInput> units, string? reason, CancellationToken cancellationToken = default);

    Task<RunView?> LatestRunAsync(string key, ScoringPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Every run of the scheme, newest first.</summary>
    Task<IReadOnlyList<RunSummary>> RunsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The unit's results in the latest run of each period, newest period first.</summary>
    Task<IReadOnlyList<UnitHistoryItem>> HistoryAsync(string key, Guid unitId, CancellationToken cancellationToken = default);
}
