using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Bundles;

/// <summary>One material of a bundle's merged list, with the items that ask for it.</summary>
public sealed record MergedMaterial(
    Guid MaterialId, string Code, string Name, bool Required, bool Deferrable, IReadOnlyList<string> LicenceTypes,
    IReadOnlyList<string> ItemCodes, int Count);

/// <summary>
/// A bundle's merged material list (一件事一次办: "一次告知、一表申请、一套材料"). Computed from its items, never typed
/// by hand: materials are de-duplicated by canonical material, so a 营业执照 asked for by five items is asked for
/// once. <see cref="Before"/> counts what the items ask for separately, <see cref="After"/> what the bundle asks for.
/// </summary>
public sealed record BundleMergeResult(IReadOnlyList<MergedMaterial> Materials, int Before, int After)
{
    /// <summary>The reduction, e.g. 0.588 for 398 → 164; 0 for an empty bundle.</summary>
    public decimal Reduction => Before == 0 ? 0m : (Before - After) / (decimal)Before;

    /// <summary>
    /// The list an applicant actually has to bring: materials proved by a licence they hold (免证办) leave it.
    /// <paramref name="heldLicenceTypes"/> are the types of the applicant's valid licences.
    /// </summary>
    public IReadOnlyList<MergedMaterial> ToBring(IReadOnlySet<string> heldLicenceTypes) =>
        Materials.Where(m => !m.LicenceTypes.Any(heldLicenceTypes.Contains)).ToList();
}

public static class BundleMerge
{
    /// <summary>
    /// Merges the items' materials. A material is required in the bundle when any item requires it, and may be
    /// deferred only when every item that asks for it allows that (the strictest item decides). Order: as first met.
    /// </summary>
    public static BundleMergeResult Merge(IEnumerable<ServiceItem> items)
    {
        var before = 0;
        var merged = new Dictionary<Guid, (Material Material, bool Required, bool Deferrable, List<string> Items, int Count, int Order)>();
        foreach (var item in items)
        {
            foreach (var im in item.Materials.OrderBy(m => m.SortOrder))
            {
                before++;
                var material = im.Material ?? throw new InvalidOperationException($"Item {item.Code}: material {im.MaterialId} not loaded.");
                var required = im.Requirement == MaterialRequirement.Required;
                if (merged.TryGetValue(im.MaterialId, out var m))
                {
                    m.Items.Add(item.Code);
                    merged[im.MaterialId] = (m.Material, m.Required || required, m.Deferrable && im.Deferrable, m.Items, Math.Max(m.Count, im.Count), m.Order);
                }
                else
                {
                    merged[im.MaterialId] = (material, required, im.Deferrable, [item.Code], im.Count, merged.Count);
                }
            }
        }
        var list = merged.Values.OrderBy(v => v.Order)
            .Select(v => new MergedMaterial(v.Material.Id, v.Material.Code, v.Material.Name, v.Required, v.Deferrable, v.Material.LicenceTypes, v.Items, v.Count))
            .ToList();
        return new BundleMergeResult(list, before, list.Count);
    }

    /// <summary>The catalogue's figure over all its bundles (the seeds: 35 bundles, 398 → 164, −58.8%).</summary>
    public static (int Bundles, int Before, int After, decimal Reduction) Total(IEnumerable<BundleMergeResult> bundles)
    {
        var all = bundles.ToList();
        var before = all.Sum(b => b.Before);
        var after = all.Sum(b => b.After);
        return (all.Count, before, after, before == 0 ? 0m : (before - after) / (decimal)before);
    }
}
