using System.Text.Json.Serialization;

namespace SmartIsland.Rules.Engine;

/// <summary>Text in the zone's working language and in English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string Pick(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(En) ? En : Zh;

    public override string ToString() => Pick(System.Globalization.CultureInfo.CurrentUICulture);
}

/// <summary>
/// A rule set as data (stored as JSON): who it applies to, from when, the conditions that must all hold, the
/// scoring table with its pass mark, and the direct-qualifying conditions. Versioned by <see cref="Version"/>
/// (usually the year of the text) and optionally by zone (a zone's own version replaces the national one).
/// </summary>
public sealed class RuleSetDefinition
{
    /// <summary>Stable across versions: <c>hnte</c>, <c>techSme</c> …</summary>
    public string Code { get; set; } = "";
    public string Version { get; set; } = "";
    public LocalizedText Title { get; set; } = new("", "");
    /// <summary>The document(s) the set encodes, e.g. 国科发火〔2016〕32号.</summary>
    public string Document { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Inclusive last day; null while in force.</summary>
    public DateOnly? EffectiveUntil { get; set; }
    /// <summary>The whole set rests on thresholds not yet confirmed from the published text.</summary>
    public bool Unverified { get; set; }
    public LocalizedText? Note { get; set; }
    /// <summary>Named constants the formulas read as <c>setting.NAME</c>; a zone changes them without touching the rules.</summary>
    public Dictionary<string, decimal> Settings { get; set; } = [];
    public List<CriterionDefinition> Conditions { get; set; } = [];
    public ScoringDefinition? Scoring { get; set; }
    public DirectDefinition? Direct { get; set; }

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveUntil is null || day <= EffectiveUntil);
}

/// <summary>
/// One condition. Either a test (<see cref="Value"/> <see cref="Op"/> <see cref="Threshold"/>), or a group of
/// children of which <see cref="All"/> or <see cref="Any"/> must hold.
/// </summary>
public sealed class CriterionDefinition
{
    public string Key { get; set; } = "";
    public LocalizedText Title { get; set; } = new("", "");
    /// <summary>Document and article, e.g. 国科发火〔2016〕32号 第十一条（五）.</summary>
    public string Cite { get; set; } = "";
    public string? Value { get; set; }
    /// <summary>One of &gt;= &gt; &lt;= &lt; =.</summary>
    public string Op { get; set; } = ">=";
    /// <summary>A number or a formula (a threshold that depends on a band of another figure).</summary>
    public string? Threshold { get; set; }
    /// <summary>ratio, yuan, people, count, days, years, bool.</summary>
    public string Unit { get; set; } = "bool";
    /// <summary>The gap restated in the subject's own units ("about ¥86万 more R&amp;D expense"); may use <c>threshold</c>.</summary>
    public GapDefinition? GapAs { get; set; }
    /// <summary>The threshold comes from a source not yet confirmed: the criterion can never decide on its own.</summary>
    public bool Unverified { get; set; }
    public LocalizedText? Note { get; set; }
    /// <summary>
    /// A route the subject claims (an award, a title): left undeclared it counts as not claimed instead of
    /// unknown, so one unclaimed award does not hold every result open. Direct-qualifying conditions are claims.
    /// </summary>
    public bool Claim { get; set; }
    public List<CriterionDefinition>? All { get; set; }
    public List<CriterionDefinition>? Any { get; set; }

    [JsonIgnore]
    public bool IsGroup => All is not null || Any is not null;
}

public sealed class GapDefinition
{
    public string Formula { get; set; } = "";
    public string Unit { get; set; } = "yuan";
    public LocalizedText? Label { get; set; }
}

public sealed class ScoringDefinition
{
    /// <summary>Pass when the total is at least this (whole-number scores: "70分以上（不含70分）" is 71).</summary>
    public decimal PassMark { get; set; }
    /// <summary>False where experts score part of the table: the platform gives a pre-score, never a pass.</summary>
    public bool AutomaticPass { get; set; } = true;
    /// <summary>Items whose score must not be zero (科技型中小企业: 科技人员指标得分不得为0).</summary>
    public List<string> NonZero { get; set; } = [];
    public List<ScoreGroupDefinition> Groups { get; set; } = [];
}

public sealed class ScoreGroupDefinition
{
    public string Key { get; set; } = "";
    public LocalizedText Title { get; set; } = new("", "");
    /// <summary>The group's total is capped here (高企 知识产权 stays at 30 with its bonus).</summary>
    public decimal? Cap { get; set; }
    /// <summary>The group must reach this on its own (创新型中小企业: 创新能力 ≥ 20 …).</summary>
    public decimal? Minimum { get; set; }
    public List<ScoreItemDefinition> Items { get; set; } = [];
}

/// <summary>
/// A scored item: bands over <see cref="Value"/> (first band whose <c>when</c> holds, with <c>x</c> the value), a
/// points formula, or an expert judgement (a range 0…max unless an expert's score is declared as <c>score.KEY</c>).
/// </summary>
public sealed class ScoreItemDefinition
{
    public string Key { get; set; } = "";
    public LocalizedText Title { get; set; } = new("", "");
    public string Cite { get; set; } = "";
    public decimal Max { get; set; }
    public string? Value { get; set; }
    public string Unit { get; set; } = "ratio";
    public List<BandDefinition>? Bands { get; set; }
    public string? Points { get; set; }
    public bool Expert { get; set; }
    public LocalizedText? Note { get; set; }
}

public sealed class BandDefinition
{
    /// <summary>Condition over <c>x</c> (the item's value) and any other name; null: otherwise.</summary>
    public string? When { get; set; }
    public string Label { get; set; } = "";
    public decimal? Points { get; set; }
    /// <summary>Where the text gives a range ("A 7–8 分"): the pre-score is the range.</summary>
    public decimal[]? Range { get; set; }
}

/// <summary>Direct confirmation: when <see cref="RequireConditions"/> hold, any one of these qualifies without the score.</summary>
public sealed class DirectDefinition
{
    public bool RequireConditions { get; set; } = true;
    public List<CriterionDefinition> Any { get; set; } = [];
}
