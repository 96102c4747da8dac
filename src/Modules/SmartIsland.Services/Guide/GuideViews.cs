using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Guide;

// What the public guide shows and its API returns. Everything here is published catalogue content: department
// contact and complaint lines are public service numbers, never a person's; no applicant data ever appears.

/// <summary>A line of the list of powers (权力事项清单).</summary>
public sealed record GuideItemSummary(
    string Code, string Name, string? NameEn, ItemKind Kind, string Department, string LegalBasis,
    int StatutoryLimitDays, int PromisedLimitDays, Channels Channels, int Visits);

/// <summary>A material as the item's guide lists it; <see cref="LicenceTypes"/> name the e-licences that exempt it (免提交).</summary>
public sealed record GuideMaterial(
    string Code, string Name, string? NameEn, bool Required, bool Deferrable, MaterialForm Form, int Count, string? Note,
    IReadOnlyList<GuideLicenceType> LicenceTypes);

/// <summary>An e-licence type by code, with its name where the licence registry knows it (else the code).</summary>
public sealed record GuideLicenceType(string Code, string Name, string? NameEn);

/// <summary>合规办事业务指南: one item, everything an applicant needs to know, in the national standard's elements.</summary>
public sealed record GuideItem(
    string Code, string Name, string? NameEn, ItemKind Kind, string Department, string LegalBasis,
    IReadOnlyList<ItemRule> Conditions, IReadOnlyList<ItemRule> Prohibited, IReadOnlyList<FlowStep> Steps,
    IReadOnlyList<GuideMaterial> Materials, int StatutoryLimitDays, int PromisedLimitDays, int DeferralDays, string Fee,
    Channels Channels, int Visits, string Place, string Hours, string ContactPhone, string ComplaintPhone,
    bool AutomaticApproval, IReadOnlyList<GuideBundleRef> Bundles)
{
    public bool IsImmediate => PromisedLimitDays == 0;
}

public sealed record GuideBundleRef(string Code, string Name, string? NameEn);

/// <summary>Where the search term was found, best first (the order ranks hits).</summary>
public enum GuideMatch
{
    Name,
    Code,
    Keywords,
    Department,
    Material,
    Condition,
}

public sealed record GuideSearchHit(
    string Code, string Name, string? NameEn, ItemKind Kind, string Department, int PromisedLimitDays, Channels Channels,
    GuideMatch MatchedIn, string? MatchedText);

/// <summary>A search's answer: the best <see cref="Hits"/> of <see cref="Total"/> matching items.</summary>
public sealed record GuideSearchResult(string Query, int Total, IReadOnlyList<GuideSearchHit> Hits);

public sealed record GuidePage<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>违规禁办: an item's prohibited situations.</summary>
public sealed record GuideProhibitedEntry(string Code, string Name, string? NameEn, string Department, IReadOnlyList<ItemRule> Prohibited);

/// <summary>容缺办理: an item and the materials it accepts later, within <see cref="DeferralDays"/> working days.</summary>
public sealed record GuideDeferrableEntry(string Code, string Name, string? NameEn, string Department, int DeferralDays, IReadOnlyList<GuideMaterial> Materials);

/// <summary>The deferrable list with its figures: <see cref="Items"/> items allow <see cref="Materials"/> item materials to come later.</summary>
public sealed record GuideDeferrableList(GuidePage<GuideDeferrableEntry> Entries, int Items, int Materials);

/// <summary>办事不找关系路径 for one department: how its items can be handled, where, when, and whom to call or complain to.</summary>
public sealed record GuideDepartmentPath(
    string Department, int Items, int Online, int NoVisit, int WindowOnly, int ZeroVisit, int Immediate,
    IReadOnlyList<string> Places, IReadOnlyList<string> Hours, IReadOnlyList<string> ContactPhones, IReadOnlyList<string> ComplaintPhones);

/// <summary>The paths page: per department, and the zone's hotline (不找关系找谁).</summary>
public sealed record GuidePaths(string ZoneName, string? Hotline, IReadOnlyList<GuideDepartmentPath> Departments);

public sealed record GuideBundleSummary(string Code, string Name, string? NameEn, string? Description, int Items, int Before, int After, decimal Reduction);

/// <summary>The zone's figure over all its published bundles (e.g. 35 bundles, 398 → 164, −58.8%).</summary>
public sealed record GuideBundleTotal(int Bundles, int Before, int After, decimal Reduction);

public sealed record GuideBundleList(IReadOnlyList<GuideBundleSummary> Bundles, GuideBundleTotal Total);

public sealed record GuideBundleMaterial(string Code, string Name, string? NameEn, bool Required, bool Deferrable, int Count, IReadOnlyList<string> ItemCodes, IReadOnlyList<GuideLicenceType> LicenceTypes);

public sealed record GuideBundle(
    string Code, string Name, string? NameEn, string? Description, IReadOnlyList<GuideItemSummary> Items,
    IReadOnlyList<GuideBundleMaterial> Materials, int Before, int After, decimal Reduction);
