using Shouldly;
using SmartIsland.Investment.Domain;

namespace SmartIsland.UnitTests;

/// <summary>The idle-site matching rule: kind equal, area within ±30 % of the need, industry by division or the park's leading industries.</summary>
public sealed class SiteMatchingTests
{
    private static SiteCandidate Site(int n, decimal area, string? industry = "C3829", SiteKind kind = SiteKind.Plant, params string[] park) =>
        new(new Guid(n, 0, 0, new byte[8]), kind, area, industry, park);

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    [Theory]
    [InlineData("C3829", "C38")]
    [InlineData("c38", "C38")]
    [InlineData("C382", "C38")]
    [InlineData("C", null)]
    [InlineData("电气", null)]
    [InlineData(null, null)]
    public void The_division_is_the_section_letter_and_two_digits(string? code, string? division) => SiteMatching.Division(code).ShouldBe(division);

    [Fact]
    public void Thirty_percent_either_side_is_in_and_just_beyond_is_out()
    {
        var ranked = SiteMatching.Rank(SiteKind.Plant, 1000, "C3821", [Site(1, 1300), Site(2, 700), Site(3, 1300.01m), Site(4, 699.99m)]);
        ranked.Select(m => m.SiteId).Order().ShouldBe([Id(1), Id(2)]);
    }

    [Fact]
    public void Another_kind_never_matches_however_close_its_area()
    {
        SiteMatching.Rank(SiteKind.Land, 1000, "C3821", [Site(1, 1000, kind: SiteKind.Plant)]).ShouldBeEmpty();
    }

    [Fact]
    public void Industry_matches_by_division_or_by_the_parks_leading_industries_and_not_otherwise()
    {
        var ranked = SiteMatching.Rank(SiteKind.Plant, 1000, "C3821",
            [Site(1, 1000, "C3412"), Site(2, 1000, "C3412", SiteKind.Plant, "C26", "C38"), Site(3, 1000, null), Site(4, 1000, "C3899")]);
        ranked.Select(m => (m.SiteId, m.Industry)).ShouldBe([(Id(4), IndustryBasis.SameDivision), (Id(2), IndustryBasis.ParkLeadingIndustry)]);
    }

    [Fact]
    public void Same_division_ranks_before_park_industry_then_the_closer_area_then_the_larger_site()
    {
        var ranked = SiteMatching.Rank(SiteKind.Plant, 2000, "C3829",
            [Site(1, 2000, "C26", SiteKind.Plant, "C38"), Site(2, 2500), Site(3, 1800), Site(4, 2200), Site(5, 2000)]);
        ranked.Select(m => m.SiteId).ShouldBe([Id(5), Id(4), Id(3), Id(2), Id(1)]);
        ranked[1].AreaDeviation.ShouldBe(0.1m);
        ranked[2].AreaDeviation.ShouldBe(-0.1m);
    }

    [Fact]
    public void A_lead_without_a_need_or_an_industry_division_gets_no_matches()
    {
        SiteCandidate[] sites = [Site(1, 1000)];
        SiteMatching.Rank(null, 1000, "C3829", sites).ShouldBeEmpty();
        SiteMatching.Rank(SiteKind.Plant, null, "C3829", sites).ShouldBeEmpty();
        SiteMatching.Rank(SiteKind.Plant, 1000, "C", sites).ShouldBeEmpty();
    }
}
