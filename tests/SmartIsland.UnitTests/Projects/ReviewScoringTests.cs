using Shouldly;
using SmartIsland.Projects.Reviews;
using SmartIsland.Scoring.Engine;

namespace SmartIsland.UnitTests.Projects;

public sealed class ReviewScoringTests
{
    private static ReviewSheet Sheet(decimal progress, decimal investment, decimal quality, decimal safety) =>
        new() { ReviewerUserId = Guid.NewGuid(), Progress = progress, Investment = investment, Quality = quality, Safety = safety };

    [Fact]
    public void Under_five_sheets_each_criterion_is_the_plain_mean()
    {
        var marks = ReviewScoring.Marks([Sheet(30, 20, 10, 10), Sheet(36, 25, 12, 14), Sheet(33, 21, 11, 12)]);
        marks.Values["progress"].ShouldBe(33m);            // (30 + 36 + 33) / 3
        marks.Values["investment"].ShouldBe(22m);          // (20 + 25 + 21) / 3
        marks.Values["quality"].ShouldBe(11m);
        marks.Values["safety"].ShouldBe(12m);
        (marks.Sheets, marks.Counted).ShouldBe((3, 3));
    }

    [Fact]
    public void From_five_sheets_the_highest_and_the_lowest_total_are_left_out()
    {
        var marks = ReviewScoring.Marks(
        [
            Sheet(40, 30, 15, 15), // 100: highest, left out
            Sheet(32, 24, 12, 12), // 80
            Sheet(30, 22, 11, 11), // 74
            Sheet(34, 26, 13, 13), // 86
            Sheet(10, 5, 3, 2),    // 20: lowest, left out
        ]);
        marks.Values["progress"].ShouldBe(32m);            // (32 + 30 + 34) / 3
        marks.Values["investment"].ShouldBe(24m);          // (24 + 22 + 26) / 3
        marks.Values["quality"].ShouldBe(12m);
        marks.Values["safety"].ShouldBe(12m);
        (marks.Sheets, marks.Counted).ShouldBe((5, 3));
    }

    [Fact]
    public void A_mean_is_rounded_to_two_places_and_no_sheet_is_zero()
    {
        ReviewScoring.Marks([Sheet(30, 20, 10, 10), Sheet(31, 20, 10, 10), Sheet(31, 20, 10, 10)]).Values["progress"].ShouldBe(30.67m);
        ReviewScoring.Marks([]).Values.Values.ShouldAllBe(v => v == 0m);
    }

    [Fact]
    public void The_sheet_is_worth_one_hundred_points()
    {
        ReviewScoring.Criteria.Sum(c => c.MaxPoints).ShouldBe(100m);
        SmartIsland.Scoring.Engine.SchemeValidator.Validate(ReviewScoring.DefaultProjectScheme()).ShouldBeEmpty();
        SmartIsland.Scoring.Engine.SchemeValidator.Validate(ReviewScoring.DefaultParkScheme()).ShouldBeEmpty();
    }

    private static ParkReviewSheet ParkSheet(decimal planning, decimal support, decimal environment, decimal organisation) =>
        new() { ReviewerUserId = Guid.NewGuid(), Planning = planning, Support = support, Environment = environment, Organisation = organisation };

    [Fact]
    public void The_park_sheet_is_worth_one_hundred_points_and_the_combined_scheme_is_valid()
    {
        ReviewScoring.ParkCriteria.Sum(c => c.MaxPoints).ShouldBe(100m);
        SchemeValidator.Validate(ReviewScoring.DefaultCombinedParkScheme()).ShouldBeEmpty();
        ReviewScoring.DefaultCombinedParkScheme().Indicators.Select(i => (i.Key, i.Weight)).ShouldBe([("projects", 70m), ("sheets", 30m)]);
    }

    [Fact]
    public void Park_sheets_leave_out_the_highest_and_the_lowest_from_five()
    {
        var marks = ReviewScoring.ParkMarks(
        [
            ParkSheet(30, 25, 25, 20), // 100: left out
            ParkSheet(27, 23, 22, 18), // 90
            ParkSheet(28, 22, 23, 17), // 90
            ParkSheet(26, 24, 22, 18), // 90
            ParkSheet(10, 10, 10, 10), // 40: left out
        ]);
        (marks.Values["planning"], marks.Values["environment"], marks.Values["organisation"]).ShouldBe((27m, 22.33m, 17.67m));
        marks.Values.Values.Sum().ShouldBe(90m);
        (marks.Sheets, marks.Counted).ShouldBe((5, 3));
    }

    private static IReadOnlyList<UnitScore> RankParks(bool combined, params (decimal[] Projects, ParkReviewSheet[] Sheets)[] parks) =>
        ScoringEngine.Score(combined ? ReviewScoring.DefaultCombinedParkScheme() : ReviewScoring.DefaultParkScheme(),
            parks.Select((p, i) => ReviewScoring.ParkUnit(new Guid(i + 1, 0, 0, new byte[8]), "园区" + i, p.Projects,
                p.Sheets.Length == 0 ? null : ReviewScoring.ParkMarks(p.Sheets), combined, "not scored", "no park sheet")).ToList());

    [Fact]
    public void A_parks_total_is_seventy_percent_its_projects_mean_and_thirty_percent_its_sheets_and_equal_totals_share_a_rank()
    {
        var scores = RankParks(true,
            ([80m], [ParkSheet(27, 23, 22, 18)]),        // 80 × 0.7 + 90 × 0.3 = 83
            ([90m, 82m], [ParkSheet(23, 19, 20, 14)]),   // mean 86: 60.2 + 76 × 0.3 = 83
            ([70m], [ParkSheet(18, 15, 15, 12)]));       // 49 + 18 = 67
        scores.Select(s => (s.Total, s.Rank, s.Grade)).ShouldBe([(83m, (int?)1, "B"), (83m, (int?)1, "B"), (67m, (int?)3, "C")]);
    }

    [Fact]
    public void Without_park_sheets_a_park_is_its_projects_mean_and_with_them_a_park_lacking_either_part_is_not_ranked()
    {
        RankParks(false, ([87.33m, 70m], [])).Single().Total.ShouldBe(78.67m); // (87.33 + 70) / 2 = 78.665 → 78.67
        var scores = RankParks(true, ([91m], []), ([], [ParkSheet(30, 25, 25, 20)]), ([60m], [ParkSheet(15, 15, 15, 15)]));
        scores.Where(s => s.Excluded).Select(s => s.ExcludedReason).ShouldBe(["no park sheet", "not scored"], ignoreOrder: true);
        scores.Single(s => !s.Excluded).Total.ShouldBe(60m); // 42 + 18
    }
}
