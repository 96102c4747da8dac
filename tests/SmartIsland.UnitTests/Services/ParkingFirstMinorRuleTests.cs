using Shouldly;
using SmartIsland.Services.Discretion;

namespace SmartIsland.UnitTests.Services;

/// <summary>
/// 周期内首次违停免罚 ("每6个月一个周期，周期内首次轻微违法停车免于罚款"): the rule's decision and the half-year cycle in
/// +08:00, with expected values from the mechanism's wording.
/// </summary>
public sealed class ParkingFirstMinorRuleTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly ParkingFirstMinorRule rule = new();

    private DiscretionOutcome Decide(bool minor, DateTimeOffset at, int prior) => rule.Decide(new DiscretionFacts(minor, at, prior, 100m));

    [Fact]
    public void The_first_minor_violation_in_a_cycle_is_not_fined()
    {
        var outcome = Decide(true, new DateTimeOffset(2026, 8, 3, 10, 0, 0, China), prior: 0);
        outcome.Decision.ShouldBe(PenaltyDecision.Exempt);
        outcome.Fine.ShouldBeNull();
        outcome.OrdinalInCycle.ShouldBe(1);
        outcome.Reason.ShouldBe("本周期（2026年下半年）首次轻微违停，免予罚款");
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(4, 5)]
    public void A_later_minor_violation_in_the_same_cycle_is_fined(int prior, int ordinal)
    {
        var outcome = Decide(true, new DateTimeOffset(2026, 3, 3, 10, 0, 0, China), prior);
        outcome.Decision.ShouldBe(PenaltyDecision.Fine);
        outcome.Fine.ShouldBe(100m);
        outcome.OrdinalInCycle.ShouldBe(ordinal);
        outcome.Reason.ShouldBe($"本周期（2026年上半年）第{ordinal}次轻微违停，不再免罚，依法罚款100元");
    }

    [Fact]
    public void A_violation_that_is_not_minor_is_fined_even_when_it_is_the_first()
    {
        var outcome = Decide(false, new DateTimeOffset(2026, 8, 3, 10, 0, 0, China), prior: 0);
        outcome.Decision.ShouldBe(PenaltyDecision.Fine);
        outcome.Fine.ShouldBe(100m);
        outcome.OrdinalInCycle.ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-06-30T23:59:59+08:00", "2026H1")]
    [InlineData("2026-07-01T00:00:00+08:00", "2026H2")]
    [InlineData("2026-06-30T16:00:00Z", "2026H2")]      // midnight of 1 July in China
    [InlineData("2026-06-30T15:59:59Z", "2026H1")]
    [InlineData("2026-12-31T16:00:00Z", "2027H1")]      // a new year in China starts a new cycle
    [InlineData("2026-01-01T00:00:00+08:00", "2026H1")]
    public void The_cycle_is_the_calendar_half_year_in_China(string at, string cycle) =>
        rule.CycleOf(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(cycle);

    [Fact]
    public void A_half_year_parses_and_spans_six_months()
    {
        var h = HalfYear.Parse("2026h2")!.Value;
        h.Code.ShouldBe("2026H2");
        h.Label.ShouldBe("2026年下半年");
        h.Start.ShouldBe(new DateTimeOffset(2026, 7, 1, 0, 0, 0, China));
        h.End.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, China));
        HalfYear.Parse("2026H3").ShouldBeNull();
        HalfYear.Parse("2026-2").ShouldBeNull();
        HalfYear.Parse(null).ShouldBeNull();
    }

    [Fact]
    public void The_registry_finds_the_rule_by_its_code_and_it_cites_its_source()
    {
        DiscretionRules.Find("parking-first-minor").ShouldBeOfType<ParkingFirstMinorRule>();
        DiscretionRules.Find(" PARKING-FIRST-MINOR ").ShouldNotBeNull();
        DiscretionRules.Find("unknown").ShouldBeNull();
        DiscretionRules.All.ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.Source));
        rule.Source.ShouldContain("每6个月一个周期");
    }

    [Theory]
    [InlineData("豫D12345", "豫D***45")]
    [InlineData("豫d 123·45", "豫D***45")]
    [InlineData("豫DF12345", "豫D****45")]
    [InlineData("ABC", "***")]
    public void Plates_are_masked_keeping_province_letter_and_last_two(string plate, string masked) =>
        DiscretionService.MaskPlate(plate).ShouldBe(masked);
}
