using SmartIsland.Scoring.Engine;

namespace SmartIsland.Cultivation.Performance;

internal static class PerformanceLimits
{
    public const int PolicyTextMax = 500;
    public const int ReasonMax = 200;
}

/// <summary>
/// What a zone starts with before its staff set their own: ILLUSTRATIVE, not any zone's published scheme. Weights follow
/// 台州黄岩's 规上 scheme (亩均税收 30, 亩均增加值 20, 单位能耗增加值 20, 全员劳产率 10, R&amp;D 10; rules-reference.md §4.2) with
/// 单位排放增加值's 10 moved to R&amp;D, as the platform holds no emission figures. Scoring: value ÷ benchmark × weight capped at
/// 1.5× (开化); classes A top 25%, B to 70%, C to 95%, D the rest, 不定等级 managed as B (§4.2). Benchmarks: 亩均税收 11 万元/亩
/// is Henan's 2020 target for 产业集聚区 (§4.2); the others are placeholders for the zone to replace.
/// </summary>
internal static class PerformanceDefaults
{
    public const string SchemeKey = "cultivation.per-mu";

    public static SchemeDefinition Scheme { get; } = new()
    {
        Indicators =
        [
            Indicator(PerMuIndicators.TaxPerMu, 30, 11m, MissingValuePolicy.Zero),
            Indicator(PerMuIndicators.ValueAddedPerMu, 20, 80m, MissingValuePolicy.Zero),
            // 台州黄岩 gives a firm without emission data the average; the same here for energy data, which small firms often lack.
            Indicator(PerMuIndicators.ValueAddedPerEnergy, 20, 1.5m, MissingValuePolicy.AverageOfOthers),
            Indicator(PerMuIndicators.LabourProductivity, 10, 30m, MissingValuePolicy.Zero),
            Indicator(PerMuIndicators.RdRatio, 20, 3m, MissingValuePolicy.Zero),
        ],
        WeightTotal = 100m,
        Grading = GradingKind.ByShare,
        Grades = [new("A", UpToShare: 0.25m), new("B", UpToShare: 0.70m), new("C", UpToShare: 0.95m), new("D", UpToShare: 1m)],
        BoundaryTie = BoundaryTie.BetterGrade,
        ExcludedManagedAs = "B",
    };

    public static IndicatorDefinition Indicator(string key, decimal weight, decimal benchmark, MissingValuePolicy missing, decimal? cap = 1.5m)
    {
        var i = PerMuIndicators.Find(key)!;
        return new IndicatorDefinition
        {
            Key = key, TitleZh = i.TitleZh, TitleEn = i.TitleEn, Unit = i.Unit, Weight = weight, Benchmark = benchmark,
            CapMultiple = cap, Normalisation = NormalisationKind.BenchmarkRatio, Missing = missing,
        };
    }

    /// <summary>Illustrative policy text per grade and lever, after rules-reference.md §4.3 (A 优先保障 · B 积极支持 · C 相对控制 · D 严格限制).</summary>
    public static readonly IReadOnlyList<(string Grade, PolicyLever Lever, string Zh, string En)> Policies =
    [
        ("A", PolicyLever.RentDiscount, "标准厂房租金减免（示例：30%）", "Rent discount on standard workshops (example: 30%)"),
        ("A", PolicyLever.Land, "新增用地优先保障", "Priority for new land"),
        ("A", PolicyLever.Energy, "用能、排污权指标优先保障", "Priority for energy and emission quotas"),
        ("A", PolicyLever.Services, "首席服务员优先服务，审批绿色通道", "Chief service officer first, fast-track approvals"),
        ("A", PolicyLever.InnovationResources, "优先推荐科技项目、人才计划和创新平台", "First recommended for research projects, talent schemes and innovation platforms"),
        ("A", PolicyLever.Finance, "优先信贷支持和奖励，城镇土地使用税减免", "Priority credit and awards, urban land-use tax relief"),
        ("B", PolicyLever.RentDiscount, "标准厂房租金减免（示例：10%）", "Rent discount on standard workshops (example: 10%)"),
        ("B", PolicyLever.Land, "新增用地积极支持", "Support for new land"),
        ("B", PolicyLever.Energy, "用能正常保障", "Energy supplied as usual"),
        ("B", PolicyLever.Services, "常规服务", "Usual services"),
        ("B", PolicyLever.InnovationResources, "积极支持申报科技项目", "Support for research project applications"),
        ("B", PolicyLever.Finance, "积极信贷支持", "Credit support"),
        ("C", PolicyLever.RentDiscount, "不享受租金减免", "No rent discount"),
        ("C", PolicyLever.Land, "新增用地相对控制", "New land restricted"),
        ("C", PolicyLever.Energy, "用能相对控制；差别电价（示例：瑞安 C 类 +0.10 元/千瓦时）", "Energy restricted; differential electricity price (example: 瑞安 class C +0.10 yuan/kWh)"),
        ("C", PolicyLever.Services, "诊断帮扶，推动技改提升", "Diagnosis and help to upgrade"),
        ("C", PolicyLever.InnovationResources, "引导技术改造，暂缓推荐评优", "Guided to upgrade technology; awards deferred"),
        ("C", PolicyLever.Finance, "信贷相对控制", "Credit restricted"),
        ("D", PolicyLever.RentDiscount, "不享受租金减免，已享优惠予以收回", "No rent discount; past discounts withdrawn"),
        ("D", PolicyLever.Land, "不新增用地，推动提升或退出", "No new land; pushed to upgrade or exit"),
        ("D", PolicyLever.Energy, "严格限制新增用能；惩罚性电价（示例：山东 D 类首年 +0.05 元/千瓦时）", "No new energy quota; surcharge (example: Shandong class D +0.05 yuan/kWh in year 1)"),
        ("D", PolicyLever.Services, "列入重点帮扶整治名单", "On the list for focused help and rectification"),
        ("D", PolicyLever.InnovationResources, "不予推荐科技项目和评优", "Not recommended for projects or awards"),
        ("D", PolicyLever.Finance, "信贷限制", "Credit restricted"),
    ];
}
