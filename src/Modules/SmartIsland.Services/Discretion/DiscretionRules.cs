using System.Globalization;

namespace SmartIsland.Services.Discretion;

/// <summary>What a discretion rule is told about a record: the officer's finding and the vehicle's record so far.</summary>
/// <param name="PriorMinorInCycle">Minor violations of the same vehicle already on record in the cycle of <paramref name="OccurredAt"/>.</param>
/// <param name="Fine">The fine the zone sets for the item when one is due (yuan).</param>
public sealed record DiscretionFacts(bool Minor, DateTimeOffset OccurredAt, int PriorMinorInCycle, decimal Fine);

/// <summary>The platform's decision and the reason it gives, in the record's wording.</summary>
public sealed record DiscretionOutcome(PenaltyDecision Decision, decimal? Fine, string Cycle, int OrdinalInCycle, string Reason);

/// <summary>A bounded-discretion rule (行政处罚裁量基准) a penalty item can carry by its code.</summary>
public interface IDiscretionRule
{
    string Code { get; }
    string Name { get; }
    /// <summary>The published text the rule encodes, so a reviewer can check it.</summary>
    string Source { get; }
    /// <summary>The fine when the zone sets none (yuan).</summary>
    decimal DefaultFine { get; }
    string CycleOf(DateTimeOffset at);
    DiscretionOutcome Decide(DiscretionFacts facts);
}

/// <summary>The rules the platform knows; a catalogue item names one by <see cref="IDiscretionRule.Code"/>.</summary>
public static class DiscretionRules
{
    public static IReadOnlyList<IDiscretionRule> All { get; } = [new ParkingFirstMinorRule()];

    public static IDiscretionRule? Find(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A calendar half-year in the zone's time (+08:00): 1 January–30 June ("H1") and 1 July–31 December ("H2").
/// ADR 0013 explains why the six-month cycle is read this way.
/// </summary>
public readonly record struct HalfYear(int Year, int Half)
{
    public static readonly TimeSpan ZoneOffset = TimeSpan.FromHours(8);

    public static HalfYear Of(DateTimeOffset at)
    {
        var local = at.ToOffset(ZoneOffset);
        return new HalfYear(local.Year, local.Month <= 6 ? 1 : 2);
    }

    /// <summary>"2026H2"; null when the text is not one.</summary>
    public static HalfYear? Parse(string? code)
    {
        var text = code?.Trim().ToUpperInvariant();
        if (text is not { Length: 6 } || text[4] != 'H' || text[5] is not ('1' or '2')) return null;
        return int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? new HalfYear(year, text[5] - '0') : null;
    }

    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}H{Half}");

    /// <summary>"2026年下半年", as the record says it.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Year}年{(Half == 1 ? "上" : "下")}半年");

    public DateTimeOffset Start => new(Year, Half == 1 ? 1 : 7, 1, 0, 0, 0, ZoneOffset);
    public DateTimeOffset End => Start.AddMonths(6);
}

/// <summary>
/// 周期内首次违停免罚: 高新区城市管理和综合执法局 — "今年，城管部门推出'周期内首次违停免罚'机制，即每6个月一个周期，
/// 周期内首次轻微违法停车免于罚款" (平顶山高新区《有"烟火气"更有"人情味" 区城管执法局打造"服务城管"》). Legal footing:
/// 行政处罚法 (2021) 第三十三条第一款 "初次违法且危害后果轻微并及时改正的，可以不予行政处罚".
/// A second minor violation in the same cycle is fined; a violation that is not minor is outside the mechanism and
/// fined (the officer may still override either way, with a reason). The next cycle starts afresh.
/// </summary>
public sealed class ParkingFirstMinorRule : IDiscretionRule
{
    public const string RuleCode = "parking-first-minor";

    public string Code => RuleCode;
    public string Name => "周期内首次轻微违停免罚";
    public string Source =>
        "高新区城市管理和综合执法局“周期内首次违停免罚”机制：每6个月一个周期，周期内首次轻微违法停车免于罚款；《中华人民共和国行政处罚法》第三十三条第一款";

    /// <summary>
    /// Illustrative: 道路交通安全法 第九十三条 allows a warning or 20–200 yuan for illegal parking; the zone sets its own
    /// amount with the setting Discretion:Fines:parking-first-minor.
    /// </summary>
    public decimal DefaultFine => 100m;

    public string CycleOf(DateTimeOffset at) => HalfYear.Of(at).Code;

    public DiscretionOutcome Decide(DiscretionFacts facts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(facts.PriorMinorInCycle);
        var cycle = HalfYear.Of(facts.OccurredAt);
        var fine = facts.Fine.ToString("0.##", CultureInfo.InvariantCulture);
        if (!facts.Minor)
            return new(PenaltyDecision.Fine, facts.Fine, cycle.Code, 0,
                $"非轻微违法停车，不适用“周期内首次违停免罚”，依法罚款{fine}元");
        var ordinal = facts.PriorMinorInCycle + 1;
        return ordinal == 1
            ? new(PenaltyDecision.Exempt, null, cycle.Code, 1, $"本周期（{cycle.Label}）首次轻微违停，免予罚款")
            : new(PenaltyDecision.Fine, facts.Fine, cycle.Code, ordinal,
                string.Create(CultureInfo.InvariantCulture, $"本周期（{cycle.Label}）第{ordinal}次轻微违停，不再免罚，依法罚款{fine}元"));
    }
}
