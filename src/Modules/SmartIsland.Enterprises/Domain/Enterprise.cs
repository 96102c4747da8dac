using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Domain;

/// <summary>An enterprise registered in the zone, identified by its 统一社会信用代码 (unique per zone).</summary>
public sealed class Enterprise : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string CreditCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>法定代表人: personal data, masked unless the role may see it.</summary>
    [PersonalData]
    public string? LegalRepresentative { get; set; }
    /// <summary>GB/T 4754-2017 industry class: a section letter and 2–4 digits (C3825).</summary>
    public string IndustryCode { get; set; } = "";
    public Guid? ParkId { get; set; }
    public string? Address { get; set; }
    [PersonalData]
    public string? ContactName { get; set; }
    [PersonalData]
    public string? ContactPhone { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public int Version { get; set; }

    public List<Qualification> Qualifications { get; set; } = [];
    public List<YearlyIndicator> Indicators { get; set; } = [];
    public List<EnterpriseFact> Facts { get; set; } = [];
}

/// <summary>Titles and certificates an enterprise holds, each valid for a period.</summary>
public enum QualificationKind
{
    TechSme = 1,
    HighTechEnterprise = 2,
    InnovativeSme = 3,
    SrdiSme = 4,
    LittleGiant = 5,
    Listed = 6,
}

public sealed class Qualification : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public QualificationKind Kind { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>
/// One enterprise's figures for one year. Money in yuan (元), land in 亩, energy in tonnes of
/// standard coal (吨标准煤); counts are people or granted rights in force at year end.
/// </summary>
public sealed class YearlyIndicator : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public int Year { get; set; }
    public decimal? Revenue { get; set; }
    public decimal? RdExpense { get; set; }
    public decimal? TaxPaid { get; set; }
    public int? Employees { get; set; }
    public int? TechStaff { get; set; }
    public int? InventionPatents { get; set; }
    public int? UtilityModelPatents { get; set; }
    public int? DesignPatents { get; set; }
    public int? SoftwareCopyrights { get; set; }
    public decimal? LandMu { get; set; }
    public decimal? EnergyUseTce { get; set; }

    // Figures the tier rule sets and the per-mu evaluation read (rules-reference.md §1–4).
    /// <summary>主营业务收入.</summary>
    public decimal? MainBusinessRevenue { get; set; }
    /// <summary>总收入 for 高企 = 收入总额 − 不征税收入 (国科发火〔2016〕195号).</summary>
    public decimal? TotalIncome { get; set; }
    /// <summary>高新技术产品（服务）收入.</summary>
    public decimal? HighTechProductRevenue { get; set; }
    /// <summary>境内研发费用 (R&amp;D spent in mainland China), part of <see cref="RdExpense"/>.</summary>
    public decimal? DomesticRdExpense { get; set; }
    /// <summary>成本费用支出总额 (科技型中小企业 second R&amp;D ratio).</summary>
    public decimal? TotalCost { get; set; }
    public decimal? TotalAssets { get; set; }
    public decimal? TotalLiabilities { get; set; }
    public decimal? NetProfit { get; set; }
    /// <summary>工业增加值.</summary>
    public decimal? ValueAdded { get; set; }
    /// <summary>新增股权融资 in the year (实缴, qualified institutional investors).</summary>
    public decimal? EquityFinancing { get; set; }
    /// <summary>研发人员.</summary>
    public int? RdStaff { get; set; }
    /// <summary>科技成果转化 counted in the year (one result counts once however many products use it).</summary>
    public int? TechConversions { get; set; }

    /// <summary>Draft → Submitted (by the enterprise) → Reviewed (locked; changes only through a correction with a reason).</summary>
    public IndicatorStatus Status { get; set; } = IndicatorStatus.Draft;
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public Guid? ReviewedBy { get; set; }
    /// <summary>Why staff sent the year back to the enterprise (shown to it until it submits again).</summary>
    public string? ReturnReason { get; set; }
    public int Version { get; set; }
}

public enum IndicatorStatus
{
    Draft = 0,
    Submitted = 1,
    Reviewed = 2,
}

/// <summary>
/// A fact the platform cannot know by itself (核心技术属于《国家重点支持的高新技术领域》, no major safety
/// accident last year …), declared by the enterprise or staff with its evidence and date. The rules
/// engine reads it by <see cref="Key"/>; an undeclared fact makes a result "needs confirmation".
/// </summary>
public sealed class EnterpriseFact : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    /// <summary>The fact's key in the rules catalogue, e.g. <c>hnte.keyField</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>"true"/"false" or a number in invariant culture.</summary>
    public string Value { get; set; } = "";
    public string? Evidence { get; set; }
    public DateOnly DeclaredOn { get; set; }
    public Guid? DeclaredBy { get; set; }
    public int Version { get; set; }
}
