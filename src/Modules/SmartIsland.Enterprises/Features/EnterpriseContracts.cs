using SmartIsland.Enterprises.Domain;

namespace SmartIsland.Enterprises.Features;

public enum EnterpriseSort
{
    Name,
    CreditCode,
    IndustryCode,
    RegisteredOn,
}

/// <summary>Filters, sort and page of the enterprise list; the same query drives the page, the API and the Excel export.</summary>
public sealed record EnterpriseQuery(
    string? Search = null,
    Guid? ParkId = null,
    string? IndustryCode = null,
    QualificationKind? Qualification = null,
    EnterpriseSort Sort = EnterpriseSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = 20);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record EnterpriseListItem(
    Guid Id, string CreditCode, string Name, string? LegalRepresentative, string IndustryCode,
    Guid? ParkId, string? ParkName, DateOnly? RegisteredOn, IReadOnlyList<QualificationKind> Qualifications);

public sealed record QualificationView(Guid Id, QualificationKind Kind, string? CertificateNumber, DateOnly? ValidFrom, DateOnly? ValidUntil, bool Valid);

/// <summary>One year's figures as read (money in yuan), its review status and the version to send back.</summary>
public sealed record IndicatorView(
    int Year, decimal? Revenue, decimal? RdExpense, decimal? TaxPaid, int? Employees, int? TechStaff,
    int? InventionPatents, int? UtilityModelPatents, int? DesignPatents, int? SoftwareCopyrights,
    decimal? LandMu, decimal? EnergyUseTce, int Version)
{
    public decimal? MainBusinessRevenue { get; init; }
    public decimal? TotalIncome { get; init; }
    public decimal? HighTechProductRevenue { get; init; }
    public decimal? DomesticRdExpense { get; init; }
    public decimal? TotalCost { get; init; }
    public decimal? TotalAssets { get; init; }
    public decimal? TotalLiabilities { get; init; }
    public decimal? NetProfit { get; init; }
    public decimal? ValueAdded { get; init; }
    public decimal? EquityFinancing { get; init; }
    public int? RdStaff { get; init; }
    public int? TechConversions { get; init; }
    public IndicatorStatus Status { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    /// <summary>Why staff sent the year back, until it is submitted again.</summary>
    public string? ReturnReason { get; init; }
    /// <summary>A correction the enterprise asked for is waiting for staff.</summary>
    public bool CorrectionPending { get; init; }
}

public sealed record EnterpriseDetail(
    Guid Id, string CreditCode, string Name, string? LegalRepresentative, string IndustryCode,
    Guid? ParkId, string? ParkName, string? Address, string? ContactName, string? ContactPhone,
    DateOnly? RegisteredOn, int Version, bool PersonalDataMasked, bool CanEdit,
    IReadOnlyList<QualificationView> Qualifications, IReadOnlyList<IndicatorView> Indicators)
{
    /// <summary>Declared facts (key, value, evidence, date) the rule sets read.</summary>
    public IReadOnlyList<FactView> Facts { get; init; } = [];
    /// <summary>This user reviews years and decides corrections (staff); otherwise it submits and requests.</summary>
    public bool CanReview { get; init; }
}

/// <summary>What a person types to register or edit an enterprise. <see cref="Version"/> is the version they saw.</summary>
public sealed class EnterpriseInput
{
    public string? CreditCode { get; set; }
    public string? Name { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? IndustryCode { get; set; }
    public Guid? ParkId { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public int? Version { get; set; }
}

public sealed class QualificationInput
{
    public QualificationKind? Kind { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>
/// One year's figures; money in yuan, people and items as whole numbers, land in 亩, energy in tonnes of
/// standard coal. Every figure is sent (an absent one is cleared). <see cref="Version"/>: the version read, null for a new year.
/// </summary>
public sealed class IndicatorInput
{
    public decimal? Revenue { get; set; }
    public decimal? MainBusinessRevenue { get; set; }
    public decimal? TotalIncome { get; set; }
    public decimal? HighTechProductRevenue { get; set; }
    public decimal? NetProfit { get; set; }
    public decimal? ValueAdded { get; set; }
    public decimal? TaxPaid { get; set; }
    public decimal? RdExpense { get; set; }
    public decimal? DomesticRdExpense { get; set; }
    public decimal? TotalCost { get; set; }
    public decimal? TotalAssets { get; set; }
    public decimal? TotalLiabilities { get; set; }
    public decimal? EquityFinancing { get; set; }
    public int? Employees { get; set; }
    public int? TechStaff { get; set; }
    public int? RdStaff { get; set; }
    public int? InventionPatents { get; set; }
    public int? UtilityModelPatents { get; set; }
    public int? DesignPatents { get; set; }
    public int? SoftwareCopyrights { get; set; }
    public int? TechConversions { get; set; }
    public decimal? LandMu { get; set; }
    public decimal? EnergyUseTce { get; set; }
    public int? Version { get; set; }

    /// <summary>The figures as a detached row, so the rules and the field list work on one shape.</summary>
    public YearlyIndicator ToFigures() => new()
    {
        Revenue = Revenue, MainBusinessRevenue = MainBusinessRevenue, TotalIncome = TotalIncome, HighTechProductRevenue = HighTechProductRevenue,
        NetProfit = NetProfit, ValueAdded = ValueAdded, TaxPaid = TaxPaid, RdExpense = RdExpense, DomesticRdExpense = DomesticRdExpense,
        TotalCost = TotalCost, TotalAssets = TotalAssets, TotalLiabilities = TotalLiabilities, EquityFinancing = EquityFinancing,
        Employees = Employees, TechStaff = TechStaff, RdStaff = RdStaff, InventionPatents = InventionPatents,
        UtilityModelPatents = UtilityModelPatents, DesignPatents = DesignPatents, SoftwareCopyrights = SoftwareCopyrights,
        TechConversions = TechConversions, LandMu = LandMu, EnergyUseTce = EnergyUseTce,
    };

    /// <summary>Figures from a detached row (the form keeps them by field key), with the version read.</summary>
    public static IndicatorInput FromFigures(YearlyIndicator i, int? version) => new()
    {
        Revenue = i.Revenue, MainBusinessRevenue = i.MainBusinessRevenue, TotalIncome = i.TotalIncome, HighTechProductRevenue = i.HighTechProductRevenue,
        NetProfit = i.NetProfit, ValueAdded = i.ValueAdded, TaxPaid = i.TaxPaid, RdExpense = i.RdExpense, DomesticRdExpense = i.DomesticRdExpense,
        TotalCost = i.TotalCost, TotalAssets = i.TotalAssets, TotalLiabilities = i.TotalLiabilities, EquityFinancing = i.EquityFinancing,
        Employees = i.Employees, TechStaff = i.TechStaff, RdStaff = i.RdStaff, InventionPatents = i.InventionPatents,
        UtilityModelPatents = i.UtilityModelPatents, DesignPatents = i.DesignPatents, SoftwareCopyrights = i.SoftwareCopyrights,
        TechConversions = i.TechConversions, LandMu = i.LandMu, EnergyUseTce = i.EnergyUseTce, Version = version,
    };

    /// <summary>The year as read, ready to edit or correct.</summary>
    public static IndicatorInput From(IndicatorView v) => new()
    {
        Revenue = v.Revenue, MainBusinessRevenue = v.MainBusinessRevenue, TotalIncome = v.TotalIncome, HighTechProductRevenue = v.HighTechProductRevenue,
        NetProfit = v.NetProfit, ValueAdded = v.ValueAdded, TaxPaid = v.TaxPaid, RdExpense = v.RdExpense, DomesticRdExpense = v.DomesticRdExpense,
        TotalCost = v.TotalCost, TotalAssets = v.TotalAssets, TotalLiabilities = v.TotalLiabilities, EquityFinancing = v.EquityFinancing,
        Employees = v.Employees, TechStaff = v.TechStaff, RdStaff = v.RdStaff, InventionPatents = v.InventionPatents,
        UtilityModelPatents = v.UtilityModelPatents, DesignPatents = v.DesignPatents, SoftwareCopyrights = v.SoftwareCopyrights,
        TechConversions = v.TechConversions, LandMu = v.LandMu, EnergyUseTce = v.EnergyUseTce, Version = v.Version,
    };
}

/// <summary>A workflow step on a year (submit, review, return): the version read, and the reason where one is needed.</summary>
public sealed class IndicatorStepInput
{
    public int? Version { get; set; }
    /// <summary>Required to send a year back: what the enterprise must fix.</summary>
    public string? Reason { get; set; }
}

/// <summary>A correction of a reviewed year: every figure as it should be (with the year's version) and why.</summary>
public sealed class CorrectionInput
{
    public IndicatorInput? Figures { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Staff's decision on a requested correction: the correction's version; a note is required to reject.</summary>
public sealed class CorrectionDecisionInput
{
    public int? Version { get; set; }
    public string? Note { get; set; }
}

/// <summary>One changed figure: old → new (money in yuan).</summary>
public sealed record FigureChange(decimal? Old, decimal? New);

public sealed record CorrectionView(
    Guid Id, int Year, CorrectionStatus Status, string Reason, IReadOnlyDictionary<string, FigureChange> Changes,
    string? RequestedByName, DateTimeOffset RequestedAt, string? DecidedByName, DateTimeOffset? DecidedAt, string? DecisionNote, int Version);

public sealed record FactView(string Key, string Value, string? Evidence, DateOnly DeclaredOn, int Version);

/// <summary>Declares or replaces a fact. <see cref="Version"/>: the version read when replacing, null when declaring.</summary>
public sealed class FactInput
{
    public string? Value { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? DeclaredOn { get; set; }
    public int? Version { get; set; }
}
