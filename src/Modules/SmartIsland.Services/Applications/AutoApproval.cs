using System.Collections.Concurrent;
using System.Globalization;
using SmartIsland.Rules.Engine;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Applications;

/// <summary>
/// 秒批: an item's approval conditions are a rule set of the Rules engine over the form's answers. Only Eligible
/// approves, and only when nothing else needs a person (no deferred material, no value differing from the
/// registry). NotEligible or NeedsConfirmation never refuses: the application goes to a person with the
/// explanation — a refusal is a person's act citing a published rule.
/// </summary>
public static class AutoApproval
{
    private static readonly ConcurrentDictionary<(Guid, int), CompiledRuleSet> Compiled = new();

    public static CompiledRuleSet? RulesOf(ServiceItem item)
    {
        if (string.IsNullOrWhiteSpace(item.AutoApprovalRules)) return null;
        return Compiled.GetOrAdd((item.Id, item.Version), _ => RuleSetLibrary.Compile(RuleSetLibrary.Parse(item.AutoApprovalRules)));
    }

    public static RuleSetResult Evaluate(ServiceItem item, IReadOnlyDictionary<string, string?> answers, DateOnly today) =>
        RulesOf(item)!.Evaluate(FormAnswers.Facts(item.FormFields, answers, today));

    public static AutoApprovalView View(RuleSetResult result, CultureInfo culture) =>
        new(result.Outcome.ToString(), Leaves(result.Conditions).Select(c => new AutoApprovalCriterion(
            c.Key, c.Title.Pick(culture), c.Cite, c.Met,
            c.Value?.ToString("0.##", CultureInfo.InvariantCulture), c.Threshold?.ToString("0.##", CultureInfo.InvariantCulture), c.Missing)).ToList());

    private static IEnumerable<CriterionResult> Leaves(IEnumerable<CriterionResult> list) =>
        list.SelectMany(c => c.Children is null ? [c] : Leaves(c.Children));
}
