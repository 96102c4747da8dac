using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Officers;

/// <summary>
/// The enterprise's chief service officer now (首席服务员, 一企一人一策): one row per enterprise, unique in the
/// zone, so "one officer per enterprise" is kept by the database, not only by the code. Changes are edits of
/// this row (versioned) and each one leaves an <see cref="OfficerAssignmentChange"/>.
/// </summary>
public sealed class OfficerAssignment : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid OfficerUserId { get; set; }
    public DateTimeOffset Since { get; set; }
    public Guid? AssignedByUserId { get; set; }
    public int Version { get; set; }
}

/// <summary>One step of an enterprise's assignment history: who took over from whom, when, by whose decision and why.</summary>
public sealed class OfficerAssignmentChange : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid OfficerUserId { get; set; }
    public Guid? PreviousOfficerUserId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>A visit (走访) by the officer: the day, what was discussed, photos, and the requests raised.</summary>
public sealed class Visit : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid OfficerUserId { get; set; }
    public string OfficerName { get; set; } = "";
    public DateOnly VisitedOn { get; set; }
    public string Notes { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A visit photo after the content check: re-encoded JPEG without EXIF.</summary>
public sealed class VisitPhoto : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid VisitId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public int Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A request the enterprise raised during a visit; it becomes a case of the case engine, whose tracking code is kept here.</summary>
public sealed class VisitRequest : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid VisitId { get; set; }
    public int Position { get; set; }
    public string Description { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string? TrackingCode { get; set; }
}

/// <summary>The "1234" method's four goals (专利申请, 科技型中小企业, 规上企业, 高新技术企业).</summary>
public enum GoalKind
{
    PatentFiling = 1,
    TechSme = 2,
    AboveDesignatedSize = 3,
    HighTechEnterprise = 4,
}

public enum GoalStatus
{
    Planned = 1,
    InProgress = 2,
    Achieved = 3,
    Missed = 4,
}

/// <summary>One "1234" goal of one enterprise; the officer's declaration, which the platform's own data overrides where it knows.</summary>
public sealed class ServiceGoal : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid EnterpriseId { get; set; }
    public GoalKind Kind { get; set; }
    public int TargetYear { get; set; }
    /// <summary>Patents only: how many patents in force the enterprise aims for by the target year.</summary>
    public int? TargetCount { get; set; }
    /// <summary>Who drives the goal (e.g. the enterprise's technical director): often a person's name, so the audit log keeps it erasable.</summary>
    [PersonalData]
    public string Owner { get; set; } = "";
    public GoalStatus DeclaredStatus { get; set; } = GoalStatus.Planned;
    public int DeclaredProgress { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
