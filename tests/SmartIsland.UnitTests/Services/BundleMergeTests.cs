using Shouldly;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.UnitTests.Services;

/// <summary>一件事一次办: the merged list asks once for a material several items share, with the strictest item's rule.</summary>
public sealed class BundleMergeTests
{
    private static readonly Material Licence = new() { Code = "M-LIC", Name = "营业执照", LicenceTypes = ["business-licence"] };
    private static readonly Material Id = new() { Code = "M-ID", Name = "法定代表人身份证", LicenceTypes = ["id-card", "e-id"] };
    private static readonly Material Lease = new() { Code = "M-LEASE", Name = "场地租赁合同" };
    private static readonly Material Plan = new() { Code = "M-PLAN", Name = "招牌设计图" };

    private static ServiceItem Item(string code, params (Material Material, MaterialRequirement Requirement, bool Deferrable, int Count)[] materials) => new()
    {
        Code = code,
        Materials = materials.Select((m, n) => new ItemMaterial
        {
            MaterialId = m.Material.Id, Material = m.Material, Requirement = m.Requirement, Deferrable = m.Deferrable, Count = m.Count, SortOrder = n,
        }).ToList(),
    };

    private static readonly ServiceItem[] Items =
    [
        Item("A", (Licence, MaterialRequirement.Required, true, 1), (Lease, MaterialRequirement.Optional, true, 1)),
        Item("B", (Licence, MaterialRequirement.Optional, false, 2), (Id, MaterialRequirement.Required, true, 1)),
        Item("C", (Id, MaterialRequirement.Optional, true, 1), (Lease, MaterialRequirement.Optional, true, 3), (Plan, MaterialRequirement.Required, false, 1)),
    ];

    [Fact]
    public void Shared_materials_are_asked_for_once_and_counted_before_and_after()
    {
        var result = BundleMerge.Merge(Items);

        result.Before.ShouldBe(7);
        result.After.ShouldBe(4);
        result.Reduction.ShouldBe(3m / 7m);
        result.Materials.Select(m => m.Code).ShouldBe(["M-LIC", "M-LEASE", "M-ID", "M-PLAN"]); // as first met
        result.Materials.Single(m => m.Code == "M-LIC").ItemCodes.ShouldBe(["A", "B"]);
        result.Materials.Single(m => m.Code == "M-LEASE").Count.ShouldBe(3); // the most any item asks for
    }

    [Fact]
    public void Required_when_any_item_requires_and_deferrable_only_when_every_item_allows()
    {
        var merged = BundleMerge.Merge(Items).Materials.ToDictionary(m => m.Code);

        (merged["M-LIC"].Required, merged["M-LIC"].Deferrable).ShouldBe((true, false));   // A requires; B does not allow deferral
        (merged["M-ID"].Required, merged["M-ID"].Deferrable).ShouldBe((true, true));      // B requires; both allow deferral
        (merged["M-LEASE"].Required, merged["M-LEASE"].Deferrable).ShouldBe((false, true)); // optional everywhere
        (merged["M-PLAN"].Required, merged["M-PLAN"].Deferrable).ShouldBe((true, false));
    }

    [Fact]
    public void A_material_proved_by_a_held_licence_leaves_the_list_to_bring()
    {
        var result = BundleMerge.Merge(Items);

        result.ToBring(new HashSet<string> { "e-id" }).Select(m => m.Code).ShouldBe(["M-LIC", "M-LEASE", "M-PLAN"]);
        result.ToBring(new HashSet<string> { "business-licence", "unrelated" }).Select(m => m.Code).ShouldBe(["M-LEASE", "M-ID", "M-PLAN"]);
        result.ToBring(new HashSet<string>()).Count.ShouldBe(4);
    }

    [Fact]
    public void An_empty_bundle_has_no_reduction_and_the_total_adds_bundles_up()
    {
        BundleMerge.Merge([]).Reduction.ShouldBe(0m);
        var total = BundleMerge.Total([BundleMerge.Merge(Items), BundleMerge.Merge(Items.Take(2))]);
        // 7 → 4, and A+B: 4 → 3.
        total.ShouldBe((2, 11, 7, 4m / 11m));
    }
}
