using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Features;

/// <summary>
/// Declared facts (issue 4 §1): what a rule needs and the platform cannot know, declared by the
/// enterprise for itself or by an editor, with evidence and date. The rules engine reads them through
/// <see cref="IEnterpriseProfiles"/>; which keys exist is the rules catalogue's business, not checked here.
/// </summary>
public sealed partial class EnterpriseFacts(
    IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user,
    EnterpriseRegistry registry,
    IStringLocalizer<EnterpriseStrings> l,
    IStringLocalizer<FigureStrings> f,
    TimeProvider clock)
{
    public const int KeyMax = 64;
    public const int ValueMax = 32;
    public const int EvidenceMax = 500;

    /// <summary>Keys as the rules catalogue writes them: <c>hnte.keyField</c>, <c>safety.noMajorAccident</c>.</summary>
    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= KeyMax } && KeyPattern().IsMatch(key);

    /// <summary>Declares a fact, or replaces it when <see cref="FactInput.Version"/> is the version read.</summary>
    public async Task<EnterpriseDetail> DeclareAsync(Guid id, string key, FactInput input, string? reason = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        var (value, evidence) = Validate(key, input);
        var fact = await db.Set<EnterpriseFact>().FirstOrDefaultAsync(x => x.EnterpriseId == id && x.Key == key, ct);
        if (fact is null)
        {
            if (input.Version is not null) throw new ConflictException("version", f["FactStale"]);
            fact = new EnterpriseFact { ZoneId = enterprise.ZoneId, EnterpriseId = id, Key = key };
            db.Add(fact);
        }
        else
        {
            if (input.Version is null) throw new ConflictException("key", f["FactExists"]);
            if (input.Version != fact.Version) throw new ConflictException("version", f["FactStale"]);
            db.Entry(fact).Property(x => x.Version).OriginalValue = input.Version.Value;
        }
        fact.Value = value;
        fact.Evidence = evidence;
        fact.DeclaredOn = input.DeclaredOn!.Value;
        fact.DeclaredBy = user.UserId;
        db.AuditReason = Clean(reason);
        await SaveAsync(db, ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>Withdraws a fact (the rules then say "needs confirmation" again); the audit log keeps what it was.</summary>
    public async Task<EnterpriseDetail> WithdrawAsync(Guid id, string key, int? version, string? reason = null, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        _ = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        var fact = await db.Set<EnterpriseFact>().FirstOrDefaultAsync(x => x.EnterpriseId == id && x.Key == key, ct)
            ?? throw new NotFoundException(f["FactNotFound"]);
        if (ifMatch is { } m && m != fact.Version) throw new PreconditionFailedException(f["FactStale"]);
        version ??= ifMatch;
        if (version is null) throw new ValidationFailedException("version", f["VersionRequired"]);
        if (version != fact.Version) throw new ConflictException("version", f["FactStale"]);
        db.Entry(fact).Property(x => x.Version).OriginalValue = version.Value;
        db.Remove(fact);
        db.AuditReason = Clean(reason);
        await SaveAsync(db, ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>Every problem at once; the value comes back normalised ("TRUE" → "true", "1.50" → "1.50" in invariant form).</summary>
    private (string Value, string? Evidence) Validate(string key, FactInput input)
    {
        var errors = new ValidationErrors();
        if (!IsValidKey(key)) errors.Add("key", f["FactKeyInvalid"]);
        var value = Normalise(input.Value);
        if (value is null) errors.Add("value", f["FactValueInvalid"]);
        var evidence = Clean(input.Evidence);
        if (value == "true" && evidence is null) errors.Add("evidence", f["FactEvidenceRequired"]);
        if (evidence?.Length > EvidenceMax) errors.Add("evidence", f["FactEvidenceTooLong", EvidenceMax]);
        if (input.DeclaredOn is null) errors.Add("declaredOn", f["FactDateRequired"]);
        else if (input.DeclaredOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) errors.Add("declaredOn", f["FactDateInFuture"]);
        errors.ThrowIfAny();
        return (value!, evidence);
    }

    /// <summary>"true", "false" or a decimal in invariant culture (no thousands separators, no exponent), at most 32 characters.</summary>
    internal static string? Normalise(string? raw)
    {
        var s = raw?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > ValueMax) return null;
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase)) return "true";
        if (s.Equals("false", StringComparison.OrdinalIgnoreCase)) return "false";
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    internal static FactView ToView(EnterpriseFact x) => new(x.Key, x.Value, x.Evidence, x.DeclaredOn, x.Version);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", f["FactStale"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Two declarations of one key raced; the (enterprise, key) index kept one.
            throw new ConflictException("key", f["FactExists"]);
        }
    }
}
