using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Projects.Domain;

/// <summary>
/// A zone's 三个一批 targets for a year (签约一批、开工一批、竣工投产一批): how many projects to sign, to start and to
/// complete and put into production, and the fixed-asset investment to complete (万元). Admin keeps them.
/// </summary>
public sealed class ThreeBatchTarget : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public int Year { get; set; }
    public int SignedCount { get; set; }
    public int StartedCount { get; set; }
    public int CompletedCount { get; set; }
    /// <summary>完成投资目标, 万元.</summary>
    public decimal Investment { get; set; }
    public int Version { get; set; }
}
