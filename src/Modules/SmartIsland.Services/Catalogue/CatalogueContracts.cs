using SmartIsland.Services.Bundles;

namespace SmartIsland.Services.Catalogue;

public enum ItemSort
{
    Code,
    Name,
    Department,
    Kind,
    PromisedLimit,
}

public sealed record ItemQuery(
    string? Search = null, Guid? DepartmentId = null, ItemKind? Kind = null, bool? Published = null,
    ItemSort Sort = ItemSort.Code, bool Descending = false, int Page = 1, int PageSize = 20);

public sealed record ItemListRow(
    Guid Id, string Code, string Name, ItemKind Kind, Guid? DepartmentId, string DepartmentName, int StatutoryLimitDays,
    int PromisedLimitDays, Channels Channels, int Materials, int DeferrableMaterials, bool AutoApproval, bool Published, int Version);

public sealed record ItemPage(IReadOnlyList<ItemListRow> Items, int Total, int Page, int PageSize);

/// <summary>One item as staff read it: the document's shape plus what the database knows around it.</summary>
public sealed record ItemDetail(
    Guid Id, int Version, Guid? DepartmentId, ItemEntry Item, IReadOnlyDictionary<string, string> MaterialNames,
    int Applications, IReadOnlyList<string> Bundles, bool CanEdit);

/// <summary>What a delete did: an item with applications is unpublished instead (its history stays readable).</summary>
public sealed record ItemRemoval(string Code, bool Deleted, bool Unpublished, int Applications);

public sealed record MaterialView(Guid Id, string Code, string Name, string? NameEn, string? Description, IReadOnlyList<string> LicenceTypes, int UsedBy, int Version);

public sealed record BundleListRow(Guid Id, string Code, string Name, int Items, int Before, int After, decimal Reduction, bool Published, int Version);

public sealed record BundleItemView(string Code, string Name, string DepartmentName, int Materials);

public sealed record BundleDetail(
    Guid Id, int Version, BundleEntry Bundle, IReadOnlyList<BundleItemView> Items, IReadOnlyList<MergedMaterial> Merged,
    int Before, int After, decimal Reduction);

/// <summary>The catalogue's headline: "N 个一件事，材料 X → Y，减少 Z%" over the published bundles, and the counts around it.</summary>
public sealed record CatalogueFigures(
    int Items, int PublishedItems, int Materials, int Bundles, int Before, int After, decimal Reduction, int AutoApprovalItems, int ItemsWithDeferrable);

/// <summary>One problem of an import: where (sheet or list, row), which field, why; <see cref="Key"/> is the problem's errors key.</summary>
public sealed record CatalogueImportError(string Sheet, int Row, string Field, string Message, string Key);

public sealed record CatalogueImportReport(
    bool Written, int MaterialsCreated, int MaterialsUpdated, int ItemsCreated, int ItemsUpdated, int BundlesCreated, int BundlesUpdated,
    IReadOnlyList<CatalogueImportError> Errors);

public enum CatalogueFormat
{
    Json,
    Xlsx,
}
