using System.Text.Json;
using SmartIsland.Services.Bundles;

namespace SmartIsland.Services.Catalogue;

/// <summary>Rows ⇄ the document's entries: the one translation the editor, the API, the export and the import share.</summary>
internal static class CatalogueMapping
{
    public static ItemEntry ToEntry(ServiceItem i, IReadOnlyDictionary<Guid, string> materialCodes) => new()
    {
        Code = i.Code, Name = i.Name, NameEn = i.NameEn, Kind = i.Kind, Department = i.DepartmentName, LegalBasis = i.LegalBasis,
        Conditions = [.. i.Conditions], Prohibited = [.. i.Prohibited], Steps = [.. i.Steps], FormFields = [.. i.FormFields],
        StatutoryLimitDays = i.StatutoryLimitDays, PromisedLimitDays = i.PromisedLimitDays, DeferralDays = i.DeferralDays,
        Fee = i.Fee, Channels = i.Channels, Visits = i.Visits, Place = i.Place, Hours = i.Hours,
        ContactPhone = i.ContactPhone, ComplaintPhone = i.ComplaintPhone,
        AutoApprovalRules = string.IsNullOrWhiteSpace(i.AutoApprovalRules) ? null : JsonDocument.Parse(i.AutoApprovalRules).RootElement.Clone(),
        IssuesLicenceType = i.IssuesLicenceType, DiscretionRule = i.DiscretionRule, Keywords = i.Keywords, Published = i.Published,
        Materials = i.Materials.OrderBy(m => m.SortOrder).Select(m => new ItemMaterialEntry
        {
            Material = materialCodes.GetValueOrDefault(m.MaterialId, ""), Requirement = m.Requirement, Deferrable = m.Deferrable,
            Form = m.Form, Count = m.Count, Note = m.Note,
        }).ToList(),
    };

    public static MaterialEntry ToEntry(Material m) => new()
    {
        Code = m.Code, Name = m.Name, NameEn = m.NameEn, Description = m.Description, LicenceTypes = [.. m.LicenceTypes],
    };

    public static BundleEntry ToEntry(Bundle b, IReadOnlyDictionary<Guid, string> itemCodes) => new()
    {
        Code = b.Code, Name = b.Name, NameEn = b.NameEn, Description = b.Description, Published = b.Published,
        Items = b.Items.OrderBy(x => x.SortOrder).Select(x => itemCodes.GetValueOrDefault(x.ItemId, "")).ToList(),
    };

    /// <summary>The item's own fields from a checked entry (materials are matched separately, by canonical material).</summary>
    public static void Apply(ServiceItem i, ItemEntry e, Guid departmentId)
    {
        i.Code = e.Code.Trim();
        i.Name = e.Name.Trim();
        i.NameEn = Clean(e.NameEn);
        i.Kind = e.Kind;
        i.DepartmentId = departmentId;
        i.DepartmentName = e.Department.Trim();
        i.LegalBasis = e.LegalBasis.Trim();
        i.Conditions = e.Conditions.Select(r => new ItemRule(r.Code.Trim(), r.Text.Trim())).ToList();
        i.Prohibited = e.Prohibited.Select(r => new ItemRule(r.Code.Trim(), r.Text.Trim())).ToList();
        i.Steps = e.Steps.Select(s => new FlowStep(s.Name.Trim(), s.Actor?.Trim() ?? "", s.Days)).ToList();
        i.FormFields = e.FormFields.Select(f => f with
        {
            Key = f.Key.Trim(), Label = f.Label.Trim(), LabelEn = Clean(f.LabelEn), Prefill = Clean(f.Prefill),
            Options = f.Options is null || f.Options.Count == 0 ? null : f.Options.Select(o => o.Trim()).ToList(),
        }).ToList();
        i.StatutoryLimitDays = e.StatutoryLimitDays;
        i.PromisedLimitDays = e.PromisedLimitDays;
        i.DeferralDays = e.DeferralDays;
        i.Fee = e.Fee?.Trim() ?? "";
        i.Channels = e.Channels;
        i.Visits = e.Visits;
        i.Place = e.Place?.Trim() ?? "";
        i.Hours = e.Hours?.Trim() ?? "";
        i.ContactPhone = e.ContactPhone?.Trim() ?? "";
        i.ComplaintPhone = e.ComplaintPhone?.Trim() ?? "";
        i.AutoApprovalRules = e.AutoApprovalRules is { ValueKind: JsonValueKind.Object } r ? r.GetRawText() : null;
        i.IssuesLicenceType = Clean(e.IssuesLicenceType);
        i.DiscretionRule = Clean(e.DiscretionRule);
        i.Keywords = Clean(e.Keywords);
        i.Published = e.Published;
    }

    public static void Apply(Material m, MaterialEntry e)
    {
        m.Code = e.Code.Trim();
        m.Name = e.Name.Trim();
        m.NameEn = Clean(e.NameEn);
        m.Description = Clean(e.Description);
        m.LicenceTypes = e.LicenceTypes.Select(t => t.Trim()).ToList();
    }

    public static void Apply(Bundle b, BundleEntry e)
    {
        b.Code = e.Code.Trim();
        b.Name = e.Name.Trim();
        b.NameEn = Clean(e.NameEn);
        b.Description = Clean(e.Description);
        b.Published = e.Published;
    }

    /// <summary>
    /// Brings an item's material rows in line with the entry: rows for a material still asked for are changed in place
    /// (the (item, material) index stays unique), the others removed; returns the rows to add.
    /// </summary>
    public static List<ItemMaterial> SyncMaterials(ServiceItem item, ItemEntry e, IReadOnlyDictionary<string, Guid> materialIds, Action<ItemMaterial> remove)
    {
        var added = new List<ItemMaterial>();
        var existing = item.Materials.ToDictionary(m => m.MaterialId);
        var wanted = new HashSet<Guid>();
        for (var n = 0; n < e.Materials.Count; n++)
        {
            var entry = e.Materials[n];
            var id = materialIds[entry.Material.Trim()];
            wanted.Add(id);
            if (!existing.TryGetValue(id, out var row))
            {
                row = new ItemMaterial { ZoneId = item.ZoneId, ItemId = item.Id, MaterialId = id };
                added.Add(row);
            }
            row.Requirement = entry.Requirement;
            row.Deferrable = entry.Deferrable;
            row.Form = entry.Form;
            row.Count = entry.Count;
            row.Note = Clean(entry.Note);
            row.SortOrder = n;
        }
        foreach (var gone in existing.Values.Where(m => !wanted.Contains(m.MaterialId))) remove(gone);
        return added;
    }

    public static List<BundleItem> SyncItems(Bundle bundle, BundleEntry e, IReadOnlyDictionary<string, Guid> itemIds, Action<BundleItem> remove)
    {
        var added = new List<BundleItem>();
        var existing = bundle.Items.ToDictionary(x => x.ItemId);
        var wanted = new HashSet<Guid>();
        for (var n = 0; n < e.Items.Count; n++)
        {
            var id = itemIds[e.Items[n].Trim()];
            wanted.Add(id);
            if (!existing.TryGetValue(id, out var row))
            {
                row = new BundleItem { ZoneId = bundle.ZoneId, BundleId = bundle.Id, ItemId = id };
                added.Add(row);
            }
            row.SortOrder = n;
        }
        foreach (var gone in existing.Values.Where(x => !wanted.Contains(x.ItemId))) remove(gone);
        return added;
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
