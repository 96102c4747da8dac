using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>The shipped rule sets as data: each compiles, cites its text, and a broken one is refused with where.</summary>
public sealed class RuleSetLibraryTests
{
    [Fact]
    public void Every_official_rule_set_compiles_and_names_only_known_figures_and_facts()
    {
        RuleSetLibrary.Official.Count.ShouldBe(8);
        foreach (var d in RuleSetLibrary.Official) RuleSetLibrary.Compile(d).Definition.ShouldBeSameAs(d);
    }

    [Fact]
    public void Every_criterion_and_item_cites_its_document_and_has_both_languages()
    {
        static IEnumerable<CriterionDefinition> All(IEnumerable<CriterionDefinition> list) =>
            list.SelectMany(c => new[] { c }.Concat(All(c.All ?? c.Any ?? [])));
        foreach (var d in RuleSetLibrary.Official)
        {
            d.Document.ShouldNotBeNullOrWhiteSpace();
            foreach (var c in All(d.Conditions.Concat(d.Direct?.Any ?? [])))
            {
                c.Cite.ShouldNotBeNullOrWhiteSpace($"{d.Code} {d.Version} {c.Key}");
                c.Title.Zh.ShouldNotBeNullOrWhiteSpace();
                c.Title.En.ShouldNotBeNullOrWhiteSpace();
            }
            foreach (var i in d.Scoring?.Groups.SelectMany(g => g.Items) ?? [])
                i.Cite.ShouldNotBeNullOrWhiteSpace($"{d.Code} {d.Version} {i.Key}");
        }
    }

    [Fact]
    public void Versions_of_one_code_do_not_overlap()
    {
        foreach (var g in RuleSetLibrary.Official.GroupBy(d => d.Code))
        {
            var ordered = g.OrderBy(d => d.EffectiveFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
                ordered[i - 1].EffectiveUntil.ShouldBe(ordered[i].EffectiveFrom.AddDays(-1), g.Key);
        }
    }

    [Fact]
    public void A_misspelt_fact_is_refused_naming_where()
    {
        var json = RuleSetLibrary.ToJson(RuleSetLibrary.Official.Single(d => d.Code == "hnte"))
            .Replace("\"hnte.keyField\"", "\"hnte.keyFeild\"", StringComparison.Ordinal);
        var e = Should.Throw<RuleSetFormatException>(() => RuleSetLibrary.Compile(RuleSetLibrary.Parse(json)));
        e.Where.ShouldBe("conditions.keyField.value");
        e.Why.ShouldContain("hnte.keyFeild");
    }

    [Fact]
    public void A_broken_formula_is_refused_naming_where()
    {
        var json = RuleSetLibrary.ToJson(RuleSetLibrary.Official.Single(d => d.Code == "techSme"))
            .Replace("\"threshold\": \"500\"", "\"threshold\": \"500 +\"", StringComparison.Ordinal);
        Should.Throw<RuleSetFormatException>(() => RuleSetLibrary.Compile(RuleSetLibrary.Parse(json))).Where.ShouldBe("conditions.employees.threshold");
    }

    [Fact]
    public void A_zone_version_in_force_replaces_the_national_one()
    {
        var national = RuleSetLibrary.Official.Single(d => d.Code == "techSme");
        var zone = RuleSetLibrary.Parse(RuleSetLibrary.ToJson(national));
        zone.Version = "2017-410471";
        var day = new DateOnly(2026, 11, 25);
        var chosen = RuleSetLibrary.InForce([(national, false), (zone, true)], x => x.Item1, x => x.Item2, day);
        chosen.Single().Item1.Version.ShouldBe("2017-410471");
        zone.EffectiveFrom = new DateOnly(2027, 1, 1);
        RuleSetLibrary.InForce([(national, false), (zone, true)], x => x.Item1, x => x.Item2, day).Single().Item1.Version.ShouldBe("2017");
    }

    [Fact]
    public void Declared_facts_catalogue_has_unique_keys_with_both_languages()
    {
        RuleSetLibrary.Facts.Select(f => f.Key).ShouldBeUnique();
        foreach (var f in RuleSetLibrary.Facts)
        {
            f.Kind.ShouldBeOneOf("bool", "number");
            f.Title.En.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
