namespace SmartIsland.Enterprises.Features;

/// <summary>
/// The columns of the enterprise ledger (企业台账) template. A header is recognised in either language,
/// so a file made from the Chinese template imports for an English-speaking user and vice versa.
/// Money columns are in 万元, as staff keep them; the registry stores yuan.
/// </summary>
public static class ImportColumns
{
    public sealed record Column(string Key, string Chinese, string English, bool Required = false);

    public static readonly IReadOnlyList<Column> All =
    [
        new("creditCode", "统一社会信用代码", "Credit code", Required: true),
        new("name", "企业名称", "Enterprise name", Required: true),
        new("legalRepresentative", "法定代表人", "Legal representative"),
        new("industryCode", "行业代码", "Industry code", Required: true),
        new("park", "所属园区", "Park"),
        new("address", "地址", "Address"),
        new("contactName", "联系人", "Contact"),
        new("contactPhone", "联系电话", "Contact phone"),
        new("registeredOn", "成立日期", "Registered on"),
        new("year", "年度", "Year"),
        new("revenue", "营业收入（万元）", "Revenue (10k yuan)"),
        new("rdExpense", "研发费用（万元）", "R&D expense (10k yuan)"),
        new("taxPaid", "纳税额（万元）", "Tax paid (10k yuan)"),
        new("employees", "职工人数", "Employees"),
        new("techStaff", "科技人员", "Tech staff"),
        new("inventionPatents", "发明专利", "Invention patents"),
        new("utilityModelPatents", "实用新型", "Utility models"),
        new("designPatents", "外观设计", "Designs"),
        new("softwareCopyrights", "软件著作权", "Software copyrights"),
        new("landMu", "用地（亩）", "Land (mu)"),
        new("energyUseTce", "综合能耗（吨标煤）", "Energy use (tce)"),
        // The figures the tier rule sets and the per-mu evaluation read (issue 4).
        new("mainBusinessRevenue", "主营业务收入（万元）", "Main business revenue (10k yuan)"),
        new("totalIncome", "总收入（万元）", "Total income (10k yuan)"),
        new("highTechProductRevenue", "高新技术产品（服务）收入（万元）", "High-tech product revenue (10k yuan)"),
        new("netProfit", "净利润（万元）", "Net profit (10k yuan)"),
        new("valueAdded", "工业增加值（万元）", "Value added (10k yuan)"),
        new("domesticRdExpense", "境内研发费用（万元）", "Domestic R&D expense (10k yuan)"),
        new("totalCost", "成本费用支出总额（万元）", "Total costs and expenses (10k yuan)"),
        new("totalAssets", "资产总额（万元）", "Total assets (10k yuan)"),
        new("totalLiabilities", "负债总额（万元）", "Total liabilities (10k yuan)"),
        new("equityFinancing", "新增股权融资（万元）", "New equity financing (10k yuan)"),
        new("rdStaff", "研发人员", "R&D staff"),
        new("techConversions", "科技成果转化（件）", "Technology transfers"),
    ];

    private static readonly Dictionary<string, Column> ByHeader = All
        .SelectMany(c => new[] { (Header: c.Chinese, Column: c), (Header: c.English, Column: c), (Header: c.Key, Column: c) })
        .DistinctBy(p => Normalize(p.Header), StringComparer.OrdinalIgnoreCase) // "Park" and "park" name the same column
        .ToDictionary(p => Normalize(p.Header), p => p.Column, StringComparer.OrdinalIgnoreCase);

    public static Column? FromHeader(string? header) =>
        header is null ? null : ByHeader.GetValueOrDefault(Normalize(header));

    private static string Normalize(string s) => s.Trim().Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal);

    public static string Header(Column c, bool english) => english ? c.English : c.Chinese;
}
