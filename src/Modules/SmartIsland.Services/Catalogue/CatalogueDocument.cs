using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// The whole catalogue as one document: what the JSON export writes and the import reads, and what the demo
/// catalogue is written in. Materials are referred to by code, departments by name, bundle items by item code.
/// </summary>
public sealed class CatalogueDocument
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public List<MaterialEntry> Materials { get; set; } = [];
    public List<ItemEntry> Items { get; set; } = [];
    public List<BundleEntry> Bundles { get; set; } = [];
}

public sealed class MaterialEntry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public List<string> LicenceTypes { get; set; } = [];
}

public sealed class ItemEntry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public ItemKind Kind { get; set; }
    /// <summary>The implementing department by name, as the organisation module knows it.</summary>
    public string Department { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public List<ItemRule> Conditions { get; set; } = [];
    public List<ItemRule> Prohibited { get; set; } = [];
    public List<FlowStep> Steps { get; set; } = [];
    public List<FormFieldDefinition> FormFields { get; set; } = [];
    public int StatutoryLimitDays { get; set; }
    public int PromisedLimitDays { get; set; }
    public int DeferralDays { get; set; } = 5;
    public string Fee { get; set; } = "";
    public Channels Channels { get; set; }
    public int Visits { get; set; }
    public string Place { get; set; } = "";
    public string Hours { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ComplaintPhone { get; set; } = "";
    /// <summary>A rule set definition (Rules module JSON) over <c>form.*</c>; absent: a person decides.</summary>
    public JsonElement? AutoApprovalRules { get; set; }
    public string? IssuesLicenceType { get; set; }
    public string? DiscretionRule { get; set; }
    public string? Keywords { get; set; }
    public bool Published { get; set; } = true;
    public List<ItemMaterialEntry> Materials { get; set; } = [];
}

public sealed class ItemMaterialEntry
{
    public string Material { get; set; } = "";
    public MaterialRequirement Requirement { get; set; }
    public bool Deferrable { get; set; }
    public MaterialForm Form { get; set; }
    public int Count { get; set; } = 1;
    public string? Note { get; set; }
}

public sealed class BundleEntry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public bool Published { get; set; } = true;
    public List<string> Items { get; set; } = [];
}
