using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartIsland.Codes.Domain;
using SmartIsland.Licences.Connectors;
using SmartIsland.Licences.Domain;
using SmartIsland.Licences.Resources;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Licences.Features;

/// <summary>Today's date where the zones are (+08:00): validity dates are calendar days there.</summary>
internal static class LicenceClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}

/// <summary>A holder key as stored: trimmed, upper case (an ID number's X, a credit code's letters).</summary>
public static class LicenceHolder
{
    public static string Normalise(string? key) => (key ?? "").Trim().ToUpperInvariant();

    /// <summary>An organisation by its credit code (GB 32100) or a person by ID number (GB 11643); null when neither.</summary>
    public static HolderKind? KindOf(string key, DateOnly today) =>
        CreditCode.IsValid(key) ? HolderKind.Organisation
        : IdCardNumber.Check(key, today).Valid ? HolderKind.Person
        : null;
}

/// <summary>
/// The registry other modules ask (免证办, certificates on approval). Every connector that serves one of the asked
/// types is asked at once, each within its time limit; a failing or slow one is logged and named in
/// <see cref="LicenceLookup.Unavailable"/>, so the caller asks for an upload instead of failing.
/// </summary>
internal sealed class LicenceRegistry(
    IEnumerable<ILicenceConnector> registered, ConfiguredConnectors configured, IOptions<LicenceOptions> options,
    IDbContextFactory<PlatformDbContext> dbs, IOrganisationDirectory organisation, ICurrentUser user, TimeProvider clock,
    IStringLocalizer<LicenceStrings> l, ILogger<LicenceRegistry> log) : ILicenceRegistry
{
    private const int IssueAttempts = 5;

    private IEnumerable<ILicenceConnector> Connectors => registered.Concat(configured.All);

    public async Task<LicenceLookup> FindValidAsync(string holderKey, IReadOnlyCollection<string> typeCodes, CancellationToken ct = default)
    {
        var key = LicenceHolder.Normalise(holderKey);
        var types = typeCodes.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        if (key.Length == 0 || types.Count == 0) return new LicenceLookup([], []);
        var day = LicenceClock.Today(clock);
        var asks = Connectors
            .Select(c => (Connector: c, Types: types.Where(c.Serves).ToList()))
            .Where(a => a.Types.Count > 0)
            .Select(a => AskAsync(a.Connector, key, a.Types, day, ct))
            .ToList();
        var answers = await Task.WhenAll(asks);
        var valid = answers.Where(a => a.Found is not null).SelectMany(a => a.Found!)
            .DistinctBy(h => h.Number, StringComparer.Ordinal).ToList();
        var unavailable = answers.Where(a => a.Found is null).Select(a => a.System).Distinct(StringComparer.Ordinal).ToList();
        return new LicenceLookup(valid, unavailable);
    }

    private async Task<(string System, IReadOnlyList<HeldLicence>? Found)> AskAsync(
        ILicenceConnector connector, string key, IReadOnlyCollection<string> types, DateOnly day, CancellationToken ct)
    {
        var limit = (connector as HttpLicenceConnector)?.Timeout ?? TimeSpan.FromMilliseconds(Math.Max(1, options.Value.TimeoutMs));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        try
        {
            // WaitAsync as well: a connector that ignores its token still cannot hold the caller past the limit.
            return (connector.SystemCode, await connector.FindValidAsync(key, types, day, cts.Token).WaitAsync(limit, ct));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Licence system {System} failed or did not answer within {Limit} ms; its licences are treated as unavailable", connector.SystemCode, limit.TotalMilliseconds);
            return (connector.SystemCode, null);
        }
    }

    public async Task<IssuedLicence> IssueAsync(LicenceIssue request, CancellationToken ct = default)
    {
        var today = LicenceClock.Today(clock);
        var errors = new ValidationErrors();
        var key = LicenceHolder.Normalise(request.HolderKey);
        var kind = LicenceHolder.KindOf(key, today);
        if (kind is null) errors.Add("holderKey", l["Error_HolderKey"]);
        if (string.IsNullOrWhiteSpace(request.HolderName) || request.HolderName.Trim().Length > 200) errors.Add("holderName", l["Error_HolderName"]);
        if (request.ValidUntil is { } until && until < request.ValidFrom) errors.Add("validUntil", l["Error_ValidUntil"]);
        if (request.IssuedFor is { Length: > 100 }) errors.Add("issuedFor", l["Error_IssuedFor"]);
        if (request.Fields.Any(f => string.IsNullOrWhiteSpace(f.Key) || f.Key.Length > 50 || (f.Value ?? "").Length > 500))
            errors.Add("fields", l["Error_Fields"]);

        if (user.ZoneId is not { } zoneId) throw new ForbiddenException("tenancy", l["Error_NoZone"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var type = await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.TypeCode, ct);
        if (type is null) errors.Add("typeCode", l["Error_TypeUnknown", request.TypeCode ?? ""]);
        else if (type.SourceSystem != LicenceSystems.Platform) errors.Add("typeCode", l["Error_TypeNotPlatform", type.Name]);
        errors.ThrowIfAny();

        var purpose = string.IsNullOrWhiteSpace(request.IssuedFor) ? null : request.IssuedFor.Trim();
        // Once per purpose: completing an application again must not print a second certificate.
        if (purpose is not null && await IssuedForAsync(db, type!.Code, key, purpose, ct) is { } earlier) return earlier;

        var division = (await organisation.CurrentZoneAsync(ct))?.DivisionCode is { Length: 6 } d && d.All(char.IsAsciiDigit) ? d : "000000";
        var licence = new Licence
        {
            ZoneId = zoneId,
            TypeCode = type!.Code,
            HolderKind = kind!.Value,
            HolderKey = key,
            HolderName = request.HolderName.Trim(),
            IssuedOn = today,
            ValidFrom = request.ValidFrom,
            // A type with a validity period ends the day before the same date N years later.
            ValidUntil = request.ValidUntil ?? (type.ValidityYears is { } years ? request.ValidFrom.AddYears(years).AddDays(-1) : null),
            Status = LicenceStatus.Valid,
            IssuedFor = purpose,
            FieldsJson = JsonSerializer.Serialize(request.Fields.Select(f => new PrintedField(f.Key.Trim(), (f.Value ?? "").Trim())).ToList(), JsonSerializerOptions.Web),
            SourceSystem = LicenceSystems.Platform,
        };
        db.Add(licence);
        var prefix = LicenceNumber.DayPrefix(division, today);
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Set<Licence>().IgnoreQueryFilters().AsNoTracking()
                .Where(x => x.Number.StartsWith(prefix)).OrderByDescending(x => x.Number).Select(x => x.Number).FirstOrDefaultAsync(ct);
            licence.Number = LicenceNumber.Compose(division, today, last is null ? 1 : LicenceNumber.SerialOf(last) + 1);
            db.AuditReason = $"licence issued: {type.Code}" + (licence.IssuedFor is { } f ? $" for {f}" : "");
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < IssueAttempts)
            {
                // A concurrent call for the same purpose won (unique zone, type, purpose): its certificate is the one.
                if (purpose is not null && await IssuedForAsync(db, type.Code, key, purpose, ct) is { } won) return won;
                // Another certificate of the same zone and day took this serial first: take the next one.
            }
        }
        return new IssuedLicence(licence.Id, licence.Number, LicencePaths.Verify(licence.Number), LicencePaths.Pdf(licence.Number));
    }

    private static async Task<IssuedLicence?> IssuedForAsync(PlatformDbContext db, string type, string holder, string purpose, CancellationToken ct) =>
        await db.Set<Licence>().AsNoTracking().Where(x => x.TypeCode == type && x.HolderKey == holder && x.IssuedFor == purpose)
            .Select(x => new IssuedLicence(x.Id, x.Number, LicencePaths.Verify(x.Number), LicencePaths.Pdf(x.Number))).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<LicenceTypeInfo>> TypesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await TypesOfAsync(db, ct);
    }

    public async Task<IReadOnlyList<LicenceTypeInfo>> TypesAsync(Guid zoneId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        return await TypesOfAsync(db, ct);
    }

    private static Task<List<LicenceTypeInfo>> TypesOfAsync(PlatformDbContext db, CancellationToken ct) =>
        db.Set<LicenceType>().AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new LicenceTypeInfo(t.Code, t.Name, t.NameEn, t.IssuingBody, t.SourceSystem, t.ValidityYears))
            .ToListAsync(ct);
}

/// <summary>One label/value pair printed on a certificate.</summary>
public sealed record PrintedField(string Label, string Value);

public static class LicencePaths
{
    public static string Verify(string number) => "/verify/" + Uri.EscapeDataString(number);

    public static string Pdf(string number) => $"/api/licences/{Uri.EscapeDataString(number)}/pdf";
}
