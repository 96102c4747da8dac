using SmartIsland.Rules.Engine;

namespace SmartIsland.UnitTests.Rules;

/// <summary>
/// A fact sheet built figure by figure for the rule-set tests, in yuan and people. The same figure for all three
/// years unless a test sets a year apart; every test states the numbers it depends on.
/// </summary>
internal sealed class Profile
{
    private readonly Dictionary<string, decimal?[]> yearly = [];
    private readonly Dictionary<string, decimal> facts = [];

    public int Year { get; init; } = 2025;
    public DateOnly AsOf { get; init; } = new(2026, 6, 1);
    public int FirstYear { get; init; } = 2015;

    /// <summary>The same value in each of the last three years.</summary>
    public Profile Each(string name, decimal? value) => Years(name, value, value, value);

    /// <summary>Values for Year−2, Year−1, Year.</summary>
    public Profile Years(string name, decimal? twoBefore, decimal? before, decimal? latest)
    {
        yearly[name] = [twoBefore, before, latest];
        return this;
    }

    public Profile Latest(string name, decimal? value)
    {
        if (!yearly.TryGetValue(name, out var v)) yearly[name] = v = [null, null, null];
        v[2] = value;
        return this;
    }

    public Profile Fact(string name, decimal value)
    {
        facts[name] = value;
        return this;
    }

    public Profile Declare(params string[] names)
    {
        foreach (var n in names) facts[n] = 1;
        return this;
    }

    public Profile Without(string name)
    {
        facts.Remove(name);
        yearly.Remove(name);
        return this;
    }

    public FactSheet Sheet()
    {
        var s = new FactSheet(Year, AsOf, FirstYear, RuleSetLibrary.YearlyNames);
        foreach (var (name, values) in yearly)
            for (var k = 0; k < 3; k++) s.SetYearly(name, Year - 2 + k, values[k]);
        // The registry always knows which titles are held: absent means not held.
        foreach (var n in RuleSetLibrary.SystemFacts.Where(n => n.StartsWith("holds.", StringComparison.Ordinal))) s.SetFact(n, 0m);
        foreach (var (name, value) in facts) s.SetFact(name, value);
        return s;
    }

    public RuleSetResult Evaluate(string code, DateOnly? on = null)
    {
        var day = on ?? AsOf;
        var def = RuleSetLibrary.InForce(RuleSetLibrary.Official, d => d, _ => false, day).Single(d => d.Code == code);
        return RuleSetLibrary.Compile(def).Evaluate(Sheet());
    }
}

internal static class ResultExtensions
{
    public static CriterionResult Criterion(this RuleSetResult r, string key) =>
        Flatten(r.Conditions.Concat(r.Direct)).First(c => c.Key == key);

    public static ScoreItemResult Item(this RuleSetResult r, string key) =>
        r.Score!.Groups.SelectMany(g => g.Items).First(i => i.Key == key);

    private static IEnumerable<CriterionResult> Flatten(IEnumerable<CriterionResult> list) =>
        list.SelectMany(c => new[] { c }.Concat(c.Children is null ? [] : Flatten(c.Children)));
}
