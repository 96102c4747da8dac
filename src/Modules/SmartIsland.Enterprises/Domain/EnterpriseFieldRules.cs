namespace SmartIsland.Enterprises.Domain;

/// <summary>
/// The limits of each registry field, in one place for the form, the API and the Excel import, and
/// matching the column sizes in <c>EnterprisesModel</c>.
/// </summary>
public static class EnterpriseFieldRules
{
    public const int NameMax = 200;
    public const int PersonNameMax = 64;
    public const int AddressMax = 300;
    public const int PhoneMax = 20;
    public const int CertificateNumberMax = 64;

    /// <summary>The largest figure a column holds (numeric(12,2) for land): anything bigger is a typing error.</summary>
    public const decimal MaxFigure = 9_999_999_999m;

    /// <summary>A landline or mobile number as people write it: 7–20 digits, with -, + or spaces.</summary>
    public static bool IsPhone(string s)
    {
        var t = s.Trim();
        return t.Length is >= 7 and <= PhoneMax && t.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ');
    }
}
