using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Domain;

/// <summary>Where a lead came from. 链上招商 (ChainLead) names an enterprise already in the zone.</summary>
public enum LeadSource
{
    /// <summary>外出拜访 / 走访.</summary>
    Visit,
    /// <summary>推介会、展会、招商活动.</summary>
    Event,
    /// <summary>链上招商: the upstream or downstream of an enterprise already in the zone.</summary>
    ChainLead,
    /// <summary>以商招商、商会、中介推荐.</summary>
    Referral,
    Other,
}

/// <summary>Which side of the source enterprise's chain the investor sits on.</summary>
public enum ChainDirection
{
    /// <summary>上游: a supplier of the source enterprise.</summary>
    Upstream,
    /// <summary>下游: a customer of the source enterprise.</summary>
    Downstream,
}

/// <summary>线索 → 洽谈 → 签约 → 落地, and 终止 (dropped, with a reason) from any stage before 落地.</summary>
public enum LeadStage
{
    Lead,
    Negotiating,
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "签约: the glossary's word for the stage, not the integer type.")]
    Signed,
    Landed,
    Dropped,
}

/// <summary>What the investor needs: a plant to rent or buy (厂房), or land (土地).</summary>
public enum SiteKind
{
    Plant,
    Land,
}

/// <summary>
/// A 招商线索: an investor and the project they might bring, followed by its owner (a staff account) from first
/// contact to landing. Amounts in 万元, areas in m². Every stage change and note is kept in <see cref="History"/>.
/// </summary>
public sealed class Lead : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>ZS + year + serial, e.g. ZS2026-014.</summary>
    public string Code { get; set; } = "";
    public string InvestorName { get; set; } = "";
    /// <summary>项目名称 as the investor describes it (e.g. 年产 5 万台智能电表项目).</summary>
    public string ProjectName { get; set; } = "";
    public LeadSource Source { get; set; }
    /// <summary>For a chain lead: the enterprise in the registry whose upstream or downstream the investor is.</summary>
    public Guid? SourceEnterpriseId { get; set; }
    public string? SourceEnterpriseName { get; set; }
    public ChainDirection? ChainDirection { get; set; }
    /// <summary>Free text of where it came from (the event, who referred it).</summary>
    public string? SourceNote { get; set; }
    /// <summary>GB/T 4754-2017 code as the registry keeps it (C3829), or at least the division (C38).</summary>
    public string IndustryCode { get; set; } = "";
    /// <summary>意向投资额, 万元.</summary>
    public decimal IntendedAmount { get; set; }
    public SiteKind? NeedKind { get; set; }
    /// <summary>用地 / 厂房 需求, m².</summary>
    public decimal? NeedArea { get; set; }
    /// <summary>The park the investor is steered to, when known.</summary>
    public Guid? ParkId { get; set; }
    [SmartIsland.Platform.Security.PersonalData] public string? ContactName { get; set; }
    [SmartIsland.Platform.Security.PersonalData] public string? ContactPhone { get; set; }
    public LeadStage Stage { get; set; }
    public string? DroppedReason { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? LandedOn { get; set; }
    public Guid OwnerUserId { get; set; }
    public string OwnerName { get; set; } = "";
    public string? NextAction { get; set; }
    public DateOnly? NextActionOn { get; set; }
    /// <summary>The key project this lead became (IProjectRegistry); set once.</summary>
    public Guid? ProjectId { get; set; }
    public string? ProjectCode { get; set; }
    /// <summary>A conversion in flight: claimed before the project is opened so two clicks cannot open two projects.</summary>
    public DateTimeOffset? ConvertingSince { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<LeadEvent> History { get; set; } = [];
}

public enum LeadEventKind
{
    Created,
    StageChanged,
    Note,
    Edited,
    ConvertedToProject,
    OwnerChanged,
}

/// <summary>One line of a lead's history: who, when, what and why.</summary>
public sealed class LeadEvent : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid LeadId { get; set; }
    public LeadEventKind Kind { get; set; }
    public LeadStage? FromStage { get; set; }
    public LeadStage? ToStage { get; set; }
    public string? Text { get; set; }
    public Guid? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
