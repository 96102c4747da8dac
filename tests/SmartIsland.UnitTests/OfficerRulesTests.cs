using Shouldly;
using SmartIsland.Cultivation.Officers;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;

namespace SmartIsland.UnitTests;

/// <summary>The visit rhythm and the "1234" goals' progress, against hand-worked cases.</summary>
public sealed class OfficerRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static EnterpriseProfile Profile(string industry = "C3825", IReadOnlyList<HeldQualification>? quals = null, params YearFigures[] years) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "91410100MA0000000X", "测试企业", industry, null, null, quals ?? [], years, []);

    private static ServiceGoal Goal(GoalKind kind, int year = 2026, int? count = null, GoalStatus status = GoalStatus.Planned, int progress = 0) =>
        new() { Kind = kind, TargetYear = year, TargetCount = count, Owner = "x", DeclaredStatus = status, DeclaredProgress = progress };

    // 2026-08-20 + 60 working days (中秋 09-25..27 and 国庆 10-01..07 off, 09-20 and 10-10 worked) = Wed 2026-11-18.
    [Theory]
    [InlineData("2026-11-18", false)] // the due day itself: not yet overdue
    [InlineData("2026-11-19", true)]
    [InlineData("2026-11-17", false)]
    public void A_visit_is_due_sixty_working_days_after_the_last_one(string today, bool overdue) =>
        OfficerRules.VisitOverdue(ShippedCalendar.Load(), new DateOnly(2026, 8, 20), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(overdue);

    [Fact]
    public void The_weekend_after_the_due_friday_is_already_overdue()
    {
        // 2026-08-21 (Fri) + 60 working days = Thu 2026-11-19; 2026-08-24 (Mon) + 60 = Fri 2026-11-20; Sat 11-21 is past it.
        OfficerRules.VisitOverdue(ShippedCalendar.Load(), new DateOnly(2026, 8, 24), new DateOnly(2026, 11, 20)).ShouldBeFalse();
        OfficerRules.VisitOverdue(ShippedCalendar.Load(), new DateOnly(2026, 8, 24), new DateOnly(2026, 11, 21)).ShouldBeTrue();
    }

    [Fact]
    public void A_qualification_held_today_achieves_the_goal_and_an_expired_one_leaves_the_declaration()
    {
        var valid = Profile(quals: [new HeldQualification(QualificationKind.HighTechEnterprise, new DateOnly(2024, 12, 1), new DateOnly(2027, 11, 30))]);
        GoalProgressRules.Compute(Goal(GoalKind.HighTechEnterprise), valid, Today).ShouldBe(new GoalProgress(100, GoalStatus.Achieved, ProgressSource.Platform) { ValidUntil = new DateOnly(2027, 11, 30) });
        var expired = Profile(quals: [new HeldQualification(QualificationKind.HighTechEnterprise, new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31))]);
        GoalProgressRules.Compute(Goal(GoalKind.HighTechEnterprise, status: GoalStatus.InProgress, progress: 30), expired, Today)
            .ShouldBe(new GoalProgress(30, GoalStatus.InProgress, ProgressSource.Declared));
        // A TechSme title does not achieve the high-tech goal.
        var other = Profile(quals: [new HeldQualification(QualificationKind.TechSme, null, null)]);
        GoalProgressRules.Compute(Goal(GoalKind.HighTechEnterprise), other, Today).Source.ShouldBe(ProgressSource.Declared);
    }

    [Fact]
    public void Patent_progress_reads_the_latest_year_up_to_the_target_year()
    {
        var profile = Profile(years:
        [
            new YearFigures { Year = 2024, InventionPatents = 1 },
            new YearFigures { Year = 2025, InventionPatents = 2, UtilityModelPatents = 3, DesignPatents = 1 },
            new YearFigures { Year = 2027, InventionPatents = 20 },
        ]);
        // 2 + 3 + 1 = 6 of 8 in 2025; the 2027 figures lie after the 2026 target and are not read.
        GoalProgressRules.Compute(Goal(GoalKind.PatentFiling, 2026, 8), profile, Today)
            .ShouldBe(new GoalProgress(75, GoalStatus.InProgress, ProgressSource.Platform) { FigureYear = 2025, Value = 6, Target = 8 });
        GoalProgressRules.Compute(Goal(GoalKind.PatentFiling, 2026, 6), profile, Today).Status.ShouldBe(GoalStatus.Achieved);
        GoalProgressRules.Compute(Goal(GoalKind.PatentFiling, 2023, 6, GoalStatus.Missed), profile, Today).Source.ShouldBe(ProgressSource.Declared);
    }

    [Fact]
    public void Above_designated_size_is_two_thousand_wan_of_main_business_revenue_for_industry_only()
    {
        var at = Profile(years: new YearFigures { Year = 2025, MainBusinessRevenue = 20_000_000m });
        GoalProgressRules.Compute(Goal(GoalKind.AboveDesignatedSize), at, Today).Status.ShouldBe(GoalStatus.Achieved);
        var under = Profile(years: new YearFigures { Year = 2025, MainBusinessRevenue = 19_999_999m });
        GoalProgressRules.Compute(Goal(GoalKind.AboveDesignatedSize), under, Today).ShouldBe(
            new GoalProgress(99, GoalStatus.InProgress, ProgressSource.Platform) { FigureYear = 2025, Value = 19_999_999m, Target = 20_000_000m });
        // Software (I6511) has another threshold in the statistics rules: stays declared.
        var software = Profile("I6511", null, new YearFigures { Year = 2025, MainBusinessRevenue = 50_000_000m });
        GoalProgressRules.Compute(Goal(GoalKind.AboveDesignatedSize, status: GoalStatus.Planned), software, Today).Source.ShouldBe(ProgressSource.Declared);
    }
}
