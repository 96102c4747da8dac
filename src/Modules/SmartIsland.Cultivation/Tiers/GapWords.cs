using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// One unmet or undecided criterion kept with a standing, compact (short JSON names: 100,000 enterprises × 5 sets
/// are stored each night). The zh title and gap label are kept so pages and exports need not re-evaluate.
/// </summary>
public sealed record GapItem(
    [property: JsonPropertyName("k")] string Key,
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("u")] string Unit,
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("v")] decimal? Value,
    [property: JsonPropertyName("th")] decimal? Threshold,
    [property: JsonPropertyName("g")] decimal? Gap,
    [property: JsonPropertyName("ga")] decimal? GapAs,
    [property: JsonPropertyName("gu")] string? GapAsUnit,
    [property: JsonPropertyName("gl")] string? GapLabel,
    [property: JsonPropertyName("m")] IReadOnlyList<string>? Missing);

/// <summary>Gaps to and from JSON, and in words ("研发费用占比 3.1%，需 ≥4%：还需研发费用约 86 万元").</summary>
public static class GapWords
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static List<GapItem> From(RuleSetResult result) =>
        result.Gaps().Select(c => new GapItem(
            c.Key, c.Title.Zh, c.Unit, c.Op, Round(c.Value), Round(c.Threshold), Round(c.Gap), Round(c.GapAs), c.GapAsUnit, c.GapLabel?.Zh,
            c.Missing.Count == 0 ? null : c.Missing)).ToList();

    private static decimal? Round(decimal? v) => v is { } d ? Math.Round(d, 6) : null;

    public static string ToJson(IReadOnlyList<GapItem> gaps) => JsonSerializer.Serialize(gaps, Json);

    public static IReadOnlyList<GapItem> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<GapItem>>(json, Json) ?? [];

    /// <summary>One gap as a sentence in zh-CN (the default) or English.</summary>
    public static string Describe(GapItem g, bool english = false)
    {
        if (g.Unit == "bool")
        {
            if (g.Value is null) return english ? $"{g.Title}: not declared yet" : $"{g.Title}：尚未声明";
            return english ? $"{g.Title}: not met" : $"{g.Title}：不满足";
        }
        if (g.Value is null)
        {
            var what = g.Missing is { Count: > 0 } m ? string.Join(english ? ", " : "、", m) : "";
            return english ? $"{g.Title}: data missing ({what})" : $"{g.Title}：缺少数据（{what}）";
        }
        var need = $"{Symbol(g.Op)}{Amount(g.Threshold, g.Unit, english, compact: true)}";
        var text = english
            ? $"{g.Title} {Amount(g.Value, g.Unit, english)}, needs {need}"
            : $"{g.Title} {Amount(g.Value, g.Unit, english)}，需 {need}";
        if (g.Gap is null && g.Threshold is not null) text += english ? " (threshold unverified)" : "（门槛未核实）";
        if (g.GapAs is { } more && more > 0)
        {
            var label = g.GapLabel ?? (english ? "more needed" : "还需");
            text += english ? $": {label} {Amount(more, g.GapAsUnit, english)}" : $"：{label} {Amount(more, g.GapAsUnit, english)}";
        }
        return text;
    }

    /// <summary>The main gaps of a standing in one line, for lists and exports.</summary>
    public static string Summary(IEnumerable<GapItem> gaps, bool english = false, int max = 3)
    {
        var list = gaps.ToList();
        var words = list.Take(max).Select(g => Describe(g, english)).ToList();
        if (list.Count > max) words.Add(english ? $"and {list.Count - max} more" : $"等 {list.Count} 项");
        return string.Join(english ? "; " : "；", words);
    }

    private static string Symbol(string op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        _ => op,
    };

    /// <summary>Ratios as percentages with one decimal, money in 万元 (ui.md), people and counts as whole numbers.</summary>
    private static string Amount(decimal? value, string? unit, bool english, bool compact = false)
    {
        if (value is not { } v) return "—";
        var c = CultureInfo.InvariantCulture;
        return unit switch
        {
            "ratio" => (v * 100).ToString(compact ? "0.##" : "0.0", c) + "%",
            "yuan" => english ? $"¥{(v / 10_000).ToString("0.#", c)}万" : $"{(v / 10_000).ToString("0.#", c)} 万元",
            "people" => english ? $"{v.ToString("0", c)} people" : $"{v.ToString("0", c)} 人",
            "count" => english ? v.ToString("0", c) : $"{v.ToString("0", c)} 项",
            "days" => english ? $"{v.ToString("0", c)} days" : $"{v.ToString("0", c)} 天",
            _ => v.ToString("0.##", c),
        };
    }
}
