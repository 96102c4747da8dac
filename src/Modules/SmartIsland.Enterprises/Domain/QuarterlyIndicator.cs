using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Domain;

/// <summary>
/// An enterprise's figures from 1 January to the end of a quarter (累计, year to date), reported quarterly for
/// 亩均效益 monitoring. Money in yuan, energy in tonnes of standard coal; employees is the period's average.
/// </summary>
public sealed class QuarterlyIndicator : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public decimal? Revenue { get; set; }
    public decimal? MainBusinessRevenue { get; set; }
    public decimal? TaxPaid { get; set; }
    public decimal? ValueAdded { get; set; }
    public decimal? RdExpense { get; set; }
    public decimal? EnergyUseTce { get; set; }
    public int? Employees { get; set; }
    public int Version { get; set; }
}
