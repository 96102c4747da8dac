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
/// decide a ranking.
/// <para>
/// Parks: reviewers may also fill a park sheet (<see cref="ParkCriteria"/>: 项目谋划储备 30, 要素保障与服务 25, 营商环境 25,
/// 组织推进 20), reduced by the same trimmed mean. A round with park sheets ranks the parks on
/// <see cref="CombinedParkScheme"/>: the mean of the park's reviewed projects' totals weighted 70 and the park sheets'
/// mark weighted 30. Those criteria and the 70 / 30 split are this zone's setting (the scheme is data the zone edits in
/// the scoring engine), not a rule from a published document. A round without park sheets ranks the parks on
/// <see cref="ParkScheme"/> as before: the projects' mean alone.
/// </para>
/// </summary>
public static class ReviewScoring
{
    public const string ProjectScheme = "projects.site-review";
    /// <summary>Parks by their projects' mean alone: rounds without park sheets.</summary>
    public const string ParkScheme = "projects.site-review.parks";
    /// <summary>Parks by their projects' mean and their own sheets: rounds with park sheets.</summary>
    public const string CombinedParkScheme = "projects.site-review.parks.combined";
    public const int TrimFrom = 5;

    public static readonly IReadOnlyList<ReviewCriterion> Criteria =
    [
        new("progress", "项目进度", "Progress", 40),
        new("investment", "投资完成", "Investment completed", 30),
        new("quality", "工程质量", "Quality", 15),
        new("safety", "安全文明施工", "Safety and site order", 15),
    ];

    /// <summary>The park sheet, 100 points: the zone's setting (see the class remarks).</summary>
    public static readonly IReadOnlyList<ReviewCriterion> ParkCriteria =
    [
        new("planning", "项目谋划储备", "Project planning and pipeline", 30),
        new("support", "要素保障与服务", "Land, utilities and services for projects", 25),
        new("environment", "营商环境", "Business environment", 25),
        new("organisation", "组织推进", "Organisation and follow-through", 20),
    ];

    /// <summary>Indicator keys of <see cref="CombinedParkScheme"/> (and "projects" of <see cref="ParkScheme"/>).</summary>
    public const string ProjectsIndicator = "projects";
    public const string SheetsIndicator = "sheets";

    public static ProjectMarks Marks(IReadOnlyList<ReviewSheet> sheets) => Trimmed(sheets, Criteria);

    public static ProjectMarks ParkMarks(IReadOnlyList<ParkReviewSheet> sheets) => Trimmed(sheets, ParkCriteria);

    private static ProjectMarks Trimmed<T>(IReadOnlyList<T> sheets, IReadOnlyList<ReviewCriterion> criteria) where T : IScoreSheet
    {
        IEnumerable<T> counted = sheets;
        if (sheets.Count >= TrimFrom)
        {
            // Ties for highest or lowest: which of the tied sheets goes does not change the mean.
            var ordered = sheets.OrderBy(s => s.Total).ThenBy(s => s.ReviewerUserId).ToList();
            counted = ordered.Skip(1).Take(ordered.Count - 2);
        }
        var list = counted.ToList();
        var values = criteria.ToDictionary(c => c.Key,
            c => list.Count == 0 ? 0m : ScoringEngine.Round(list.Average(s => s.ValueOf(c.Key))));
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

    /// <summary>
    /// Projects' mean (0–100) weighted <paramref name="projectsWeight"/> plus the park sheets' mark (0–100) weighted
    /// <paramref name="sheetsWeight"/>; defaults 70 / 30 — the zone's setting, edited as a revision of the scheme.
    /// </summary>
    public static SchemeDefinition DefaultCombinedParkScheme(decimal projectsWeight = 70, decimal sheetsWeight = 30) => new()
    {
        Indicators =
        [
            new IndicatorDefinition
            {
                Key = ProjectsIndicator, TitleZh = "观摩项目平均得分", TitleEn = "Average score of reviewed projects", Unit = "分", Weight = projectsWeight,
                Normalisation = NormalisationKind.BenchmarkRatio, Benchmark = 100, CapMultiple = 1m,
            },
            new IndicatorDefinition
            {
                Key = SheetsIndicator, TitleZh = "园区评分表得分", TitleEn = "Park score sheets", Unit = "分", Weight = sheetsWeight,
                Normalisation = NormalisationKind.BenchmarkRatio, Benchmark = 100, CapMultiple = 1m,
            },
        ],
        Grading = GradingKind.ByScore,
        Grades = Grades,
    };

    /// <summary>
    /// One park as a unit for the engine. Without park sheets in the round (<paramref name="combined"/> false) only the
    /// projects' mean counts; with them a park needs both a scored project and a sheet of its own to be ranked — a park
    /// nobody filled a sheet for is listed, not ranked, rather than scored as if its reviewers had given it nothing.
    /// </summary>
    public static UnitInput ParkUnit(Guid parkId, string name, IReadOnlyList<decimal> projectTotals, ProjectMarks? sheets, bool combined,
        string notScored, string noParkSheet)
    {
        decimal? mean = projectTotals.Count == 0 ? null : ScoringEngine.Round(projectTotals.Average());
        var values = new Dictionary<string, decimal?> { [ProjectsIndicator] = mean };
        string? excluded = mean is null ? notScored : null;
        if (combined)
        {
            decimal? mark = sheets is { Counted: > 0 } m ? m.Values.Values.Sum() : null;
            values[SheetsIndicator] = mark;
            excluded ??= mark is null ? noParkSheet : null;
        }
        return new UnitInput { UnitId = parkId, Name = name, Values = values, Excluded = excluded is not null, ExcludedReason = excluded };
    }

    /// <summary>优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, 较差 below.</summary>
    private static readonly IReadOnlyList<GradeCut> Grades = [new("A", MinScore: 90), new("B", MinScore: 80), new("C", MinScore: 60), new("D", MinScore: 0)];
}
