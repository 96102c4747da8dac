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
    public const int PhoneMax = SmartIsland.Platform.Security.PhoneNumbers.MaxLength;
    public const int CertificateNumberMax = 64;

    /// <summary>The largest figure a column holds (numeric(12,2) for land): anything bigger is a typing error.</summary>
    public const decimal MaxFigure = 9_999_999_999m;
}
