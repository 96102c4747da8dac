using System.Text.Json.Serialization;

namespace SmartIsland.Rules.Engine;

[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    Eligible,
    NotEligible,
    /// <summary>A needed fact is missing or undeclared, a threshold is unverified, or experts must score: never a guess.</summary>
    NeedsConfirmation,
}

/// <summary>
/// One criterion explained: the value used, the threshold, met or not (null: cannot be decided — see
/// <see cref="Missing"/> or <see cref="Unverified"/>), and the gap. <see cref="Gap"/> is in the value's unit
/// (percentage points of a ratio); <see cref="GapAs"/> restates it in the subject's own units (yuan, people).
/// </summary>
public sealed record CriterionResult(
    string Key, LocalizedText Title, string Cite, string? Formula, string Unit, string Op,
    decimal? Value, decimal? Threshold, bool? Met, bool? IndicativeMet, decimal? Gap,
    decimal? GapAs, string? GapAsUnit, LocalizedText? GapLabel,
    IReadOnlyList<string> Missing, bool Unverified, LocalizedText? Note,
    string? Combine, IReadOnlyList<CriterionResult>? Children);

/// <summary>A scored item: its value, the band it fell in, and its points as a range (equal ends when certain).</summary>
public sealed record ScoreItemResult(
    string Key, LocalizedText Title, string Cite, decimal Max, string? Formula, decimal? Value, string Unit,
    string? Band, decimal Low, decimal High, bool Expert, IReadOnlyList<string> Missing, LocalizedText? Note);

public sealed record ScoreGroupResult(
    string Key, LocalizedText Title, decimal Low, decimal High, decimal? Minimum, decimal? Cap, IReadOnlyList<ScoreItemResult> Items);

/// <summary>The total as a range; <see cref="Passed"/> is null while the range straddles the mark or experts must score.</summary>
public sealed record ScoreResult(decimal Low, decimal High, decimal PassMark, bool AutomaticPass, bool? Passed, IReadOnlyList<ScoreGroupResult> Groups);

/// <summary>What one rule set says of one subject, with everything needed to check it by hand.</summary>
public sealed record RuleSetResult(
    string Code, string Version, LocalizedText Title, string Document, DateOnly EffectiveFrom, DateOnly? EffectiveUntil,
    bool Unverified, int Year, Outcome Outcome, bool? ConditionsMet, ScoreResult? Score, bool? DirectlyQualified,
    IReadOnlyList<CriterionResult> Conditions, IReadOnlyList<CriterionResult> Direct,
    decimal Closeness, IReadOnlyList<string> Missing, LocalizedText? Note)
{
    /// <summary>The unmet (or undecided) leaf criteria of the conditions, in order: "what is missing".</summary>
    public IEnumerable<CriterionResult> Gaps() => Leaves(Conditions).Where(c => c.Met != true);

    private static IEnumerable<CriterionResult> Leaves(IEnumerable<CriterionResult> list) =>
        list.SelectMany(c => c.Children is null ? [c] : Leaves(c.Children));
}
