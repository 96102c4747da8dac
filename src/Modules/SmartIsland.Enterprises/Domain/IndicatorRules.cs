namespace SmartIsland.Enterprises.Domain;

/// <summary>A figure that breaks a rule: the field, the rule's code and, for "part ≤ whole", the whole.</summary>
public sealed record IndicatorProblem(string Field, IndicatorProblemKind Kind, string? Whole = null);

public enum IndicatorProblemKind
{
    Negative,
    TooLarge,
    ExceedsWhole,
    NoFigures,
    YearOutOfRange,
}

/// <summary>
/// What makes a year's figures possible. Each "part ≤ whole" pair is a definition from the text that
/// uses the figure, so a figure above its whole is a typing or unit error, not a fact.
/// Total liabilities may exceed total assets (an insolvent firm still reports), so that pair is absent.
/// </summary>
public static class IndicatorRules
{
    public const int FirstYear = 2000;

    public sealed record PartOfWhole(string Part, string Whole, string Source);

    public static readonly IReadOnlyList<PartOfWhole> Parts =
    [
        new("rdExpense", "totalCost", "科技型中小企业评价办法（国科发政〔2017〕115号）附件：研发费用总额占成本费用支出总额的比例 — 研发费用计入成本费用"),
        new("domesticRdExpense", "rdExpense", "高新技术企业认定管理办法（国科发火〔2016〕32号）第十一条（五）：境内研究开发费用是全部研究开发费用的一部分"),
        new("techStaff", "employees", "高新技术企业认定管理办法（国科发火〔2016〕32号）第十一条（四）：科技人员占企业当年职工总数的比例"),
        new("rdStaff", "employees", "优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件：研发人员占全部职工比重"),
        new("highTechProductRevenue", "totalIncome", "高新技术企业认定管理办法（国科发火〔2016〕32号）第十一条（六）：高新技术产品（服务）收入占企业同期总收入的比例"),
        new("mainBusinessRevenue", "revenue", "企业会计准则第30号 利润表：营业收入 = 主营业务收入 + 其他业务收入"),
        new("netProfit", "revenue", "Plausibility: a net profit above the year's revenue is taken for a unit error (万元 typed as 元)"),
    ];

    /// <summary>Every problem of one year's figures at once (nothing is written when any is found).</summary>
    public static IReadOnlyList<IndicatorProblem> Check(YearlyIndicator figures, int year, int thisYear)
    {
        var problems = new List<IndicatorProblem>();
        if (year < FirstYear || year > thisYear) problems.Add(new("year", IndicatorProblemKind.YearOutOfRange));
        if (!IndicatorFields.HasAny(figures)) problems.Add(new("year", IndicatorProblemKind.NoFigures));
        foreach (var f in IndicatorFields.All)
        {
            var v = f.Get(figures);
            if (v < 0 && !f.MayBeNegative) problems.Add(new(f.Key, IndicatorProblemKind.Negative));
            else if (Math.Abs(v ?? 0) > EnterpriseFieldRules.MaxFigure) problems.Add(new(f.Key, IndicatorProblemKind.TooLarge));
        }
        foreach (var p in Parts)
        {
            var part = IndicatorFields.Get(p.Part).Get(figures);
            var whole = IndicatorFields.Get(p.Whole).Get(figures);
            if (part is { } a && whole is { } b && a > b && problems.All(x => x.Field != p.Part)) problems.Add(new(p.Part, IndicatorProblemKind.ExceedsWhole, p.Whole));
        }
        return problems;
    }
}
