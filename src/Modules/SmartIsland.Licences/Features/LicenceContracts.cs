namespace SmartIsland.Licences.Features;

/// <summary>
/// What other modules may ask of the licence registry. A holder is an organisation by its 统一社会信用代码 or a
/// person by ID number; both are plain strings here, checked at the registry's boundary.
/// </summary>
public interface ILicenceRegistry
{
    /// <summary>
    /// The holder's valid licences of the given types, asked of every connector that serves one of them. A connector
    /// that fails or times out never throws: its system is named in <see cref="LicenceLookup.Unavailable"/> and the
    /// caller asks for an upload instead (an application is never blocked by another system being down).
    /// </summary>
    Task<LicenceLookup> FindValidAsync(string holderKey, IReadOnlyCollection<string> typeCodes, CancellationToken ct = default);

    /// <summary>
    /// Issues a certificate of the platform's own (built-in system) — e.g. on an application's approval. Audited. Once per
    /// purpose: a second call with the same type, holder and <see cref="LicenceIssue.IssuedFor"/> returns the first.
    /// </summary>
    Task<IssuedLicence> IssueAsync(LicenceIssue request, CancellationToken ct = default);

    /// <summary>The licence types the zone knows (code, names, issuing body, source system).</summary>
    Task<IReadOnlyList<LicenceTypeInfo>> TypesAsync(CancellationToken ct = default);

    /// <summary>The licence types of a zone named explicitly: for public pages, where nobody is signed in.</summary>
    Task<IReadOnlyList<LicenceTypeInfo>> TypesAsync(Guid zoneId, CancellationToken ct = default);
}

/// <summary>One system a licence can come from (the zone connects 12); the built-in one serves the platform's own certificates.</summary>
public interface ILicenceConnector
{
    /// <summary>The system's code, e.g. "platform", "market-regulation".</summary>
    string SystemCode { get; }

    /// <summary>Whether this connector answers for licences of the type (by code).</summary>
    bool Serves(string typeCode);

    /// <summary>The holder's licences of the types that are valid on <paramref name="day"/>; throws when the system cannot be reached.</summary>
    Task<IReadOnlyList<HeldLicence>> FindValidAsync(string holderKey, IReadOnlyCollection<string> typeCodes, DateOnly day, CancellationToken ct);
}

public sealed record HeldLicence(string TypeCode, string TypeName, string Number, string HolderName, DateOnly ValidFrom, DateOnly? ValidUntil, string SourceSystem);

/// <summary>What the connectors answered: the valid licences found, and the systems that did not answer.</summary>
public sealed record LicenceLookup(IReadOnlyList<HeldLicence> Valid, IReadOnlyList<string> Unavailable)
{
    public HeldLicence? FirstOf(IEnumerable<string> typeCodes) => Valid.FirstOrDefault(l => typeCodes.Contains(l.TypeCode));
}

/// <summary>A certificate to issue. <paramref name="Fields"/> are printed on it in order (label → value).</summary>
public sealed record LicenceIssue(
    string TypeCode, string HolderKey, string HolderName, DateOnly ValidFrom, DateOnly? ValidUntil,
    IReadOnlyList<KeyValuePair<string, string>> Fields, string IssuedFor);

/// <summary>An issued certificate: its number and the public path that verifies it (the QR code's target).</summary>
public sealed record IssuedLicence(Guid Id, string Number, string VerifyPath, string PdfPath);

public sealed record LicenceTypeInfo(string Code, string Name, string NameEn, string IssuingBody, string SourceSystem, int? ValidityYears);
