using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Licences.Domain;

/// <summary>
/// A kind of licence the zone knows (营业执照, 门头设置许可 …) and the system that issues it: "platform" for the
/// platform's own certificates, otherwise the code of one of the zone's other systems whose licences are mirrored
/// in the shared 电子证照库 (lic_licences with that source system).
/// </summary>
public sealed class LicenceType : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    /// <summary>Stable code other modules refer to (e.g. <c>business-licence</c>); unique in the zone.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string IssuingBody { get; set; } = "";
    public string SourceSystem { get; set; } = LicenceSystems.Platform;
    /// <summary>How long a certificate of this type is valid when the issuer gives no end date; null = no end.</summary>
    public int? ValidityYears { get; set; }
    public int Version { get; set; }
}

public static class LicenceSystems
{
    public const string Platform = "platform";
}

public enum LicenceStatus
{
    Valid,
    Revoked,
}

/// <summary>Who holds a licence: an organisation (统一社会信用代码) or a person (居民身份证号码, personal data).</summary>
public enum HolderKind
{
    Organisation,
    Person,
}

/// <summary>What a licence is on a given day: stored status plus its validity dates.</summary>
public enum LicenceState
{
    Valid,
    Revoked,
    Expired,
    NotYetValid,
}

/// <summary>One licence: issued by the platform, or mirrored from another system of the zone (<see cref="SourceSystem"/>).</summary>
public sealed class Licence : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string TypeCode { get; set; } = "";
    /// <summary>Unique across all zones: the QR code and the public page find a licence by it alone.</summary>
    public string Number { get; set; } = "";
    public HolderKind HolderKind { get; set; }
    /// <summary>Credit code, or an ID number for a person (then personal data: masked outside staff, never public).</summary>
    [PersonalData]
    public string HolderKey { get; set; } = "";
    /// <summary>An organisation's name, or a person's name (personal data).</summary>
    [PersonalData]
    public string HolderName { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public LicenceStatus Status { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    /// <summary>What it was issued for, e.g. the application's number.</summary>
    public string? IssuedFor { get; set; }
    /// <summary>Label/value pairs printed on the certificate, in order (a JSON array of {label, value}).</summary>
    public string FieldsJson { get; set; } = "[]";
    public string SourceSystem { get; set; } = LicenceSystems.Platform;
    public int Version { get; set; }

    /// <summary>Revoked wins; otherwise the validity dates decide (expired is never stored, it is read from the date).</summary>
    public LicenceState StateOn(DateOnly day) =>
        Status == LicenceStatus.Revoked ? LicenceState.Revoked
        : day < ValidFrom ? LicenceState.NotYetValid
        : ValidUntil is { } until && until < day ? LicenceState.Expired
        : LicenceState.Valid;
}
