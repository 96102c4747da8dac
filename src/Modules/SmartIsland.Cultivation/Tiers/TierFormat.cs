using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>How values, gaps and missing inputs read on the pages and in ledgers: in the enterprise's own units.</summary>
public static class TierFormat
{
    public static string Value(decimal? value, string unit, IStringLocalizer l)
    {
        if (value is not { } v) return "—";
        return unit switch
        {
            "ratio" => v.ToString("0.0#%", CultureInfo.CurrentCulture),
            "yuan" => Yuan(v),
            "people" => $"{v:0.#} {l["People"]}",
            "days" => $"{v:0}",
            "years" => $"{v:0.#}",
            "bool" => v != 0 ? l["Yes"] : l["No"],
            _ => v.ToString("0.##", CultureInfo.CurrentCulture),
        };
    }

    /// <summary>Money the way staff say it: ¥86.0万 above ten thousand yuan, ¥1.20亿 above a hundred million.</summary>
    public static string Yuan(decimal v)
    {
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return Math.Abs(v) switch
        {
            >= 100_000_000m => en ? $"¥{v / 1_000_000m:0.##} million" : $"¥{v / 100_000_000m:0.##}亿",
            >= 10_000m => en ? $"¥{v / 1_000m:0.#}k" : $"¥{v / 10_000m:0.#}万",
            _ => $"¥{v:0.##}",
        };
    }

    public static string Threshold(CriterionResult c, IStringLocalizer l) =>
        c.Threshold is null ? "—" : $"{Op(c.Op)} {Value(c.Threshold, c.Unit, l)}";

    private static string Op(string op) => op switch { ">=" => "≥", "<=" => "≤", "=" => "=", _ => op };

    /// <summary>"还需研发费用约 ¥30万" where the rule restates the gap, else the gap in the value's own unit.</summary>
    public static string? Gap(CriterionResult c, IStringLocalizer l)
    {
        if (c.GapAs is { } more && more > 0)
            return $"{c.GapLabel?.ToString() ?? ""} {Value(more, c.GapAsUnit ?? "yuan", l)}".Trim();
        if (c.Gap is { } gap && gap != 0) return Value(gap, c.Unit, l);
        return null;
    }

    /// <summary>A missing input in words: "营业收入（2025年）", a declared fact's title, or its key when unknown.</summary>
    public static string Missing(string name, IStringLocalizer l)
    {
        if (name == "÷0") return l["DivideByZero"];
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0 && name.EndsWith(']'))
        {
            var figure = name[..bracket];
            var label = l["Fig_" + figure];
            return l["MissingYear", label.ResourceNotFound ? figure : label.Value, name[(bracket + 1)..^1]];
        }
        var fig = l["Fig_" + name];
        if (!fig.ResourceNotFound) return fig;
        return RuleSetLibrary.Facts.FirstOrDefault(f => f.Key == name)?.Title.ToString() ?? name;
    }

    /// <summary>Declared facts among the missing inputs: what someone can declare to settle a "needs confirmation".</summary>
    public static IEnumerable<FactDefinition> Declarable(RuleSetResult r) =>
        r.Missing.Select(m => RuleSetLibrary.Facts.FirstOrDefault(f => f.Key == m)).OfType<FactDefinition>().Distinct();
}
