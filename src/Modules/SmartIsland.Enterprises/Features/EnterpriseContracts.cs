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

public sealed record IndicatorView(
    int Year, decimal? Revenue, decimal? RdExpense, decimal? TaxPaid, int? Employees, int? TechStaff,
    int? InventionPatents, int? UtilityModelPatents, int? DesignPatents, int? SoftwareCopyrights,
    decimal? LandMu, decimal? EnergyUseTce, int Version);

public sealed record EnterpriseDetail(
    Guid Id, string CreditCode, string Name, string? LegalRepresentative, string IndustryCode,
    Guid? ParkId, string? ParkName, string? Address, string? ContactName, string? ContactPhone,
    DateOnly? RegisteredOn, int Version, bool PersonalDataMasked, bool CanEdit,
    IReadOnlyList<QualificationView> Qualifications, IReadOnlyList<IndicatorView> Indicators);

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

/// <summary>One year's figures; money in yuan. <see cref="Version"/>: the version read, null for a new year.</summary>
public sealed class IndicatorInput
{
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
    public int? Version { get; set; }
}
