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
    public int Version { get; set; }
}
