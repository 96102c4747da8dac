using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Features;
using SmartIsland.Licences.Certificates;
using SmartIsland.Licences.Domain;
using SmartIsland.Licences.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Licences.Features;

public enum VerificationOutcome
{
    Valid,
    Revoked,
    Expired,
    NotYetValid,
    NotFound,
    /// <summary>Shaped like a platform number but its check character does not hold: mistyped or altered.</summary>
    InvalidNumber,
}

/// <summary>
/// What the public verification shows: never personal data. An organisation is named in full with its credit code;
/// a person's name is masked and the ID number left out.
/// </summary>
public sealed record LicenceVerification(
    string Number, VerificationOutcome Outcome, string? TypeCode, string? TypeName, string? TypeNameEn, HolderKind? HolderKind,
    string? HolderName, string? HolderCreditCode, DateOnly? ValidFrom, DateOnly? ValidUntil, string? IssuingBody,
    DateOnly? RevokedOn, string? RevokedReason, string? SourceSystem);

public sealed record LicenceQuery(string? Search = null, string? TypeCode = null, int Page = 1, int PageSize = 20);

public sealed record LicenceRow(
    Guid Id, string Number, string TypeCode, string TypeName, HolderKind HolderKind, string HolderKey, string HolderName,
    DateOnly IssuedOn, DateOnly ValidFrom, DateOnly? ValidUntil, LicenceState State, DateTimeOffset? RevokedAt, string? RevokedReason,
    string? IssuedFor, string SourceSystem, int Version);

public sealed record LicencePage(IReadOnlyList<LicenceRow> Items, int Total, int Page, int PageSize);

/// <summary>The licence register's own use cases: staff list and revoke, public verification, the certificate PDF.</summary>
public sealed class LicenceService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider clock, IEnterpriseProfiles enterprises,
    IStringLocalizer<LicenceStrings> l)
{
    /// <summary>Who keeps the register (list, revoke): the zone's administrators and department staff.</summary>
    public const string KeeperRoles = Roles.Admin + "," + Roles.DepartmentStaff;

    public DateOnly Today => LicenceClock.Today(clock);

    private void RequireKeeper()
    {
        if (!user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff)) throw new ForbiddenException("licence.keepers-only", l["Error_KeepersOnly"]);
    }

    public async Task<LicencePage> SearchAsync(LicenceQuery query, CancellationToken ct = default)
    {
        RequireKeeper();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Licence>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var number = LicenceNumber.Normalise(text);
            q = q.Where(x => x.Number.Contains(number) || x.HolderKey.Contains(number) || x.HolderName.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(query.TypeCode)) q = q.Where(x => x.TypeCode == query.TypeCode);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var rows = await q.OrderByDescending(x => x.IssuedOn).ThenBy(x => x.Number).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await db.Set<LicenceType>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var today = Today;
        return new LicencePage(rows.Select(x => new LicenceRow(
            x.Id, x.Number, x.TypeCode, names.GetValueOrDefault(x.TypeCode, x.TypeCode), x.HolderKind, x.HolderKey, x.HolderName,
            x.IssuedOn, x.ValidFrom, x.ValidUntil, x.StateOn(today), x.RevokedAt, x.RevokedReason, x.IssuedFor, x.SourceSystem, x.Version)).ToList(),
            total, page, size);
    }

    public async Task<IReadOnlyList<LicenceType>> TypesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<LicenceType>().AsNoTracking().OrderBy(t => t.SourceSystem == LicenceSystems.Platform ? 1 : 0).ThenBy(t => t.Code).ToListAsync(ct);
    }

    /// <summary>
    /// Revokes a platform certificate (staff, with a reason, audited). From then on it satisfies no material and the
    /// public page says revoked. A mirrored licence is revoked by the system that issued it, not here.
    /// </summary>
    public async Task<LicenceRow> RevokeAsync(string number, string? reason, int? version, CancellationToken ct = default)
    {
        RequireKeeper();
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", l["Error_ReasonRequired"]);
        if (reason.Trim().Length > 500) throw new ValidationFailedException("reason", l["Error_ReasonTooLong"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var n = LicenceNumber.Normalise(number);
        var licence = await db.Set<Licence>().FirstOrDefaultAsync(x => x.Number == n, ct) ?? throw new NotFoundException(l["Error_NotFound"]);
        if (licence.SourceSystem != LicenceSystems.Platform) throw new ForbiddenException("licence.revoke-at-source", l["Error_RevokeAtSource", licence.SourceSystem]);
        if (version is { } v && v != licence.Version) throw new ConflictException("version", l["Error_Concurrency"]);
        if (licence.Status == LicenceStatus.Revoked) throw new ConflictException("status", l["Error_AlreadyRevoked"]);
        licence.Status = LicenceStatus.Revoked;
        licence.RevokedAt = clock.GetUtcNow();
        licence.RevokedReason = reason.Trim();
        db.AuditReason = reason.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Error_Concurrency"]);
        }
        var name = await db.Set<LicenceType>().AsNoTracking().Where(t => t.Code == licence.TypeCode).Select(t => t.Name).FirstOrDefaultAsync(ct);
        return new LicenceRow(licence.Id, licence.Number, licence.TypeCode, name ?? licence.TypeCode, licence.HolderKind, licence.HolderKey, licence.HolderName,
            licence.IssuedOn, licence.ValidFrom, licence.ValidUntil, licence.StateOn(Today), licence.RevokedAt, licence.RevokedReason, licence.IssuedFor,
            licence.SourceSystem, licence.Version);
    }

    /// <summary>Public verification by number alone (any zone): the QR code's target.</summary>
    public async Task<LicenceVerification> VerifyAsync(string? number, CancellationToken ct = default)
    {
        var n = LicenceNumber.Normalise(number);
        if (n.Length is 0 or > 64) return Outcome(n, VerificationOutcome.NotFound);
        if (LicenceNumber.Classify(n) == NumberShape.BadCheck) return Outcome(n, VerificationOutcome.InvalidNumber);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await (from lic in db.Set<Licence>().IgnoreQueryFilters().AsNoTracking()
                           join t in db.Set<LicenceType>().IgnoreQueryFilters().AsNoTracking() on new { lic.ZoneId, Code = lic.TypeCode } equals new { t.ZoneId, t.Code }
                           where lic.Number == n
                           select new { Licence = lic, Type = t }).FirstOrDefaultAsync(ct);
        if (found is null) return Outcome(n, VerificationOutcome.NotFound);
        var (x, type) = (found.Licence, found.Type);
        var outcome = x.StateOn(Today) switch
        {
            LicenceState.Revoked => VerificationOutcome.Revoked,
            LicenceState.Expired => VerificationOutcome.Expired,
            LicenceState.NotYetValid => VerificationOutcome.NotYetValid,
            _ => VerificationOutcome.Valid,
        };
        var person = x.HolderKind == HolderKind.Person;
        return new LicenceVerification(x.Number, outcome, type.Code, type.Name, type.NameEn, x.HolderKind,
            person ? Masking.PersonName(x.HolderName) : x.HolderName, person ? null : x.HolderKey,
            x.ValidFrom, x.ValidUntil, type.IssuingBody,
            x.RevokedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(LicenceClock.ChinaOffset).DateTime) : null, x.RevokedReason, x.SourceSystem);
    }

    private static LicenceVerification Outcome(string number, VerificationOutcome outcome) =>
        new(number, outcome, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>
    /// The certificate as PDF, for zone staff and for the holder's own enterprise account; anyone else is refused
    /// (the public verifies by number instead). <paramref name="baseUrl"/> makes the QR code's absolute address.
    /// </summary>
    public async Task<(string Number, byte[] Pdf)> CertificateAsync(string number, string baseUrl, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var n = LicenceNumber.Normalise(number);
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(x => x.Number == n, ct) ?? throw new NotFoundException(l["Error_NotFound"]);
        if (!user.IsInAnyRole([.. Roles.Staff]))
        {
            var own = user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId is { } id && licence.HolderKind == HolderKind.Organisation
                      && (await enterprises.GetAsync(id, ct))?.CreditCode == licence.HolderKey;
            if (!own) throw new ForbiddenException("licence.holder-only", l["Error_HolderOnly"]);
        }
        var type = await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == licence.TypeCode, ct);
        var fields = JsonSerializer.Deserialize<List<PrintedField>>(licence.FieldsJson, JsonSerializerOptions.Web) ?? [];
        var content = new CertificateContent(
            type?.Name ?? licence.TypeCode, licence.Number, licence.HolderKind, licence.HolderName, licence.HolderKey,
            fields.Select(f => KeyValuePair.Create(f.Label, f.Value)).ToList(), licence.ValidFrom, licence.ValidUntil,
            type?.IssuingBody ?? "", licence.IssuedOn, baseUrl.TrimEnd('/') + LicencePaths.Verify(licence.Number),
            licence.Status == LicenceStatus.Revoked);
        return (licence.Number, CertificatePdf.Render(content));
    }
}
