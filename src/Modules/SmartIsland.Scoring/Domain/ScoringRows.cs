using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Scoring.Domain;

/// <summary>
/// One revision of a scheme (a zone's per-mu evaluation, a site review …), identified by its key. A change is a
/// new revision, never an edit, so every stored run names the exact definition it used.
/// </summary>
internal sealed class ScoringScheme : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Key { get; set; } = "";
    public int Revision { get; set; }
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>The <see cref="Engine.SchemeDefinition"/> as JSON.</summary>
    public string Definition { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>One run of a scheme for a period. Re-running a period adds a run; the latest is the one shown, all are kept.</summary>
internal sealed class ScoringRun : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid SchemeId { get; set; }
    public string SchemeKey { get; set; } = "";
    public int SchemeRevision { get; set; }
    public string Period { get; set; } = "";
    public DateTimeOffset RunAt { get; set; }
    public Guid? RunBy { get; set; }
    public string? RunByName { get; set; }
    public int UnitCount { get; set; }
    public int GradedCount { get; set; }
}

/// <summary>One unit's result in a run: per-indicator value and points (JSON), total, rank and grade.</summary>
internal sealed class ScoringResult : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid RunId { get; set; }
    public Guid UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public decimal Total { get; set; }
    public decimal Bonus { get; set; }
    public decimal Penalty { get; set; }
    public int? Rank { get; set; }
    public string? Grade { get; set; }
    public bool Excluded { get; set; }
    public string? ExcludedReason { get; set; }
    public string Indicators { get; set; } = "[]";
}
