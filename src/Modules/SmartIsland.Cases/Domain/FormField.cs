namespace SmartIsland.Cases.Domain;

/// <summary>The six datatypes of an Open311 GeoReport v2 service definition attribute.</summary>
#pragma warning disable CA1720 // the names are the specification's datatype names
public enum FormFieldType
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}
#pragma warning restore CA1720

public sealed record FormFieldValue(string Key, string Name, string NameEn);

/// <summary>
/// One field of a case type's form: what the report page asks and what an Open311 client reads as the
/// service definition. <see cref="Variable"/> false means an informational line, not a question.
/// </summary>
public sealed record FormField(
    string Code, FormFieldType Type, bool Required, string Description, string DescriptionEn,
    int Order, IReadOnlyList<FormFieldValue>? Values = null, bool Variable = true)
{
    /// <summary>Checks one field's answers; returns an error message or null.</summary>
    public string? Check(IReadOnlyList<string>? answers)
    {
        var given = answers?.Where(a => !string.IsNullOrWhiteSpace(a)).ToList() ?? [];
        if (!Variable) return null;
        if (given.Count == 0) return Required ? $"{Code} is required." : null;
        if (Type != FormFieldType.MultiValueList && given.Count > 1) return $"{Code} takes one value.";
        foreach (var a in given)
        {
            var bad = Type switch
            {
                FormFieldType.Number => !double.TryParse(a, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                FormFieldType.Datetime => !DateTimeOffset.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                FormFieldType.SingleValueList or FormFieldType.MultiValueList => Values?.Any(v => v.Key == a) != true,
                FormFieldType.String => a.Length > 200,
                _ => a.Length > 4000,
            };
            if (bad) return $"{Code}: '{a}' is not a valid {Type}.";
        }
        return null;
    }
}
