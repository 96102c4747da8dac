using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Performance;

/// <summary>The six levers of differentiated policy by grade (rules-reference.md §4.3).</summary>
public enum PolicyLever
{
    RentDiscount = 1,
    Land = 2,
    Energy = 3,
    Services = 4,
    InnovationResources = 5,
    Finance = 6,
}

/// <summary>What one grade brings on one lever in this zone (差别化政策). Seeded text is illustrative until a person edits it.</summary>
internal sealed class GradePolicy : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Grade { get; set; } = "";
    public PolicyLever Lever { get; set; }
    public string TextZh { get; set; } = "";
    public string TextEn { get; set; } = "";
    /// <summary>True for the seeded example text; cleared when staff write the zone's own.</summary>
    public bool Illustrative { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An enterprise left out of grading (不定等级): utilities, start-ups, firms in a major project's construction
/// period (rules-reference.md §4.2). It is still scored, and managed as the scheme's "managed as" grade.
/// </summary>
internal sealed class GradingExclusion : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string Reason { get; set; } = "";
    public int Version { get; set; }
}
