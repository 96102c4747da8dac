using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;
using SmartIsland.Rules.Features;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>One enterprise's standing against every tier rule set in force, with the titles it already holds.</summary>
public sealed record EnterpriseEligibility(
    Guid EnterpriseId, string CreditCode, string Name, DateOnly AsOf, int Year,
    IReadOnlyList<string> HeldTitles, IReadOnlyList<RuleSetResult> Results);

/// <summary>An enterprise profile sent for evaluation only (nothing is stored): figures by year, titles, declared facts.</summary>
public sealed class EvaluationRequest
{
    public DateOnly? AsOf { get; set; }
    public int? Year { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    /// <summary>Rule set codes to evaluate; all in force when empty.</summary>
    public List<string>? RuleSets { get; set; }
    public List<YearFigures>? Years { get; set; }
    public List<HeldQualification>? Qualifications { get; set; }
    /// <summary>Declared facts: key → true, false or a number.</summary>
    public Dictionary<string, string>? Facts { get; set; }
}

public sealed record EligibilityEvaluation(DateOnly AsOf, int Year, IReadOnlyList<RuleSetResult> Results);

/// <summary>
/// Evaluates enterprises against the tier rule sets in force. Nothing here decides by itself: it reads the
/// profile, fills a fact sheet and lets each rule set explain itself.
/// </summary>
public sealed class EligibilityService(
    IEnterpriseProfiles profiles, IRuleSetCatalog catalog, ICurrentUser user, TimeProvider clock, IStringLocalizer<TierStrings> l,
    IStringLocalizer<SmartIsland.Enterprises.Resources.FigureStrings> figures)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<EnterpriseEligibility> ForEnterpriseAsync(Guid enterpriseId, int? year = null, string? ruleSet = null, CancellationToken ct = default)
    {
        var p = await profiles.GetAsync(enterpriseId, ct) ?? throw new NotFoundException(l["EnterpriseNotFound"]);
        return await EvaluateAsync(p, year, ruleSet, ct);
    }

    public async Task<EnterpriseEligibility> ForCreditCodeAsync(string creditCode, int? year = null, string? ruleSet = null, CancellationToken ct = default)
    {
        // Another zone's enterprise is invisible here (the zone filter), so it is "not found", never someone else's data.
        var p = await profiles.FindByCreditCodeAsync(creditCode, ct) ?? throw new NotFoundException(l["EnterpriseNotFound"]);
        return await EvaluateAsync(p, year, ruleSet, ct);
    }

    private async Task<EnterpriseEligibility> EvaluateAsync(EnterpriseProfile p, int? year, string? ruleSet, CancellationToken ct)
    {
        EnterpriseAccess.DemandRead(user, p.Id, l["ForbiddenRead"]);
        var asOf = Today;
        var y = CheckYear(year, asOf);
        var sets = await SetsAsync(p.ZoneId, asOf, ruleSet is null ? null : [ruleSet], ct);
        var sheet = TierFacts.From(p, asOf, y);
        var held = p.Qualifications.Where(q => q.IsValidOn(asOf)).Select(q => q.Kind.ToString()).Distinct().ToList();
        return new EnterpriseEligibility(p.Id, p.CreditCode, p.Name, asOf, y, held, sets.Select(s => s.Evaluate(sheet)).ToList());
    }

    /// <summary>Evaluates a profile from the request body; validates it first and stores nothing.</summary>
    public async Task<EligibilityEvaluation> EvaluateAsync(EvaluationRequest request, CancellationToken ct = default)
    {
        var zone = user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);
        var asOf = request.AsOf ?? Today;
        var errors = new ValidationErrors();
        var y = request.Year ?? TierFacts.DefaultYear(asOf);
        if (y < 2000 || y > asOf.Year) errors.Add("year", l["YearRange", asOf.Year]);
        var years = request.Years ?? [];
        for (var i = 0; i < years.Count; i++) FigureRules.Check(years[i], $"years[{i}]", errors, l, figures);
        if (years.GroupBy(x => x.Year).Any(g => g.Count() > 1)) errors.Add("years", l["YearTwice"]);
        foreach (var (key, value) in request.Facts ?? [])
        {
            if (TierFacts.ParseValue(value) is null) errors.Add($"facts.{key}", l["FactValue"]);
        }
        errors.ThrowIfAny();
        var sets = await SetsAsync(zone, asOf, request.RuleSets, ct);
        var profile = new EnterpriseProfile(Guid.Empty, zone, "", "", "", null, request.RegisteredOn,
            request.Qualifications ?? [], years, (request.Facts ?? []).Select(f => new DeclaredFact(f.Key, f.Value, null, asOf)).ToList());
        var sheet = TierFacts.From(profile, asOf, y);
        return new EligibilityEvaluation(asOf, y, sets.Select(s => s.Evaluate(sheet)).ToList());
    }

    private int CheckYear(int? year, DateOnly asOf)
    {
        var y = year ?? TierFacts.DefaultYear(asOf);
        if (y < 2000 || y > asOf.Year) throw new ValidationFailedException("year", l["YearRange", asOf.Year]);
        return y;
    }

    private async Task<IReadOnlyList<CompiledRuleSet>> SetsAsync(Guid zone, DateOnly asOf, List<string>? codes, CancellationToken ct)
    {
        var all = await catalog.InForceAsync(zone, asOf, ct);
        if (codes is null || codes.Count == 0) return all.Where(s => TierFacts.TitleOf(s.Definition.Code) is not null).ToList();
        var chosen = new List<CompiledRuleSet>();
        foreach (var code in codes)
        {
            var set = all.FirstOrDefault(s => s.Definition.Code == code)
                ?? throw new NotFoundException(l["UnknownRuleSet", code ?? "", asOf.ToString("yyyy-MM-dd")]);
            chosen.Add(set);
        }
        return chosen;
    }
}
