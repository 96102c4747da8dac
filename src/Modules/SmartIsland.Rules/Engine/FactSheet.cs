namespace SmartIsland.Rules.Engine;

/// <summary>
/// What is known of one subject (an enterprise, an application …) at evaluation time: yearly figures by name and
/// year, and facts by name (system-known such as <c>operatingDays</c>, or declared with evidence). The engine
/// knows nothing of what the subject is; the caller fills the sheet.
/// </summary>
public sealed class FactSheet
{
    private readonly Dictionary<string, Dictionary<int, decimal>> yearly = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> facts = new(StringComparer.Ordinal);

    private readonly IReadOnlySet<string> knownYearly;
    private HashSet<string>? markedYearly;

    /// <param name="year">The latest complete year the rules look at ("上一年度"); <c>revenue</c> means revenue of this year.</param>
    /// <param name="firstYear">The first year the subject operated; sums over "the last three years" start no earlier.</param>
    /// <param name="yearlyNames">Names that are yearly figures even where no value is set (shared, not copied: screening builds 100,000 sheets).</param>
    public FactSheet(int year, DateOnly asOf, int? firstYear = null, IReadOnlySet<string>? yearlyNames = null)
    {
        Year = year;
        AsOf = asOf;
        FirstYear = firstYear;
        knownYearly = yearlyNames ?? new HashSet<string>();
    }

    public int Year { get; }
    public DateOnly AsOf { get; }
    public int? FirstYear { get; }

    /// <summary>Whether a name is a yearly figure: a yearly name with no value for a year is missing data.</summary>
    public bool IsYearly(string name) => knownYearly.Contains(name) || yearly.ContainsKey(name) || markedYearly?.Contains(name) == true;

    public FactSheet SetYearly(string name, int year, decimal? value)
    {
        if (value is null)
        {
            if (!knownYearly.Contains(name)) (markedYearly ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            return this;
        }
        if (!yearly.TryGetValue(name, out var byYear)) yearly[name] = byYear = [];
        byYear[year] = value.Value;
        return this;
    }

    public FactSheet SetFact(string name, decimal? value)
    {
        if (value is null) facts.Remove(name);
        else facts[name] = value.Value;
        return this;
    }

    public FactSheet SetFact(string name, bool value) => SetFact(name, value ? 1m : 0m);

    public decimal? Yearly(string name, int year) =>
        yearly.TryGetValue(name, out var byYear) && byYear.TryGetValue(year, out var v) ? v : null;

    public decimal? Fact(string name) => facts.TryGetValue(name, out var v) ? v : null;

    public bool HasYear(int year) => yearly.Values.Any(y => y.ContainsKey(year));
}

/// <summary>One evaluation's scratch: the sheet, and what turned out to be missing.</summary>
public sealed class EvalContext(FactSheet sheet, IReadOnlyDictionary<string, decimal>? settings = null)
{
    private readonly List<string> missing = [];

    public FactSheet Sheet => sheet;

    /// <summary>Reset before each criterion so each one lists only what it needed.</summary>
    public List<string> Missing => missing;

    /// <summary>Named constants of the rule set (<c>setting.rdRatioBest</c>), checked before facts.</summary>
    public IReadOnlyDictionary<string, decimal>? Settings => settings;

    /// <summary>Set while a criterion evaluates its threshold, so its gap formula can use <c>threshold</c>.</summary>
    internal decimal? Threshold { get; set; }

    /// <summary>The value of the item being banded, read by bands as <c>x</c>.</summary>
    internal decimal? X { get; set; }

    public bool Operated(int offset) => sheet.FirstYear is not { } first || sheet.Year + offset >= first;

    public decimal? Lookup(string name, int offset, bool explicitYear)
    {
        if (name == "threshold") return Threshold;
        if (name == "x") return X;
        if (explicitYear || sheet.IsYearly(name))
        {
            var year = sheet.Year + offset;
            var v = sheet.Yearly(name, year);
            if (v is null) Note($"{name}[{year}]");
            return v;
        }
        if (settings is not null && name.StartsWith("setting.", StringComparison.Ordinal) && settings.TryGetValue(name[8..], out var s)) return s;
        var f = sheet.Fact(name);
        if (f is null) Note(name);
        return f;
    }

    public decimal? DivisionByZero()
    {
        Note("÷0");
        return null;
    }

    private void Note(string what)
    {
        if (!missing.Contains(what)) missing.Add(what);
    }
}
