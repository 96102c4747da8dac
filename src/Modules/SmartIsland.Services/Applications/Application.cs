using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Services.Applications;

/// <summary>
/// Where an application (办件) stands. The statutory path is 受理 → 审查 → 决定 → 办结 (行政许可法 §§32–44):
/// <see cref="Submitted"/> waits for acceptance, <see cref="Accepted"/> is under review, <see cref="Decided"/> has a
/// decision (approved or refused), <see cref="Completed"/> is 办结 (certificate issued or the refusal served).
/// </summary>
public enum ApplicationStage
{
    Submitted,
    Accepted,
    Decided,
    Completed,
    /// <summary>不予受理: not accepted at all (e.g. a required material missing that may not be deferred).</summary>
    NotAccepted,
    Withdrawn,
}

public enum Decision
{
    Approved,
    Refused,
}

public enum ApplicantKind
{
    Organisation,
    Person,
}

public enum ApplicationChannel
{
    Online,
    Window,
}

/// <summary>办件: one application for one service item; a bundle application fans out into one per item.</summary>
public sealed class Application : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>办件编号, unique: the applicant quotes it.</summary>
    public string Number { get; set; } = "";
    public Guid ItemId { get; set; }
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    public Guid? BundleApplicationId { get; set; }

    public ApplicantKind ApplicantKind { get; set; }
    /// <summary>The applicant's 统一社会信用代码, or ID number for a person (personal data then).</summary>
    [PersonalData]
    public string ApplicantKey { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public Guid? EnterpriseId { get; set; }
    [PersonalData]
    public string? ContactName { get; set; }
    [PersonalData]
    public string? ContactPhone { get; set; }
    public ApplicationChannel Channel { get; set; }
    public Guid? SubmittedByUserId { get; set; }

    public ApplicationStage Stage { get; set; }
    public Decision? Decision { get; set; }
    /// <summary>The condition or prohibited situation a refusal cites (e.g. "C2"), with its text at the time.</summary>
    public string? RefusalRule { get; set; }
    public string? RefusalText { get; set; }
    public string? DecisionNote { get; set; }
    public bool AutoApproved { get; set; }
    /// <summary>The rules engine's explained result when automatic approval was tried (JSON), shown to the reviewer.</summary>
    public string? AutoApprovalJson { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>Due under the promised limit, counted in working days from the day after acceptance.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Due under the statutory limit (法定时限), for the speed-up figure.</summary>
    public DateTimeOffset? StatutoryDueAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Working days from acceptance to completion, for the timeliness figures.</summary>
    public int? WorkingDaysTaken { get; set; }
    public bool? OnTime { get; set; }

    /// <summary>容缺受理: accepted with deferrable materials promised by <see cref="PromisedBy"/>, tracked as a case.</summary>
    public bool DeferredAcceptance { get; set; }
    public DateOnly? PromisedBy { get; set; }
    public Guid? DeferredCaseId { get; set; }
    public string? DeferredCaseCode { get; set; }

    /// <summary>The form as submitted (key → value, JSON) and the values that differ from the registry (JSON list).</summary>
    public string FormJson { get; set; } = "{}";
    public string DiscrepanciesJson { get; set; } = "[]";
    public bool NeedsDiscrepancyReview { get; set; }

    public string? LicenceNumber { get; set; }
    public int Version { get; set; }

    public List<ApplicationMaterial> Materials { get; set; } = [];
    public List<ApplicationEvent> Events { get; set; } = [];
}

public enum MaterialState
{
    /// <summary>Uploaded (or handed in at the window and scanned).</summary>
    Provided,
    /// <summary>免提交: a valid e-licence proves it.</summary>
    Exempt,
    /// <summary>容缺: to be supplied by the promise date.</summary>
    Deferred,
    /// <summary>Optional and not given.</summary>
    NotGiven,
}

public sealed class ApplicationMaterial : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid MaterialId { get; set; }
    public string MaterialCode { get; set; } = "";
    public string MaterialName { get; set; } = "";
    public MaterialState State { get; set; }
    public string? LicenceNumber { get; set; }
    public string? LicenceSource { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public string? Sha256 { get; set; }
    /// <summary>The stored file (svc_files); several applications of a bundle share one upload.</summary>
    public Guid? FileId { get; set; }
    public DateTimeOffset? SuppliedAt { get; set; }
}

/// <summary>An uploaded file's bytes, apart from the rows that list files so lists stay light.</summary>
public sealed class StoredFile : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>The application's timeline: every step, who took it and why.</summary>
public sealed class ApplicationEvent : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string Action { get; set; } = "";
    public ApplicationStage? From { get; set; }
    public ApplicationStage To { get; set; }
    public string? Note { get; set; }
}

/// <summary>A bundle (一件事) application: one form, fanned out to one application per item, joined back here.</summary>
public sealed class BundleApplication : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Number { get; set; } = "";
    public Guid BundleId { get; set; }
    public string BundleName { get; set; } = "";
    [PersonalData]
    public string ApplicantKey { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public Guid? EnterpriseId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>Set when every item's application has ended (completed, refused or not accepted).</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A notice to the applicant (accepted, approved with certificate, refused with the rule, materials due).</summary>
public sealed class ApplicationNotice : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ApplicationId { get; set; }
    public string ApplicationNumber { get; set; } = "";
    public Guid? RecipientUserId { get; set; }
    public Guid? EnterpriseId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset? ReadAt { get; set; }
}
