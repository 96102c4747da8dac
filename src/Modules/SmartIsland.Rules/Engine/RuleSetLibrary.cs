using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartIsland.Rules.Engine;

/// <summary>A fact someone must declare (with evidence) because the platform cannot know it.</summary>
public sealed record FactDefinition(string Key, string Kind, LocalizedText Title, LocalizedText? Hint);

/// <summary>
/// The official rule sets and the catalogue of declared facts, as shipped in the assembly (RuleSets/*.json).
/// They are seeded into the database, where a zone may add its own versions; this class only reads and checks.
/// </summary>
public static class RuleSetLibrary
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<IReadOnlyList<RuleSetDefinition>> official = new(() =>
        typeof(RuleSetLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("RuleSets.", StringComparison.Ordinal) && n != "RuleSets.facts.json")
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(Read(n)))
            .ToList());

    private static readonly Lazy<IReadOnlyList<FactDefinition>> facts = new(() =>
        JsonSerializer.Deserialize<FactFile>(Read("RuleSets.facts.json"), Json)!.Facts);

    public static IReadOnlyList<RuleSetDefinition> Official => official.Value;

    public static IReadOnlyList<FactDefinition> Facts => facts.Value;

    /// <summary>Names of the answers of an application form, e.g. <c>form.signArea</c>.</summary>
    public const string FormPrefix = "form.";

    /// <summary>Yearly figures the engine understands, filled by whoever evaluates (e.g. the tier screening).</summary>
    public static readonly IReadOnlySet<string> YearlyNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "revenue", "mainBusinessRevenue", "totalIncome", "highTechProductRevenue", "rdExpense", "domesticRdExpense",
        "totalCost", "totalAssets", "totalLiabilities", "netAssets", "netProfit", "valueAdded", "taxPaid",
        "equityFinancing", "employees", "techStaff", "rdStaff", "inventionPatents", "classTwoIp", "techConversions",
        "landMu", "energyUseTce",
    };

    /// <summary>Facts the platform knows by itself: never declared.</summary>
    public static readonly IReadOnlySet<string> SystemFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        "operatingDays", "holds.hnte", "holds.techSme", "holds.innovativeSme", "holds.srdiSme", "holds.littleGiant", "holds.listed",
        // The year a title held today was first granted (policies reward "newly recognised" enterprises); unknown when not held.
        "since.hnte", "since.techSme", "since.innovativeSme", "since.srdiSme", "since.littleGiant", "since.listed",
        "evaluationYear",
    };

    /// <summary>
    /// For each code, the version in force on <paramref name="day"/>: a zone's own version before the national one,
    /// then the one that took effect last (the 2026 办法 replaces the 2022 暂行办法 from 2026-04-01).
    /// </summary>
    public static IReadOnlyList<T> InForce<T>(IEnumerable<T> candidates, Func<T, RuleSetDefinition> definition, Func<T, bool> zoneOwn, DateOnly day) =>
        candidates.Where(c => definition(c).IsEffectiveOn(day))
            .GroupBy(c => definition(c).Code, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(zoneOwn).ThenByDescending(c => definition(c).EffectiveFrom).First())
            .OrderBy(c => Array.IndexOf(DisplayOrder, definition(c).Code) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(c => definition(c).Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The ladder of tiers, lowest first (科技型 → 高企 → 创新型 → 专精特新 → 小巨人); other sets follow by code.</summary>
    public static readonly string[] DisplayOrder = ["techSme", "hnte", "innovativeSme", "srdiSme", "littleGiant"];

    public static RuleSetDefinition Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RuleSetDefinition>(json, Json) ?? throw new RuleSetFormatException("$", "empty document");
        }
        catch (JsonException e)
        {
            throw new RuleSetFormatException(e.Path ?? "$", e.Message);
        }
    }

    public static string ToJson(RuleSetDefinition definition) => JsonSerializer.Serialize(definition, Json);

    /// <summary>
    /// Compiles a definition and checks it names only known figures and facts, so a typing error in a rule set
    /// is refused when saved instead of making everyone "needs confirmation" for a fact nobody can declare.
    /// </summary>
    public static CompiledRuleSet Compile(RuleSetDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Code)) throw new RuleSetFormatException("code", "a rule set needs a code");
        if (string.IsNullOrWhiteSpace(definition.Version)) throw new RuleSetFormatException("version", "a rule set needs a version");
        if (definition.EffectiveUntil < definition.EffectiveFrom) throw new RuleSetFormatException("effectiveUntil", "ends before it starts");
        var compiled = new CompiledRuleSet(definition);
        var known = Facts.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (where, name) in NamesUsed(definition))
        {
            if (name is "x" or "threshold" || YearlyNames.Contains(name) || SystemFacts.Contains(name) || known.Contains(name)) continue;
            if (name.StartsWith("setting.", StringComparison.Ordinal) && definition.Settings.ContainsKey(name[8..])) continue;
            // A form's answers (service applications' automatic approval): the caller supplies them, so any name goes.
            if (name.StartsWith(FormPrefix, StringComparison.Ordinal) && name.Length > FormPrefix.Length) continue;
            throw new RuleSetFormatException(where, $"unknown figure or fact '{name}'");
        }
        return compiled;
    }

    /// <summary>Every figure or fact a definition's formulas read, with where (e.g. to check <c>form.*</c> names against a form).</summary>
    public static IEnumerable<(string Where, string Name)> NamesIn(RuleSetDefinition definition) => NamesUsed(definition);

    private static IEnumerable<(string Where, string Name)> NamesUsed(RuleSetDefinition d)
    {
        IEnumerable<(string, string?)> Formulas(CriterionDefinition c, string where) =>
            new[] { ($"{where}.value", c.Value), ($"{where}.threshold", c.Threshold), ($"{where}.gapAs", c.GapAs?.Formula) }
                .Concat((c.All ?? c.Any ?? []).SelectMany(k => Formulas(k, $"{where}.{k.Key}")));
        var all = d.Conditions.SelectMany(c => Formulas(c, $"conditions.{c.Key}"))
            .Concat(d.Direct?.Any.SelectMany(c => Formulas(c, $"direct.{c.Key}")) ?? [])
            .Concat(d.Scoring?.Groups.SelectMany(g => g.Items.SelectMany(i =>
                new[] { ($"scoring.{i.Key}.value", i.Value), ($"scoring.{i.Key}.points", i.Points) }
                    .Concat((i.Bands ?? []).Select((b, n) => ($"scoring.{i.Key}.bands[{n}]", b.When))))) ?? []);
        foreach (var (where, text) in all)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var name in Names(Expression.Parse(text))) yield return (where, name);
        }
    }

    private static IEnumerable<string> Names(Expression.Node node) => node switch
    {
        Expression.Name n => [n.Id],
        Expression.Unary u => Names(u.Operand),
        Expression.Binary b => Names(b.Left).Concat(Names(b.Right)),
        Expression.Call c => c.Args.SelectMany(Names),
        _ => [],
    };

    private static string Read(string resource)
    {
        using var stream = typeof(RuleSetLibrary).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing embedded {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record FactFile(List<FactDefinition> Facts);
}
