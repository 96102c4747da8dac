using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SmartIsland.Cases.Features;

namespace SmartIsland.Cases.Open311;

/// <summary>
/// The form-encoded body of "POST Service Request" (GeoReport v2), read into a case submission.
/// Attributes come as <c>attribute[CODE]=v</c>, and a multivaluelist as <c>attribute[CODE][]=v1&amp;attribute[CODE][]=v2</c>.
/// The location is <c>lat</c> + <c>long</c>, or <c>address_string</c>, or <c>address_id</c>.
/// </summary>
internal sealed partial record Open311Form(
    string? ApiKey, string? JurisdictionId, string? ServiceCode, CaseSubmission Submission, IReadOnlyList<(string Field, string Problem)> Problems)
{
    /// <summary>The spec's names for the fields intake checks, so an error says what the client sent.</summary>
    public static string FieldName(string intakeField) => intakeField switch
    {
        "typeCode" => "service_code",
        "latitude" => "lat",
        "longitude" => "long",
        "address" => "address_string",
        "location" => "lat/long, address_string or address_id",
        "requesterPhone" => "phone",
        "requesterName" => "first_name/last_name",
        "category" => "attribute[category]",
        _ => intakeField,
    };

    [GeneratedRegex(@"^attribute\[([^\[\]]+)\](\[\d*\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeKey();

    public static Open311Form Read(IFormCollection form)
    {
        var problems = new List<(string, string)>();
        string? One(string key) => form.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        double? Number(string key)
        {
            if (One(key) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
            problems.Add((key, $"'{text}' is not a number."));
            return null;
        }

        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (AttributeKey().Match(key) is not { Success: true } m) continue;
            var code = m.Groups[1].Value;
            if (!attributes.TryGetValue(code, out var list)) attributes[code] = list = [];
            list.AddRange(values.Where(v => v is not null).Select(v => v!.Trim()));
        }

        var address = One("address_string");
        // No master address repository here: the client's address id is kept as the location text staff see.
        if (address is null && One("address_id") is { } addressId) address = "address_id: " + addressId;

        var submission = new CaseSubmission
        {
            TypeCode = One("service_code"),
            Description = form.TryGetValue("description", out var d) && !string.IsNullOrWhiteSpace(d.ToString()) ? d.ToString() : null,
            Address = address,
            Latitude = Number("lat"),
            Longitude = Number("long"),
            RequesterPhone = One("phone"),
            RequesterName = PersonName(One("first_name"), One("last_name")),
            Attributes = attributes,
        };
        return new Open311Form(One("api_key"), One("jurisdiction_id"), submission.TypeCode, submission, problems);
    }

    /// <summary>A Chinese name is family name first without a space (张 + 三 = 张三); others "first last".</summary>
    private static string? PersonName(string? first, string? last)
    {
        if (first is null || last is null) return first ?? last;
        return IsCjk(first) && IsCjk(last) ? last + first : first + " " + last;
    }

    private static bool IsCjk(string s) => s.All(c => c is >= '\u3400' and <= '\u9fff');
}
