using System.Globalization;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Problems;
using SmartIsland.Rules.Engine;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Applications;

/// <summary>
/// A form's answers: filled from the registry (电子表单在线预填), checked field by field, compared with the registry
/// (企业信息智能比对), and turned into the facts automatic approval reads (<c>form.&lt;key&gt;</c>).
/// </summary>
public static class FormAnswers
{
    private static readonly string[] Yes = ["1", "true", "yes", "是", "y"];
    private static readonly string[] No = ["0", "false", "no", "否", "n"];

    /// <summary>The registry value a field's <see cref="FormFieldDefinition.Prefill"/> source names; null when unknown.</summary>
    public static string? RegistryValue(string? source, EnterpriseIdentity? e) => e is null ? null : source switch
    {
        "enterprise.name" => e.Name,
        "enterprise.creditCode" => e.CreditCode,
        "enterprise.legalRepresentative" => e.LegalRepresentative,
        "enterprise.address" => e.Address,
        "enterprise.contactName" => e.ContactName,
        "enterprise.phone" => e.ContactPhone,
        _ => null,
    };

    /// <summary>The fields of several items as one form: the first item that defines a key defines the field.</summary>
    public static IReadOnlyList<FormFieldDefinition> Merge(IEnumerable<ServiceItem> items) =>
        items.SelectMany(i => i.FormFields).GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();

    /// <summary>Checks every answer; errors are named <c>fields.&lt;key&gt;</c>. Returns the answers kept (trimmed, known keys only).</summary>
    public static Dictionary<string, string?> Check(IReadOnlyList<FormFieldDefinition> fields, IReadOnlyDictionary<string, string?> given, ValidationErrors errors, Func<string, string> text)
    {
        var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in given.Keys.Where(k => fields.All(f => f.Key != k)))
            errors.Add($"fields.{key}", text("Err_UnknownField"));
        foreach (var f in fields)
        {
            var value = given.GetValueOrDefault(f.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (f.Required) errors.Add($"fields.{f.Key}", string.Format(CultureInfo.CurrentCulture, text("Err_FieldRequired"), f.Label));
                continue;
            }
            if (value.Length > 500) { errors.Add($"fields.{f.Key}", text("Err_FieldTooLong")); continue; }
            var ok = f.Kind switch
            {
                FieldKind.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0,
                FieldKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                FieldKind.YesNo => Yes.Contains(value, StringComparer.OrdinalIgnoreCase) || No.Contains(value, StringComparer.OrdinalIgnoreCase),
                FieldKind.Choice => f.Options is null || f.Options.Contains(value),
                _ => true,
            };
            if (!ok)
            {
                errors.Add($"fields.{f.Key}", string.Format(CultureInfo.CurrentCulture, text("Err_FieldFormat_" + f.Kind), f.Label));
                continue;
            }
            kept[f.Key] = f.Kind == FieldKind.YesNo ? (Yes.Contains(value, StringComparer.OrdinalIgnoreCase) ? "true" : "false") : value;
        }
        return kept;
    }

    /// <summary>Declared values that differ from the registry's (ignoring case and spaces): flagged for staff, never silently changed.</summary>
    public static List<Discrepancy> Compare(IReadOnlyList<FormFieldDefinition> fields, IReadOnlyDictionary<string, string?> answers, EnterpriseIdentity? registry)
    {
        var list = new List<Discrepancy>();
        if (registry is null) return list;
        foreach (var f in fields.Where(f => f.Prefill is not null))
        {
            var known = RegistryValue(f.Prefill, registry);
            var declared = answers.GetValueOrDefault(f.Key);
            if (string.IsNullOrWhiteSpace(known) || declared is null) continue;
            if (!string.Equals(Normal(known), Normal(declared), StringComparison.OrdinalIgnoreCase))
                list.Add(new Discrepancy(f.Key, f.Label, declared, known));
        }
        return list;
    }

    private static string Normal(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The facts a rule set over <c>form.*</c> reads: numbers as numbers, yes/no as 1/0; text is not a fact.</summary>
    public static FactSheet Facts(IReadOnlyList<FormFieldDefinition> fields, IReadOnlyDictionary<string, string?> answers, DateOnly today)
    {
        var sheet = new FactSheet(today.Year, today);
        foreach (var f in fields)
        {
            var name = RuleSetLibrary.FormPrefix + f.Key;
            var value = answers.GetValueOrDefault(f.Key);
            switch (f.Kind)
            {
                case FieldKind.Number:
                    sheet.SetFact(name, decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null);
                    break;
                case FieldKind.YesNo:
                    sheet.SetFact(name, value is null ? null : value == "true" ? 1m : 0m);
                    break;
            }
        }
        return sheet;
    }
}
