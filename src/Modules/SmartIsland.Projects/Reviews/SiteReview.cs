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

/// <summary>A reviewer's filled sheet, whatever it scores: the trimmed mean (<see cref="ReviewScoring"/>) reads sheets through this.</summary>
public interface IScoreSheet
{
    Guid ReviewerUserId { get; }
    decimal Total { get; }
    decimal ValueOf(string key);
}

/// <summary>One reviewer's sheet for one project: points per criterion (within each criterion's maximum) and a remark.</summary>
public sealed class ReviewSheet : IZoneOwned, IVersioned, IScoreSheet
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

    public decimal ValueOf(string key) => key switch
    {
        "progress" => Progress,
        "investment" => Investment,
        "quality" => Quality,
        "safety" => Safety,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };
}

/// <summary>
/// One reviewer's sheet for one park of the round (a park whose projects are on the route): how the park itself plans,
/// serves and drives its projects (<see cref="ReviewScoring.ParkCriteria"/>), beside the scores its projects earn.
/// </summary>
public sealed class ParkReviewSheet : IZoneOwned, IVersioned, IScoreSheet
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid RoundId { get; set; }
    public Guid ParkId { get; set; }
    public Guid ReviewerUserId { get; set; }
    public string ReviewerName { get; set; } = "";
    public decimal Planning { get; set; }
    public decimal Support { get; set; }
    public decimal Environment { get; set; }
    public decimal Organisation { get; set; }
    public string? Remark { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public int Version { get; set; }

    public decimal Total => Planning + Support + Environment + Organisation;

    public decimal ValueOf(string key) => key switch
    {
        "planning" => Planning,
        "support" => Support,
        "environment" => Environment,
        "organisation" => Organisation,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };
}
