using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Projects.Reviews;

public enum RoundStatus
{
    /// <summary>Reviewers are scoring.</summary>
    Open,
    /// <summary>Scored and ranked; the sheets are final.</summary>
    Closed,
}

/// <summary>
/// A monthly site review (观摩评比): the review team visits the listed projects, each reviewer fills a score sheet per
/// project, and closing the round ranks the projects and the parks through the scoring engine. One round per month.
/// </summary>
public sealed class ReviewRound : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public string Title { get; set; } = "";
    public RoundStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public int Version { get; set; }
    public List<ReviewEntry> Entries { get; set; } = [];
}

/// <summary>A project on the round's route, with the park it counted for at the time.</summary>
public sealed class ReviewEntry : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid RoundId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? ParkId { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>One reviewer's sheet for one project: points per criterion (within each criterion's maximum) and a remark.</summary>
public sealed class ReviewSheet : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid RoundId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid ReviewerUserId { get; set; }
    public string ReviewerName { get; set; } = "";
    public decimal Progress { get; set; }
    public decimal Investment { get; set; }
    public decimal Quality { get; set; }
    public decimal Safety { get; set; }
    public string? Remark { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public int Version { get; set; }

    public decimal Total => Progress + Investment + Quality + Safety;
}
