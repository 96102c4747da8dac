using SmartIsland.Scoring.Engine;

namespace SmartIsland.Projects.Reviews;

/// <summary>A criterion of the score sheet with the most points a reviewer may give.</summary>
public sealed record ReviewCriterion(string Key, string TitleZh, string TitleEn, decimal MaxPoints);

/// <summary>The reviewers' sheets of one project reduced to one value per criterion.</summary>
public sealed record ProjectMarks(IReadOnlyDictionary<string, decimal> Values, int Sheets, int Counted);

/// <summary>
/// How a site review (观摩评比) scores: four criteria worth 100 points in all — 项目进度 40, 投资完成 30, 工程质量 15,
/// 安全文明施工 15 (the zone's usual sheet; a zone edits the schemes through the scoring engine). A project's mark per
/// criterion is the mean of its reviewers' sheets; with five sheets or more the sheet with the highest total and the
/// one with the lowest are left out first (去掉一个最高分、去掉一个最低分), so one generous or harsh reviewer cannot
/// decide a ranking. A park's score is the mean of its reviewed projects' totals.
/// </summary>
public static class ReviewScoring
{
    public const string ProjectScheme = "projects.site-review";
    public const string ParkScheme = "projects.site-review.parks";
    public const int TrimFrom = 5;

    public static readonly IReadOnlyList<ReviewCriterion> Criteria =
    [
        new("progress", "项目进度", "Progress", 40),
        new("investment", "投资完成", "Investment completed", 30),
        new("quality", "工程质量", "Quality", 15),
        new("safety", "安全文明施工", "Safety and site order", 15),
    ];

    public static decimal ValueOf(ReviewSheet sheet, string key) => key switch
    {
        "progress" => sheet.Progress,
        "investment" => sheet.Investment,
        "quality" => sheet.Quality,
        "safety" => sheet.Safety,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static ProjectMarks Marks(IReadOnlyList<ReviewSheet> sheets)
    {
        IEnumerable<ReviewSheet> counted = sheets;
        if (sheets.Count >= TrimFrom)
        {
            // Ties for highest or lowest: which of the tied sheets goes does not change the mean.
            var ordered = sheets.OrderBy(s => s.Total).ThenBy(s => s.ReviewerUserId).ToList();
            counted = ordered.Skip(1).Take(ordered.Count - 2);
        }
        var list = counted.ToList();
        var values = Criteria.ToDictionary(c => c.Key,
            c => list.Count == 0 ? 0m : ScoringEngine.Round(list.Average(s => ValueOf(s, c.Key))));
        return new ProjectMarks(values, sheets.Count, list.Count);
    }

    /// <summary>Points as given: each criterion's value is its points (benchmark = weight = the maximum, capped there).</summary>
    public static SchemeDefinition DefaultProjectScheme() => new()
    {
        Indicators = Criteria.Select(c => new IndicatorDefinition
        {
            Key = c.Key, TitleZh = c.TitleZh, TitleEn = c.TitleEn, Unit = "分", Weight = c.MaxPoints,
            Normalisation = NormalisationKind.BenchmarkRatio, Benchmark = c.MaxPoints, CapMultiple = 1m,
        }).ToList(),
        Grading = GradingKind.ByScore,
        Grades = Grades,
    };

    public static SchemeDefinition DefaultParkScheme() => new()
    {
        Indicators =
        [
            new IndicatorDefinition
            {
                Key = "projects", TitleZh = "观摩项目平均得分", TitleEn = "Average score of reviewed projects", Unit = "分", Weight = 100,
                Normalisation = NormalisationKind.BenchmarkRatio, Benchmark = 100, CapMultiple = 1m,
            },
        ],
        Grading = GradingKind.ByScore,
        Grades = Grades,
    };

    /// <summary>优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, 较差 below.</summary>
    private static readonly IReadOnlyList<GradeCut> Grades = [new("A", MinScore: 90), new("B", MinScore: 80), new("C", MinScore: 60), new("D", MinScore: 0)];
}
