using System.Text.RegularExpressions;
using SmartIsland.Cultivation.Tiers;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Policies;

/// <summary>Who may do what with policies, field limits, and how a policy becomes something the engine evaluates.</summary>
public static partial class PolicyRules
{
    public const int SlugMax = 48;
    public const int TitleMax = 200;
    public const int DocumentMax = 300;
    public const int FormulaMax = 1000;
    public const int NoteMax = 1000;
    /// <summary>"Close to" on the enterprise's page: a published policy it does not meet yet but nearly does.</summary>
    public const decimal CloseToThreshold = 0.8m;
    /// <summary>Dates staff and enterprises read are in China Standard Time (+08:00, no daylight saving).</summary>
    public static readonly TimeSpan ZoneOffset = TimeSpan.FromHours(8);

    public const string EditRule = "policies.edit: administrators and department staff create, change, publish and close policies";
    public const string ActRule = "policies.act: administrators and department staff run 免申即享, confirm, reject, notify and record payments";
    public const string AcknowledgeRule = "policies.acknowledge: only a user of the enterprise itself acknowledges the notice of its entitlement";
    public const string ReadRule = "policies.read: zone staff read policies and entitlements; an enterprise user reads only its own notified entitlements";

    private static readonly string[] Editors = [Roles.Admin, Roles.DepartmentStaff];

    public static bool CanEdit(ICurrentUser user) => user.IsInAnyRole(Editors);

    public static bool CanRead(ICurrentUser user) => user.IsInAnyRole([.. Roles.Staff]);

    /// <summary>An enterprise learns of an entitlement only once staff have confirmed and notified it.</summary>
    public static bool VisibleToEnterprise(EntitlementStatus s) => s is EntitlementStatus.Notified or EntitlementStatus.Paid;

    /// <summary>知道了 is the enterprise's answer to the notice: no one may give it on the enterprise's behalf, staff included.</summary>
    public static bool CanAcknowledge(ICurrentUser user, Guid enterpriseId) =>
        user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId;

    [GeneratedRegex("^[a-z][a-zA-Z0-9-]{1,47}$")]
    public static partial Regex SlugPattern();

    public static string RuleSetCode(string slug) => "policy." + slug;

    /// <summary>The figures a policy of <paramref name="policyYear"/> reads: the year before ("上一年度"), as local policies reward last year's results.</summary>
    public static int FiguresYear(int policyYear) => policyYear - 1;

    /// <summary>
    /// The definition as stored: code, version, title, document and dates follow the policy, so the explanation an
    /// enterprise reads names the policy and its document whatever the JSON said.
    /// </summary>
    public static RuleSetDefinition Normalise(RuleSetDefinition d, string slug, string title, string? titleEn, string document, int year)
    {
        d.Code = RuleSetCode(slug);
        d.Version = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        d.Title = new LocalizedText(title, string.IsNullOrWhiteSpace(titleEn) ? title : titleEn);
        d.Document = document;
        d.EffectiveFrom = new DateOnly(year, 1, 1);
        d.EffectiveUntil = null;
        return d;
    }

    /// <summary>
    /// Checks an amount formula the way a rule set's formulas are checked (syntax, functions, known figures and
    /// facts, the policy's settings) by compiling it as a one-criterion rule set; throws with the reason.
    /// </summary>
    public static Expression.Node CompileAmount(string formula, Dictionary<string, decimal> settings)
    {
        var probe = new RuleSetDefinition
        {
            Code = "amount", Version = "1", Settings = settings,
            Conditions = [new CriterionDefinition { Key = "amount", Value = formula, Op = ">=", Threshold = "0", Unit = "yuan" }],
        };
        RuleSetLibrary.Compile(probe);
        return Expression.Parse(formula);
    }
}

/// <summary>What one policy says of one enterprise: the rules' result, the amount, and what could not be known.</summary>
public sealed record PolicyCheck(Outcome Outcome, decimal? Amount, IReadOnlyList<string> Missing, RuleSetResult Result);

/// <summary>A policy ready to evaluate: its rule set compiled and its amount formula parsed, both checked.</summary>
public sealed class CompiledPolicy(CompiledRuleSet conditions, Expression.Node amount, int year)
{
    public CompiledRuleSet Conditions { get; } = conditions;
    public int Year { get; } = year;

    public PolicyCheck Evaluate(EnterpriseProfile profile, DateOnly asOf) => Evaluate(TierFacts.From(profile, asOf, PolicyRules.FiguresYear(Year)));

    public PolicyCheck Evaluate(FactSheet sheet)
    {
        var result = Conditions.Evaluate(sheet);
        var missing = result.Missing.ToList();
        if (result.Outcome == Outcome.NotEligible) return new PolicyCheck(Outcome.NotEligible, null, missing, result);
        var ctx = new EvalContext(sheet, Conditions.Definition.Settings);
        var raw = amount.Eval(ctx);
        foreach (var m in ctx.Missing.Where(m => !missing.Contains(m))) missing.Add(m);
        // Money is paid in fen; a formula that comes out negative grants nothing rather than a debt.
        decimal? value = raw is { } v ? Math.Round(Math.Max(0m, v), 2, MidpointRounding.AwayFromZero) : null;
        // Eligible without a computable amount cannot be paid as computed: staff confirm it with the figure.
        var outcome = result.Outcome == Outcome.Eligible && value is null ? Outcome.NeedsConfirmation : result.Outcome;
        return new PolicyCheck(outcome, value, missing, result);
    }
}
