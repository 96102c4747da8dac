using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Policies;

public enum PolicyStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>
/// 政策 / 奖补: the conditions an enterprise must meet (a rule set held as JSON on the policy, ADR 0010), the amount
/// it gets (a formula over the same fact sheet, in yuan), who issues it and the document it rests on.
/// Only a published policy is run and shown to enterprises.
/// </summary>
public sealed class Policy : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>Short stable name; the conditions are evaluated as rule set <c>policy.&lt;slug&gt;</c>.</summary>
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public Guid? DepartmentId { get; set; }
    /// <summary>The issuing department's name as written when saved, for ledgers kept after a reorganisation.</summary>
    public string IssuingDepartment { get; set; } = "";
    /// <summary>Document and article cited, e.g. 平高管〔2026〕1号 第三条.</summary>
    public string Document { get; set; } = "";
    /// <summary>The policy year (年度); its conditions read the figures of the year before ("上一年度").</summary>
    public int Year { get; set; }
    public decimal? Budget { get; set; }
    public PolicyStatus Status { get; set; }
    /// <summary>A <c>RuleSetDefinition</c> as JSON; code, version, title and document are kept in step with the policy.</summary>
    public string Conditions { get; set; } = "";
    /// <summary>A formula of the rules language giving yuan, e.g. <c>min(rdExpense * 5%, 20万)</c>.</summary>
    public string AmountFormula { get; set; } = "";
    /// <summary>示例: demo data, not a real document of the zone.</summary>
    public bool Illustrative { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public int Version { get; set; }
}

public enum EntitlementStatus
{
    /// <summary>The run found the enterprise Eligible, with a computed amount.</summary>
    Found,
    /// <summary>The rules could not decide (a fact undeclared, a figure missing): staff check and confirm or reject.</summary>
    ToConfirm,
    Confirmed,
    Rejected,
    /// <summary>The enterprise has been told; it sees the entitlement in its portal from here on, as a notice until it acknowledges.</summary>
    Notified,
    Paid,
}

/// <summary>
/// One enterprise's entitlement under one policy (免申即享): at most one per enterprise and policy (unique index),
/// with what the rules said when it was found, and the steps staff took after.
/// </summary>
public sealed class PolicyEntitlement : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid PolicyId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string EnterpriseName { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public EntitlementStatus Status { get; set; }
    /// <summary>The amount formula's result; null when a figure it needs is missing.</summary>
    public decimal? ComputedAmount { get; set; }
    /// <summary>The amount staff confirmed (the computed one unless they had to supply it).</summary>
    public decimal? ConfirmedAmount { get; set; }
    public decimal? PaidAmount { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? VoucherNumber { get; set; }
    /// <summary>Why the amount paid differs from the amount confirmed.</summary>
    public string? PaidReason { get; set; }
    public string? RejectReason { get; set; }
    public string? ConfirmNote { get; set; }
    /// <summary>What the rules could not know, comma-separated (for the to-confirm list).</summary>
    public string? Missing { get; set; }
    /// <summary>The rule set result (JSON) at the time it was found: the explanation does not change when figures do.</summary>
    public string Explanation { get; set; } = "";
    public DateTimeOffset FoundAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>
    /// When the enterprise's own user answered the notice with 知道了: the loop from "notified" back to staff, who
    /// then know the enterprise has read it. The first acknowledgement is kept.
    /// </summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>The user (of the enterprise) who acknowledged.</summary>
    public Guid? AcknowledgedBy { get; set; }
    public int Version { get; set; }
}
