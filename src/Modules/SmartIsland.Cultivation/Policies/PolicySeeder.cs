using Microsoft.EntityFrameworkCore;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Policies;

/// <summary>
/// Two illustrative policies (示例) for the demo zone, so 免申即享 can be tried: they are not documents of
/// 平顶山高新区 and say so in their title and citation. Seeded once; later edits by staff are kept.
/// </summary>
internal sealed class PolicySeeder(IOrganisationDirectory organisation, TimeProvider clock) : IModuleSeeder
{
    private const string DemoDivision = "410471";

    public int Order => 120; // after the demo zone and its departments (100)

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync(DemoDivision, cancellationToken) is not { } zone) return;
        if (await db.Set<Policy>().IgnoreQueryFilters().AnyAsync(p => p.ZoneId == zone.Id, cancellationToken)) return;
        var department = (await organisation.UnitsAsync(zone.Id, cancellationToken))
            .Where(u => u.Kind == UnitKind.Department).OrderBy(u => u.Name.Contains("科技", StringComparison.Ordinal) ? 0 : 1).FirstOrDefault();
        db.UseZone(zone.Id);
        var now = clock.GetUtcNow();
        foreach (var (slug, title, titleEn, document, year, budget, amount, note, conditions) in Demo)
        {
            var definition = PolicyRules.Normalise(new RuleSetDefinition { Conditions = conditions }, slug, title, titleEn, document, year);
            var p = new Policy
            {
                ZoneId = zone.Id, Slug = slug, Title = title, TitleEn = titleEn, DepartmentId = department?.Id,
                IssuingDepartment = department?.Name ?? "", Document = document, Year = year, Budget = budget,
                Status = PolicyStatus.Published, Conditions = RuleSetLibrary.ToJson(definition), AmountFormula = amount,
                Illustrative = true, Note = note, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            };
            PolicyService.Compile(p); // a broken demo policy fails the start, not the first run
            db.Add(p);
        }
        db.AuditReason = "demo data: illustrative policies (示例)";
        await db.SaveChangesAsync(cancellationToken);
    }

    private static CriterionDefinition Test(string key, string zh, string en, string cite, string value, string op, string threshold, string unit) =>
        new() { Key = key, Title = new LocalizedText(zh, en), Cite = cite, Value = value, Op = op, Threshold = threshold, Unit = unit };

    /// <summary>
    /// "Newly recognised" (新认定) = the certificate held today was first granted in the year whose figures the policy
    /// reads (the year before the policy year): a 2025 policy rewards the 2024 batch, once. A re-recognition after a
    /// lapse also starts a new certificate and would count; staff reject it with that reason (ADR 0010).
    /// </summary>
    private static readonly (string Slug, string Title, string TitleEn, string Document, int Year, decimal? Budget, string Amount, string Note, List<CriterionDefinition> Conditions)[] Demo =
    [
        ("hnte-new-award", "【示例】新认定高新技术企业奖励", "[Example] Award for newly recognised high-tech enterprises",
            "示例政策，非平顶山高新区正式文件（仿照各地“对首次认定的高新技术企业给予一次性奖励”的常见条款）", 2025, 1_000_000m, "10万",
            "示例：对上一年度首次认定的高新技术企业一次性奖励10万元。",
            [
                Test("holdsHnte", "持有有效期内的高新技术企业证书", "Holds a valid HNTE certificate", "示例政策 第二条（一）", "holds.hnte", "=", "1", "bool"),
                Test("newlyRecognised", "证书于上一年度首次取得（新认定）", "Certificate first granted last year (newly recognised)", "示例政策 第二条（二）",
                    "since.hnte", "=", "evaluationYear", "years"),
            ]),
        ("techsme-rd-subsidy", "【示例】科技型中小企业研发费用补助", "[Example] R&D subsidy for technology-based SMEs",
            "示例政策，非平顶山高新区正式文件（仿照各地“按上年度研发费用的一定比例给予补助”的常见条款）", 2026, 2_000_000m, "min(rdExpense * 5%, 20万)",
            "示例：按上一年度研发费用的5%给予补助，最高20万元。",
            [
                Test("holdsTechSme", "已入库科技型中小企业（有效期内）", "Registered technology-based SME (valid)", "示例政策 第三条（一）", "holds.techSme", "=", "1", "bool"),
                Test("rdExpense", "上一年度有研发费用支出", "Had R&D expense last year", "示例政策 第三条（二）", "rdExpense", ">", "0", "yuan"),
            ]),
    ];
}
