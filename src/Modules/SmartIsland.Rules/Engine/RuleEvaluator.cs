namespace SmartIsland.Rules.Engine;

/// <summary>
/// A rule set with its formulas parsed once; <see cref="Evaluate"/> is then a walk over small trees, cheap enough
/// to screen 100,000 subjects against every set in seconds. Compiling checks every formula, so a broken rule set
/// is refused when it is saved, not when someone is evaluated.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly List<Crit> conditions;
    private readonly List<Crit> direct;
    private readonly List<(ScoreGroupDefinition Def, List<Item> Items)> groups;

    public CompiledRuleSet(RuleSetDefinition definition)
    {
        Definition = definition;
        conditions = definition.Conditions.Select(c => Compile(c, $"conditions.{c.Key}")).ToList();
        direct = definition.Direct?.Any.Select(c => Compile(c, $"direct.{c.Key}", claim: true)).ToList() ?? [];
        groups = definition.Scoring?.Groups.Select(g => (g, g.Items.Select(i => CompileItem(i, $"scoring.{g.Key}.{i.Key}")).ToList())).ToList() ?? [];
    }

    public RuleSetDefinition Definition { get; }

    public RuleSetResult Evaluate(FactSheet sheet)
    {
        var ctx = new EvalContext(sheet, Definition.Settings);
        var conds = conditions.Select(c => c.Evaluate(ctx)).ToList();
        bool? conditionsMet = conds.Count == 0 ? true : And(conds.Select(c => c.Met));

        ScoreResult? score = null;
        bool? regular = conditionsMet;
        if (Definition.Scoring is { } scoring)
        {
            score = Score(ctx, scoring);
            regular = And([conditionsMet, score.Passed]);
        }

        var directResults = direct.Select(c => c.Evaluate(ctx)).ToList();
        bool? directly = null;
        if (Definition.Direct is { } d && directResults.Count > 0)
        {
            var any = Or(directResults.Select(c => c.Met));
            directly = d.RequireConditions ? And([conditionsMet, any]) : any;
        }
        else directly = false;

        var decided = Or([regular, directly]);
        var outcome = decided switch
        {
            true => Outcome.Eligible,
            false => Outcome.NotEligible,
            null => Outcome.NeedsConfirmation,
        };
        // rules-reference.md §3.4: results that depend on unverified thresholds say "needs confirmation". In an unverified
        // set only a failed condition (each condition with an unverified threshold is marked so itself and never fails)
        // still decides NotEligible; a pass or a failed score does not.
        if (Definition.Unverified && (outcome == Outcome.Eligible || (outcome == Outcome.NotEligible && conditionsMet != false)))
            outcome = Outcome.NeedsConfirmation;

        var missing = ctx.Missing.Distinct().ToList();
        return new RuleSetResult(
            Definition.Code, Definition.Version, Definition.Title, Definition.Document, Definition.EffectiveFrom, Definition.EffectiveUntil,
            Definition.Unverified, sheet.Year, outcome, conditionsMet, score, directly, conds, directResults,
            Closeness(conds, score, directly), missing, Definition.Note);
    }

    private ScoreResult Score(EvalContext ctx, ScoringDefinition scoring)
    {
        var groupResults = new List<ScoreGroupResult>();
        foreach (var (def, items) in groups)
        {
            var results = items.Select(i => i.Evaluate(ctx, Definition.Code)).ToList();
            decimal low = results.Sum(r => r.Low), high = results.Sum(r => r.High);
            if (def.Cap is { } cap)
            {
                low = Math.Min(low, cap);
                high = Math.Min(high, cap);
            }
            groupResults.Add(new ScoreGroupResult(def.Key, def.Title, low, high, def.Minimum, def.Cap, results));
        }
        var total = (Low: groupResults.Sum(g => g.Low), High: groupResults.Sum(g => g.High));
        var allItems = groupResults.SelectMany(g => g.Items).ToList();
        var nonZero = allItems.Where(i => scoring.NonZero.Contains(i.Key)).ToList();

        bool? passed;
        if (total.High < scoring.PassMark || nonZero.Any(i => i.High == 0) || groupResults.Any(g => g.Minimum is { } m && g.High < m))
            passed = false;
        else if (total.Low >= scoring.PassMark && nonZero.All(i => i.Low > 0) && groupResults.All(g => g.Minimum is not { } m || g.Low >= m))
            passed = scoring.AutomaticPass ? true : null;
        else
            passed = null;
        return new ScoreResult(total.Low, total.High, scoring.PassMark, scoring.AutomaticPass, passed, groupResults);
    }

    /// <summary>
    /// How close to qualifying, 0…1, for ranking reserve pools: each condition counts 1 when met, value/threshold
    /// when short of a numeric threshold, ½ when undecided, 0 when a yes/no fact fails; the score counts its
    /// midpoint over the pass mark. Directly qualified is 1.
    /// </summary>
    private static decimal Closeness(List<CriterionResult> conds, ScoreResult? score, bool? directly)
    {
        if (directly == true) return 1m;
        var parts = conds.Select(PartCloseness).ToList();
        if (score is not null && score.PassMark > 0) parts.Add(Math.Min(1m, (score.Low + score.High) / 2 / score.PassMark));
        return parts.Count == 0 ? 0m : Math.Round(parts.Average(), 4);
    }

    private static decimal PartCloseness(CriterionResult c)
    {
        if (c.Children is { Count: > 0 } children)
        {
            var parts = children.Select(PartCloseness).ToList();
            return c.Combine == "any" ? parts.Max() : parts.Average();
        }
        var met = c.Met ?? c.IndicativeMet;
        if (met == true) return c.Met == true ? 1m : 0.75m;
        if (c.Value is { } v && c.Threshold is { } t && met == false && c.Unit != "bool")
        {
            if (c.Op is ">=" or ">" && t > 0) return Math.Clamp(v / t, 0m, 0.99m);
            if (c.Op is "<=" or "<" && v > 0) return Math.Clamp(t / v, 0m, 0.99m);
        }
        return met is null ? 0.5m : 0m;
    }

    internal static bool? And(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var v in values)
        {
            if (v == false) return false;
            if (v is null) unknown = true;
        }
        return unknown ? null : true;
    }

    internal static bool? Or(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var v in values)
        {
            if (v == true) return true;
            if (v is null) unknown = true;
        }
        return unknown ? null : false;
    }

    private static Expression.Node? ParseOrNull(string? text, string where)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return Expression.Parse(text);
        }
        catch (FormatException e)
        {
            throw new RuleSetFormatException(where, e.Message);
        }
    }

    private static Crit Compile(CriterionDefinition d, string where, bool claim = false)
    {
        if (string.IsNullOrWhiteSpace(d.Key)) throw new RuleSetFormatException(where, "a criterion needs a key");
        if (d.IsGroup)
        {
            var children = (d.All ?? d.Any)!.Select(c => Compile(c, $"{where}.{c.Key}")).ToList();
            if (children.Count == 0) throw new RuleSetFormatException(where, "a group needs at least one criterion");
            return new Crit(d, null, null, null, children, d.All is not null ? "all" : "any", claim || d.Claim);
        }
        if (d.Op is not (">=" or ">" or "<=" or "<" or "=")) throw new RuleSetFormatException(where, $"unknown comparison '{d.Op}'");
        var value = ParseOrNull(d.Value, where + ".value") ?? throw new RuleSetFormatException(where, "a test needs a value");
        var threshold = ParseOrNull(d.Threshold, where + ".threshold") ?? throw new RuleSetFormatException(where, "a test needs a threshold");
        return new Crit(d, value, threshold, ParseOrNull(d.GapAs?.Formula, where + ".gapAs"), null, null, claim || d.Claim);
    }

    private static Item CompileItem(ScoreItemDefinition d, string where)
    {
        if (d.Max <= 0) throw new RuleSetFormatException(where, "an item needs a positive maximum");
        if (!d.Expert && d.Bands is null && d.Points is null) throw new RuleSetFormatException(where, "an item needs bands, a points formula or the expert flag");
        var bands = d.Bands?.Select((b, i) => (b, ParseOrNull(b.When, $"{where}.bands[{i}]"))).ToList();
        return new Item(d, ParseOrNull(d.Value, where + ".value"), ParseOrNull(d.Points, where + ".points"), bands);
    }

    private sealed record Crit(CriterionDefinition Def, Expression.Node? Value, Expression.Node? Threshold, Expression.Node? GapAs, List<Crit>? Children, string? Combine, bool Claim)
    {
        public CriterionResult Evaluate(EvalContext ctx)
        {
            if (Children is not null)
            {
                var kids = Children.Select(c => c.Evaluate(ctx)).ToList();
                var met = Combine == "all" ? And(kids.Select(k => k.Met)) : Or(kids.Select(k => k.Met));
                if (Claim) met ??= false;
                return new CriterionResult(Def.Key, Def.Title, Def.Cite, null, Def.Unit, Combine!, null, null, met, met, null, null, null, null,
                    kids.SelectMany(k => k.Missing).Distinct().ToList(), Def.Unverified, Def.Note, Combine, kids);
            }
            var before = ctx.Missing.Count;
            var value = Value!.Eval(ctx);
            var threshold = Threshold!.Eval(ctx);
            bool? indicative = value is { } v && threshold is { } t
                ? Def.Op switch { ">=" => v >= t, ">" => v > t, "<=" => v <= t, "<" => v < t, _ => v == t }
                : null;
            if (Claim) indicative ??= false;
            decimal? gap = null, gapAs = null;
            if (indicative == false && Def.Unit != "bool")
            {
                gap = Def.Op is ">=" or ">" ? threshold - value : value - threshold;
                if (GapAs is not null)
                {
                    ctx.Threshold = threshold;
                    gapAs = GapAs.Eval(ctx);
                    ctx.Threshold = null;
                    if (gapAs < 0) gapAs = 0;
                }
            }
            var missing = ctx.Missing.Count > before ? ctx.Missing.GetRange(before, ctx.Missing.Count - before) : [];
            return new CriterionResult(Def.Key, Def.Title, Def.Cite, Def.Value, Def.Unit, Def.Op, value, threshold,
                Def.Unverified ? null : indicative, indicative, gap, gapAs, Def.GapAs?.Unit, Def.GapAs?.Label, missing,
                Def.Unverified, Def.Note, null, null);
        }
    }

    private sealed record Item(ScoreItemDefinition Def, Expression.Node? Value, Expression.Node? Points, List<(BandDefinition Band, Expression.Node? When)>? Bands)
    {
        public ScoreItemResult Evaluate(EvalContext ctx, string code)
        {
            var before = ctx.Missing.Count;
            var value = Value?.Eval(ctx);
            string? band = null;
            decimal low = 0, high = Def.Max;
            if (Def.Expert)
            {
                // An expert's score, once declared, replaces the range; until then the range is the whole item.
                if (ctx.Sheet.Fact($"score.{code}.{Def.Key}") is { } declared) low = high = Math.Clamp(declared, 0, Def.Max);
            }
            else if (Points is not null)
            {
                if (Points.Eval(ctx) is { } p) low = high = Math.Clamp(p, 0, Def.Max);
            }
            else if (Value is null || value is not null)
            {
                ctx.X = value;
                foreach (var (b, when) in Bands!)
                {
                    var holds = when is null ? 1m : when.Eval(ctx);
                    if (holds is null) break; // undecidable band: the whole range stays open
                    if (holds == 0) continue;
                    band = b.Label;
                    if (b.Range is [var lo, var hi]) (low, high) = (lo, hi);
                    else low = high = b.Points ?? 0;
                    break;
                }
                ctx.X = null;
            }
            var missing = ctx.Missing.Count > before ? ctx.Missing.GetRange(before, ctx.Missing.Count - before) : [];
            return new ScoreItemResult(Def.Key, Def.Title, Def.Cite, Def.Max, Def.Value ?? Def.Points, value, Def.Unit, band, low, high, Def.Expert, missing, Def.Note);
        }
    }
}

/// <summary>A rule set that cannot be compiled; names where (<c>conditions.rdRatio.threshold</c>) and why.</summary>
public sealed class RuleSetFormatException(string where, string why) : Exception($"{where}: {why}")
{
    public string Where { get; } = where;
    public string Why { get; } = why;
}
