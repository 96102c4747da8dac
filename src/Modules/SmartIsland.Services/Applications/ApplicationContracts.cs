using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Applications;

/// <summary>
/// An application as submitted: for one item (<see cref="ItemCode"/>) or one bundle (<see cref="BundleCode"/>).
/// An enterprise user applies for its own enterprise; staff at the window name the applicant.
/// </summary>
public sealed class ApplicationRequest
{
    public string? ItemCode { get; set; }
    public string? BundleCode { get; set; }
    public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Organisation;
    /// <summary>The applicant's 统一社会信用代码 (or ID number for a person); an enterprise user's own is taken from the sign-in.</summary>
    public string? ApplicantKey { get; set; }
    /// <summary>Only for an applicant the registry does not know (a person, or an organisation being set up).</summary>
    public string? ApplicantName { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = [];
}

/// <summary>A file for one material, by the material's canonical code.</summary>
public sealed record MaterialUpload(string MaterialCode, string FileName, byte[] Content);

/// <summary>The form before submission: fields filled from the registry, and each material's state for this applicant.</summary>
public sealed record PreparedApplication(
    string Code, string Name, bool IsBundle, IReadOnlyList<PreparedItem> Items, PreparedApplicant? Applicant,
    IReadOnlyList<PreparedField> Fields, IReadOnlyList<PreparedMaterial> Materials, IReadOnlyList<string> UnavailableSystems,
    DateOnly? DeferredDueBy);

public sealed record PreparedItem(string Code, string Name, string Department, int PromisedLimitDays, int StatutoryLimitDays, bool AutoApproval);

public sealed record PreparedApplicant(string Key, string Name, bool InRegistry);

/// <summary>A form field with its value from the registry (when it has a <see cref="FormFieldDefinition.Prefill"/> source).</summary>
public sealed record PreparedField(FormFieldDefinition Definition, string? Value, string? RegistryValue);

/// <summary>
/// A material as this applicant must bring it: exempt when a valid e-licence proves it (免提交, with the licence),
/// else to upload; deferrable ones may come later (容缺).
/// </summary>
public sealed record PreparedMaterial(string Code, string Name, bool Required, bool Deferrable, MaterialForm Form, int Count,
    IReadOnlyList<string> ItemCodes, ExemptingLicence? Exempt);

public sealed record ExemptingLicence(string Number, string TypeCode, string TypeName, string SourceSystem);

/// <summary>A declared value that differs from the registry (企业信息智能比对): staff review it.</summary>
public sealed record Discrepancy(string Field, string Label, string? Declared, string? Registry);

public sealed record ApplicationListItem(
    string Number, string ItemCode, string ItemName, string DepartmentName, string ApplicantName, ApplicationStage Stage,
    Decision? Decision, bool AutoApproved, bool DeferredAcceptance, bool NeedsDiscrepancyReview, DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt, bool Overdue, string? BundleNumber, int Version);

public sealed record ApplicationPage(IReadOnlyList<ApplicationListItem> Items, int Total);

public sealed record ApplicationQuery(string? Text = null, ApplicationStage? Stage = null, bool? Mine = null, int Skip = 0, int Take = 20);

public sealed record ApplicationMaterialView(string Code, string Name, MaterialState State, string? LicenceNumber, string? LicenceSource,
    string? FileName, string? ContentType, long? Size, DateTimeOffset? SuppliedAt, bool Deferrable);

public sealed record ApplicationEventView(DateTimeOffset At, string? Actor, string Action, ApplicationStage? From, ApplicationStage To, string? Note);

/// <summary>A step of the item's flow with its due date, counted in working days from the day after acceptance.</summary>
public sealed record StepView(string Name, string Actor, DateTimeOffset? DueAt, bool Done);

public sealed record ApplicationView(
    Guid Id, string Number, string ItemCode, string ItemName, string DepartmentName, ApplicantKind ApplicantKind,
    string ApplicantKey, string ApplicantName, string? ContactName, string? ContactPhone, ApplicationChannel Channel,
    ApplicationStage Stage, Decision? Decision, string? RefusalRule, string? RefusalText, string? DecisionNote,
    bool AutoApproved, AutoApprovalView? AutoApproval, DateTimeOffset SubmittedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DueAt,
    DateTimeOffset? StatutoryDueAt, DateTimeOffset? DecidedAt, DateTimeOffset? CompletedAt, bool Overdue,
    bool DeferredAcceptance, DateOnly? PromisedBy, string? DeferredCaseCode, IReadOnlyDictionary<string, string?> Form,
    IReadOnlyList<FormFieldDefinition> FormFields, IReadOnlyList<Discrepancy> Discrepancies, IReadOnlyList<ApplicationMaterialView> Materials,
    IReadOnlyList<ApplicationEventView> Events, IReadOnlyList<StepView> Steps, IReadOnlyList<ItemRule> Citable,
    string? LicenceNumber, string? CertificatePath, string? VerifyPath, string? BundleNumber, bool CanDecide, bool CanSupply, int Version)
{
    /// <summary>Decided but not completed: its certificate could not be issued at the time; staff may try again.</summary>
    public bool CanComplete { get; init; }
}

/// <summary>What the rules engine said about automatic approval: outcome and, per condition, value against threshold.</summary>
public sealed record AutoApprovalView(string Outcome, IReadOnlyList<AutoApprovalCriterion> Criteria);

public sealed record AutoApprovalCriterion(string Key, string Title, string Cite, bool? Met, string? Value, string? Threshold, IReadOnlyList<string> Missing);

public sealed class DecisionRequest
{
    public Decision? Decision { get; set; }
    /// <summary>A refusal cites a condition (C…) or prohibited situation (P…) of the item.</summary>
    public string? Rule { get; set; }
    public string? Note { get; set; }
}

public sealed record BundleApplicationView(string Number, string BundleCode, string BundleName, string ApplicantName, DateTimeOffset SubmittedAt,
    DateTimeOffset? CompletedAt, IReadOnlyList<ApplicationListItem> Applications);

public sealed record NoticeView(DateTimeOffset At, string ApplicationNumber, string Text, bool Read);
