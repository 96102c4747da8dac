using System.Text.Json;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Policies;

/// <summary>A policy as staff write it. <see cref="Conditions"/> is a rule set definition as JSON (the row editor writes it).</summary>
public sealed record PolicyInput(
    string? Slug, string? Title, string? TitleEn, Guid? DepartmentId, string? Document, int? Year, decimal? Budget,
    string? Conditions, string? AmountFormula, string? Note);

public sealed record PolicyQuery(string? Search = null, PolicyStatus? Status = null, int Page = 1, int PageSize = 20);

public sealed record PolicySummary(
    Guid Id, string Slug, string Title, string? TitleEn, string IssuingDepartment, string Document, int Year, decimal? Budget,
    PolicyStatus Status, bool Illustrative, int Entitled, int ToConfirm, decimal EntitledAmount, DateTimeOffset? LastRunAt, int RowVersion);

public sealed record PolicyDetail(
    PolicySummary Summary, Guid? DepartmentId, string Conditions, string AmountFormula, string? Note, DateTimeOffset? PublishedAt);

/// <summary>What one 免申即享 run did: enterprises evaluated, entitlements found or to confirm, and ones withdrawn because they no longer qualify.</summary>
public sealed record RunSummary(int Evaluated, int Found, int ToConfirm, int Unchanged, int Withdrawn);

public sealed record EntitlementView(
    Guid Id, Guid PolicyId, string PolicyTitle, Guid EnterpriseId, string EnterpriseName, string CreditCode, EntitlementStatus Status,
    decimal? ComputedAmount, decimal? ConfirmedAmount, decimal? PaidAmount, DateOnly? PaidOn, string? VoucherNumber, string? PaidReason,
    string? RejectReason, string? ConfirmNote, IReadOnlyList<string> Missing, DateTimeOffset FoundAt, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? NotifiedAt, DateTimeOffset? PaidAt, DateTimeOffset? AcknowledgedAt, int RowVersion, JsonElement? Explanation)
{
    /// <summary>A notice the enterprise has still to answer with 知道了: told (and perhaps paid), not yet acknowledged.</summary>
    public bool AwaitsAcknowledgement => PolicyRules.VisibleToEnterprise(Status) && AcknowledgedAt is null;
}

/// <summary>A staff step on an entitlement: the row version read, and what the step needs (amount, reason, payment).</summary>
public sealed record EntitlementAction(int? RowVersion, decimal? Amount = null, string? Reason = null, DateOnly? PaidOn = null, string? VoucherNumber = null);

/// <summary>A published policy the enterprise nearly meets, or could meet once it declares what is missing.</summary>
public sealed record CloseToView(
    Guid PolicyId, string Title, string? TitleEn, string Document, int Year, Outcome Outcome, decimal Closeness, decimal? Amount,
    IReadOnlyList<CriterionResult> Gaps, IReadOnlyList<string> Missing);

/// <summary>Conditions and amount tried on one enterprise before saving (nothing is stored).</summary>
public sealed record PreviewRequest(string? Conditions, string? AmountFormula, int? Year, Guid? EnterpriseId);

public sealed record PreviewResult(Guid EnterpriseId, string EnterpriseName, Outcome Outcome, decimal? Amount, IReadOnlyList<string> Missing, RuleSetResult Result);
