using System.Text.Json;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Problems;
using SmartIsland.Rules.Engine;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Catalogue;

/// <summary>Where a problem is reported: the sheet or list and row (imports), the field as the user knows it, the errors key.</summary>
public readonly record struct ProblemPlace(string Sheet, int Row, string Field, string Key);

/// <summary>Maps a field of an item, material or bundle to its place: a JSON path, an Excel cell, or a form field.</summary>
internal interface IProblemPlaces
{
    ProblemPlace Item(int item, string field);
    ProblemPlace ItemMaterial(int item, int material, string field);
    ProblemPlace Material(int material, string field);
    ProblemPlace Bundle(int bundle, string field);
}

/// <summary>Places in the JSON document: <c>items[12].department</c>, <c>items[3].materials[0].count</c>.</summary>
internal sealed class JsonPlaces : IProblemPlaces
{
    public static readonly JsonPlaces Instance = new();
    public ProblemPlace Item(int item, string field) => new("items", item, field, $"items[{item}].{field}");
    public ProblemPlace ItemMaterial(int item, int material, string field) => new("items", item, $"materials[{material}].{field}", $"items[{item}].materials[{material}].{field}");
    public ProblemPlace Material(int material, string field) => new("materials", material, field, $"materials[{material}].{field}");
    public ProblemPlace Bundle(int bundle, string field) => new("bundles", bundle, field, $"bundles[{bundle}].{field}");
}

/// <summary>Places on one edited thing (the API and the editor): the field name alone, <c>materials[2].count</c>.</summary>
internal sealed class FormPlaces : IProblemPlaces
{
    public static readonly FormPlaces Instance = new();
    public ProblemPlace Item(int item, string field) => new("", 0, field, field);
    public ProblemPlace ItemMaterial(int item, int material, string field) => new("", 0, $"materials[{material}].{field}", $"materials[{material}].{field}");
    public ProblemPlace Material(int material, string field) => new("", 0, field, field);
    public ProblemPlace Bundle(int bundle, string field) => new("", 0, field, field);
}

/// <summary>Every problem found, so the user sees them all at once; nothing is written while there is one.</summary>
internal sealed class CatalogueProblems
{
    public List<CatalogueImportError> Errors { get; } = [];

    public bool Any => Errors.Count > 0;

    public void Add(ProblemPlace at, string message) => Errors.Add(new CatalogueImportError(at.Sheet, at.Row, at.Field, message, at.Key));

    public void ThrowIfAny()
    {
        if (!Any) return;
        var errors = new ValidationErrors();
        foreach (var e in Errors) errors.Add(e.Key, e.Message);
        errors.ThrowIfAny();
    }
}

/// <summary>What an item, material or bundle is checked against: the zone's departments and the codes that exist.</summary>
internal sealed class CatalogueContext
{
    /// <summary>The zone's departments by name (the document names them; the row keeps the id and the name).</summary>
    public required IReadOnlyDictionary<string, Guid> Departments { get; init; }
    public required IReadOnlySet<string> MaterialCodes { get; init; }
    public required IReadOnlySet<string> ItemCodes { get; init; }
    /// <summary>The licence types the registry knows; null when no registry is there to ask (the check is then skipped).</summary>
    public IReadOnlySet<string>? LicenceTypes { get; init; }
}

/// <summary>
/// The checks of every element of the national implementation list (实施清单) an item carries, shared by the editor,
/// the API and the import so a row the import accepts is one the editor would save.
/// </summary>
internal sealed class CatalogueValidator(IStringLocalizer<CatalogueStrings> l)
{
    public void Item(ItemEntry e, int index, CatalogueContext context, IProblemPlaces places, CatalogueProblems problems)
    {
        void Fail(string field, string message) => problems.Add(places.Item(index, field), message);

        Code(e.Code, CatalogueRules.CodeMax, "code", Fail);
        Text(e.Name, "name", CatalogueRules.NameMax, required: true, Fail);
        Text(e.NameEn, "nameEn", CatalogueRules.NameEnMax, required: false, Fail);
        if (!Enum.IsDefined(e.Kind)) Fail("kind", l["KindUnknown"]);
        if (string.IsNullOrWhiteSpace(e.Department)) Fail("department", l["Required"]);
        else if (!context.Departments.ContainsKey(e.Department.Trim())) Fail("department", l["DepartmentUnknown", e.Department.Trim()]);
        Text(e.LegalBasis, "legalBasis", CatalogueRules.LegalBasisMax, required: true, Fail);
        Limit(e.StatutoryLimitDays, "statutoryLimitDays", Fail);
        Limit(e.PromisedLimitDays, "promisedLimitDays", Fail);
        // 承诺时限 is a promise to do better than the law, never worse (行政许可法 §42 sets the statutory one).
        if (e.PromisedLimitDays > e.StatutoryLimitDays && e.StatutoryLimitDays >= 0) Fail("promisedLimitDays", l["PromisedOverStatutory", e.StatutoryLimitDays]);
        Limit(e.DeferralDays, "deferralDays", Fail);
        if (e.Visits < 0 || e.Visits > 10) Fail("visits", l["VisitsRange"]);
        if ((e.Channels & ~(Channels.Window | Channels.Online | Channels.NoVisit | Channels.Post)) != 0) Fail("channels", l["ChannelsUnknown"]);
        Text(e.Fee, "fee", CatalogueRules.ShortTextMax, required: false, Fail);
        Text(e.Place, "place", CatalogueRules.ShortTextMax, required: false, Fail);
        Text(e.Hours, "hours", CatalogueRules.ShortTextMax, required: false, Fail);
        Text(e.ContactPhone, "contactPhone", CatalogueRules.PhoneMax, required: false, Fail);
        Text(e.ComplaintPhone, "complaintPhone", CatalogueRules.PhoneMax, required: false, Fail);
        Text(e.Keywords, "keywords", CatalogueRules.KeywordsMax, required: false, Fail);
        Text(e.DiscretionRule, "discretionRule", CatalogueRules.LicenceTypeMax, required: false, Fail);
        Rules(e.Conditions, e.Prohibited, Fail);
        Steps(e.Steps, Fail);
        var keys = Fields(e.FormFields, Fail);
        AutoApproval(e, keys, Fail);
        if (!string.IsNullOrWhiteSpace(e.IssuesLicenceType))
        {
            var type = e.IssuesLicenceType.Trim();
            if (type.Length > CatalogueRules.LicenceTypeMax) Fail("issuesLicenceType", l["TooLong", CatalogueRules.LicenceTypeMax]);
            else if (context.LicenceTypes is { } known && !known.Contains(type)) Fail("issuesLicenceType", l["LicenceTypeUnknown", type]);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < e.Materials.Count; j++)
        {
            var m = e.Materials[j];
            void FailM(string field, string message) => problems.Add(places.ItemMaterial(index, j, field), message);
            var code = m.Material?.Trim() ?? "";
            if (code.Length == 0) FailM("material", l["Required"]);
            else if (!context.MaterialCodes.Contains(code)) FailM("material", l["MaterialUnknown", code]);
            else if (!seen.Add(code)) FailM("material", l["MaterialTwice", code]);
            if (!Enum.IsDefined(m.Requirement)) FailM("requirement", l["EnumUnknown"]);
            if (!Enum.IsDefined(m.Form)) FailM("form", l["EnumUnknown"]);
            if (m.Count < 1 || m.Count > 99) FailM("count", l["CountRange"]);
            if (m.Note?.Trim().Length > CatalogueRules.NoteMax) FailM("note", l["TooLong", CatalogueRules.NoteMax]);
        }
    }

    public void Material(MaterialEntry m, int index, CatalogueContext context, IProblemPlaces places, CatalogueProblems problems)
    {
        void Fail(string field, string message) => problems.Add(places.Material(index, field), message);
        Code(m.Code, CatalogueRules.MaterialCodeMax, "code", Fail);
        Text(m.Name, "name", CatalogueRules.NameMax, required: true, Fail);
        Text(m.NameEn, "nameEn", CatalogueRules.NameEnMax, required: false, Fail);
        Text(m.Description, "description", CatalogueRules.MaterialDescriptionMax, required: false, Fail);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in m.LicenceTypes)
        {
            var type = raw?.Trim() ?? "";
            if (type.Length == 0) Fail("licenceTypes", l["Required"]);
            else if (type.Length > CatalogueRules.LicenceTypeMax) Fail("licenceTypes", l["TooLong", CatalogueRules.LicenceTypeMax]);
            else if (!seen.Add(type)) Fail("licenceTypes", l["LicenceTypeTwice", type]);
            else if (context.LicenceTypes is { } known && !known.Contains(type)) Fail("licenceTypes", l["LicenceTypeUnknown", type]);
        }
    }

    public void Bundle(BundleEntry b, int index, CatalogueContext context, IProblemPlaces places, CatalogueProblems problems)
    {
        void Fail(string field, string message) => problems.Add(places.Bundle(index, field), message);
        Code(b.Code, CatalogueRules.CodeMax, "code", Fail);
        Text(b.Name, "name", CatalogueRules.NameMax, required: true, Fail);
        Text(b.NameEn, "nameEn", CatalogueRules.NameEnMax, required: false, Fail);
        Text(b.Description, "description", CatalogueRules.BundleDescriptionMax, required: false, Fail);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in b.Items)
        {
            var code = raw?.Trim() ?? "";
            if (code.Length == 0) Fail("items", l["Required"]);
            else if (!context.ItemCodes.Contains(code)) Fail("items", l["BundleItemUnknown", code]);
            else if (!seen.Add(code)) Fail("items", l["BundleItemTwice", code]);
        }
        // 一件事: several items handled as one; a bundle of one item is just the item.
        if (b.Items.Count < 2) Fail("items", l["BundleNeedsTwo"]);
    }

    public string TwiceInFile(string code) => l["CodeTwiceInFile", code];

    private void Code(string? code, int max, string field, Action<string, string> fail)
    {
        var c = code?.Trim() ?? "";
        if (c.Length == 0) fail(field, l["Required"]);
        else if (c.Length > max) fail(field, l["TooLong", max]);
        else if (!CatalogueRules.CodePattern().IsMatch(c)) fail(field, l["CodeFormat"]);
    }

    private void Text(string? value, string field, int max, bool required, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) fail(field, l["Required"]);
        }
        else if (value.Trim().Length > max) fail(field, l["TooLong", max]);
    }

    private void Limit(int days, string field, Action<string, string> fail)
    {
        if (days < 0 || days > CatalogueRules.MaxLimitDays) fail(field, l["DaysRange", CatalogueRules.MaxLimitDays]);
    }

    /// <summary>A refusal cites a condition or prohibited situation by its code, so a code names one rule of the item.</summary>
    private void Rules(List<ItemRule> conditions, List<ItemRule> prohibited, Action<string, string> fail)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (list, name) in new[] { (conditions, "conditions"), (prohibited, "prohibited") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var r = list[i];
                if (r is null) { fail($"{name}[{i}]", l["Required"]); continue; }
                var code = r.Code?.Trim() ?? "";
                if (code.Length == 0) fail($"{name}[{i}].code", l["Required"]);
                else if (!CatalogueRules.RuleCodePattern().IsMatch(code)) fail($"{name}[{i}].code", l["RuleCodeFormat"]);
                else if (!codes.Add(code)) fail($"{name}[{i}].code", l["RuleCodeTwice", code]);
                if (string.IsNullOrWhiteSpace(r.Text)) fail($"{name}[{i}].text", l["Required"]);
                else if (r.Text.Trim().Length > CatalogueRules.RuleTextMax) fail($"{name}[{i}].text", l["TooLong", CatalogueRules.RuleTextMax]);
            }
        }
    }

    private void Steps(List<FlowStep> steps, Action<string, string> fail)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s is null) { fail($"steps[{i}]", l["Required"]); continue; }
            if (string.IsNullOrWhiteSpace(s.Name)) fail($"steps[{i}].name", l["Required"]);
            else if (s.Name.Trim().Length > 50) fail($"steps[{i}].name", l["TooLong", 50]);
            if (s.Actor?.Trim().Length > 100) fail($"steps[{i}].actor", l["TooLong", 100]);
            if (s.Days < 0 || s.Days > CatalogueRules.MaxLimitDays) fail($"steps[{i}].days", l["DaysRange", CatalogueRules.MaxLimitDays]);
        }
    }

    private HashSet<string> Fields(List<FormFieldDefinition> fields, Action<string, string> fail)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f is null) { fail($"formFields[{i}]", l["Required"]); continue; }
            var key = f.Key?.Trim() ?? "";
            if (key.Length == 0) fail($"formFields[{i}].key", l["Required"]);
            else if (!CatalogueRules.FieldKeyPattern().IsMatch(key)) fail($"formFields[{i}].key", l["FieldKeyFormat"]);
            else if (!keys.Add(key)) fail($"formFields[{i}].key", l["FieldKeyTwice", key]);
            if (string.IsNullOrWhiteSpace(f.Label)) fail($"formFields[{i}].label", l["Required"]);
            else if (f.Label.Trim().Length > 100) fail($"formFields[{i}].label", l["TooLong", 100]);
            if (!Enum.IsDefined(f.Kind)) fail($"formFields[{i}].kind", l["EnumUnknown"]);
            if (f.Kind == FieldKind.Choice && (f.Options is null || f.Options.Count == 0 || f.Options.Any(string.IsNullOrWhiteSpace)))
                fail($"formFields[{i}].options", l["ChoiceNeedsOptions"]);
        }
        return keys;
    }

    /// <summary>
    /// 秒批 rules must compile with the rules engine (the same check as a rule set's save) and may read only the
    /// item's own form: an answer the form never asks for would leave every application undecided.
    /// </summary>
    private void AutoApproval(ItemEntry e, HashSet<string> formKeys, Action<string, string> fail)
    {
        if (e.AutoApprovalRules is not { } rules || rules.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return;
        if (rules.ValueKind != JsonValueKind.Object)
        {
            fail("autoApprovalRules", l["RulesNotObject"]);
            return;
        }
        try
        {
            var definition = RuleSetLibrary.Parse(rules.GetRawText());
            // The item's code and a version stand in where the rules leave them out (they are the item's own).
            if (string.IsNullOrWhiteSpace(definition.Code)) definition.Code = string.IsNullOrWhiteSpace(e.Code) ? "item" : e.Code.Trim();
            if (string.IsNullOrWhiteSpace(definition.Version)) definition.Version = "1";
            RuleSetLibrary.Compile(definition);
            if (definition.Conditions.Count == 0 && definition.Scoring is null && definition.Direct is null)
            {
                fail("autoApprovalRules", l["RulesEmpty"]);
                return;
            }
            foreach (var (where, name) in RuleSetLibrary.NamesIn(definition))
            {
                if (name.StartsWith(RuleSetLibrary.FormPrefix, StringComparison.Ordinal) && !formKeys.Contains(name[RuleSetLibrary.FormPrefix.Length..]))
                    fail("autoApprovalRules", l["RulesReadUnknownField", where, name]);
            }
        }
        catch (RuleSetFormatException x)
        {
            fail("autoApprovalRules", l["RulesInvalid", x.Where, x.Why]);
        }
        catch (FormatException x)
        {
            fail("autoApprovalRules", l["RulesInvalid", "$", x.Message]);
        }
    }
}
