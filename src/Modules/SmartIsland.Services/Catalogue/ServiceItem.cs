using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// The kinds of the national basic catalogue of government service items (政务服务事项基本目录): the ten kinds of
/// administrative power and public service (公共服务).
/// </summary>
public enum ItemKind
{
    AdministrativeLicence,      // 行政许可
    AdministrativePenalty,      // 行政处罚
    AdministrativeCoercion,     // 行政强制
    AdministrativeLevy,         // 行政征收
    AdministrativeBenefit,      // 行政给付
    AdministrativeInspection,   // 行政检查
    AdministrativeConfirmation, // 行政确认
    AdministrativeAward,        // 行政奖励
    AdministrativeAdjudication, // 行政裁决
    OtherPower,                 // 其他行政权力
    PublicService,              // 公共服务
}

/// <summary>How an item can be handled: at the window, online, without any visit (不见面审批), by post.</summary>
[Flags]
public enum Channels
{
    None = 0,
    Window = 1,
    Online = 2,
    NoVisit = 4,
    Post = 8,
}

/// <summary>
/// 政务服务事项: one item of the zone's catalogue with the elements of the national implementation list
/// (实施清单). The lists that belong only to the item (conditions, prohibited situations, flow steps, form fields)
/// are kept as JSON on the row; materials are canonical and shared across items (<see cref="ItemMaterial"/>).
/// </summary>
public sealed class ServiceItem : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>事项编码 (implementation code), unique in the zone.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public ItemKind Kind { get; set; }
    /// <summary>实施主体: the approving department (an organisation unit); its name is kept for the public guide.</summary>
    public Guid? DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    /// <summary>设定依据, as published.</summary>
    public string LegalBasis { get; set; } = "";
    public List<ItemRule> Conditions { get; set; } = [];
    /// <summary>违规禁办情形: what staff must never do or ask for; a refusal may cite these or a condition.</summary>
    public List<ItemRule> Prohibited { get; set; } = [];
    public List<FlowStep> Steps { get; set; } = [];
    public List<FormFieldDefinition> FormFields { get; set; } = [];
    /// <summary>法定办结时限 in working days (行政许可法 §42: 20, unless a law says otherwise).</summary>
    public int StatutoryLimitDays { get; set; }
    /// <summary>承诺办结时限 in working days; 0 is 即办件 (handled on the spot).</summary>
    public int PromisedLimitDays { get; set; }
    /// <summary>Working days an applicant has to supply deferred (容缺) materials after acceptance.</summary>
    public int DeferralDays { get; set; } = 5;
    public string Fee { get; set; } = "";
    public Channels Channels { get; set; }
    /// <summary>跑动次数: how many times an applicant must come in (0 = 零跑动).</summary>
    public int Visits { get; set; }
    public string Place { get; set; } = "";
    public string Hours { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ComplaintPhone { get; set; } = "";
    /// <summary>
    /// The conditions that decide automatic approval (秒批), as a rule set of the Rules module (JSON, over the form's
    /// answers <c>form.*</c>): Eligible approves at once; anything else goes to a person. None: a person decides.
    /// </summary>
    public string? AutoApprovalRules { get; set; }
    /// <summary>The licence type the approval issues as a certificate (Licences module); none when nothing is issued.</summary>
    public string? IssuesLicenceType { get; set; }
    /// <summary>Penalty items: the discretion rule that applies (e.g. "parking-first-minor").</summary>
    public string? DiscretionRule { get; set; }
    public string? Keywords { get; set; }
    public bool Published { get; set; } = true;
    public int Version { get; set; }

    public List<ItemMaterial> Materials { get; set; } = [];

    public bool IsImmediate => PromisedLimitDays == 0;
}

/// <summary>A numbered condition or prohibited situation, e.g. "C2: 门头招牌面积不超过 20 平方米".</summary>
public sealed record ItemRule(string Code, string Text);

/// <summary>A step of the flow (受理 → 审查 → 决定 → 办结) with who does it and its share of the promised days.</summary>
public sealed record FlowStep(string Name, string Actor, int Days);

/// <summary>A field of the application form; <see cref="Prefill"/> names the registry value that fills it.</summary>
public sealed record FormFieldDefinition(string Key, string Label, string? LabelEn, FieldKind Kind, bool Required, string? Prefill = null, IReadOnlyList<string>? Options = null);

public enum FieldKind
{
    Text,
    Number,
    Date,
    Choice,
    YesNo,
}

public enum MaterialRequirement
{
    Required,
    Optional,
}

public enum MaterialForm
{
    Original,
    Copy,
    OriginalAndCopy,
    Electronic,
}

/// <summary>申请材料 (canonical): one document, the same across items, and the e-licence types that prove it (免证办).</summary>
public sealed class Material : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    /// <summary>Licence type codes (Licences module) any one of which satisfies this material.</summary>
    public List<string> LicenceTypes { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>A material as an item asks for it: required or optional, deferrable (容缺), original or copy, how many.</summary>
public sealed class ItemMaterial : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid ItemId { get; set; }
    public Guid MaterialId { get; set; }
    public Material? Material { get; set; }
    public MaterialRequirement Requirement { get; set; }
    public bool Deferrable { get; set; }
    public MaterialForm Form { get; set; }
    public int Count { get; set; } = 1;
    public string? Note { get; set; }
    public int SortOrder { get; set; }
}
