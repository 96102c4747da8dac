using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Projects.Domain;

/// <summary>省重点 / 市重点 / 区重点: who lists the project decides who follows it.</summary>
public enum ProjectLevel
{
    Provincial,
    Municipal,
    Zone,
}

/// <summary>The categories the zone's project lists use (先进制造业, 创新能力, 基础设施, 民生, 现代服务业).</summary>
public enum ProjectCategory
{
    AdvancedManufacturing,
    InnovationCapacity,
    Infrastructure,
    Livelihood,
    ModernServices,
}

/// <summary>签约 → 开工 → 在建 → 竣工 → 投产: the phases "三个一批" counts (签约一批、开工一批、竣工投产一批).</summary>
public enum ProjectPhase
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "签约: the glossary's word for the phase, not the integer type.")]
    Signed,
    Started,
    UnderConstruction,
    Completed,
    InProduction,
}

/// <summary>
/// A key project (重点项目): its owner, park, planned investment in 万元, the responsible leader (分包领导) and a special
/// team (专班) whose members send the daily progress reports. Phase dates are the days each phase was reached.
/// </summary>
public sealed class Project : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>XM + year + serial, e.g. XM2026-007: what staff say on the phone.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ProjectLevel Level { get; set; }
    public ProjectCategory Category { get; set; }
    public Guid? ParkId { get; set; }
    /// <summary>The owner in the enterprise registry, when it is there (a new investor may not be registered yet).</summary>
    public Guid? OwnerEnterpriseId { get; set; }
    public string? OwnerName { get; set; }
    public string? Description { get; set; }
    /// <summary>总投资, 万元.</summary>
    public decimal TotalInvestment { get; set; }
    public ProjectPhase Phase { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? InProductionOn { get; set; }
    /// <summary>分包领导: a zone leader's name as the project list prints it.</summary>
    public string? ResponsibleLeader { get; set; }
    public Guid? ResponsibleLeaderUserId { get; set; }
    public Guid? SourceLeadId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>
    /// The latest day with a daily report, kept with each report (<c>DailyReportService</c>) so the lagging list and the
    /// missing reports read one column per project instead of millions of report rows. Derived data: it moves only
    /// forward and never counts as an edit of the project (no version bump, no audit entry of its own — the report is).
    /// </summary>
    public DateOnly? LastReportDay { get; set; }

    public List<ProjectMember> Members { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<YearPlan> YearPlans { get; set; } = [];
    public List<MonthlyInvestment> Investments { get; set; } = [];
}

public enum MemberRole
{
    /// <summary>专班负责人.</summary>
    Lead,
    Member,
    /// <summary>The owner enterprise's site contact (项目负责人), who sends the daily photos.</summary>
    SiteContact,
}

/// <summary>A member of the project's special team (专班): a platform account, so reports and reminders reach a person.</summary>
public sealed class ProjectMember : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public MemberRole Role { get; set; }
}

/// <summary>A milestone (项目节点) with its planned day and the day it was actually reached.</summary>
public sealed class Milestone : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public DateOnly PlannedOn { get; set; }
    public DateOnly? ActualOn { get; set; }
}

/// <summary>年度计划投资, 万元.</summary>
public sealed class YearPlan : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public int Year { get; set; }
    public decimal PlannedInvestment { get; set; }
}

/// <summary>Investment completed in a month (月度完成投资), 万元, as reported.</summary>
public sealed class MonthlyInvestment : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
}

/// <summary>
/// A daily progress report (形象进度): text and photos from the site, one or more a day. <see cref="Day"/> is the
/// day in China's time the report counts for.
/// </summary>
public sealed class DailyReport : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ProjectId { get; set; }
    public DateOnly Day { get; set; }
    public string Text { get; set; } = "";
    public Guid? AuthorUserId { get; set; }
    public string? AuthorName { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public int PhotoCount { get; set; }
    public List<ReportPhoto> Photos { get; set; } = [];
}

/// <summary>A report's photo, re-encoded without EXIF, with a thumbnail for the timeline.</summary>
public sealed class ReportPhoto : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ReportId { get; set; }
    public int SortOrder { get; set; }
    public string ContentType { get; set; } = "image/jpeg";
    public byte[] Content { get; set; } = [];
    public byte[] Thumbnail { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
}
