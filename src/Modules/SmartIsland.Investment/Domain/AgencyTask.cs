using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Domain;

public enum AgencyTaskStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// A 代办 task the zone does for a signed or landed investor (企业开办, 项目备案, 用地规划许可, 施工许可 …): the
/// "全流程、跟踪式、管家式代办服务" the parks offer. Due dates are counted in working days.
/// </summary>
public sealed class AgencyTask : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid LeadId { get; set; }
    /// <summary>The lead's project when it has one (copied, so a project's tasks are found without the lead).</summary>
    public Guid? ProjectId { get; set; }
    public string Title { get; set; } = "";
    public Guid OwnerUserId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public AgencyTaskStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}
