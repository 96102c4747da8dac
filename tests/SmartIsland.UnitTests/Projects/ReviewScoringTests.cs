using Shouldly;
using SmartIsland.Projects.Reviews;

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
}
