using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Features;

/// <summary>
/// The review of a year's figures (issue 4 §8): the enterprise submits a draft, staff mark it reviewed
/// (locked) or send it back with a reason; a reviewed year changes only through a correction with a
/// reason, applied by staff or requested by the enterprise and decided by staff. Every step checks the
/// version read (409 for a stale body version, 412 for a stale If-Match) and is audited with its reason.
/// </summary>
public sealed class IndicatorWorkflow(
    IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user,
    EnterpriseRegistry registry,
    IStringLocalizer<EnterpriseStrings> l,
    IStringLocalizer<FigureStrings> f,
    TimeProvider clock)
{
    public const int ReasonMax = 500;

    private static readonly JsonSerializerOptions ChangesJson = new(JsonSerializerDefaults.Web);

    /// <summary>Draft → Submitted, by the enterprise user (its own enterprise) or an editor on its behalf.</summary>
    public Task<EnterpriseDetail> SubmitAsync(Guid id, int year, IndicatorStepInput step, int? ifMatch = null, CancellationToken ct = default) =>
        StepAsync(id, year, step, ifMatch, IndicatorStatus.Draft, reviewer: false, reasonRequired: false, (i, now) =>
        {
            i.Status = IndicatorStatus.Submitted;
            i.SubmittedAt = now;
            i.ReturnReason = null;
        }, ct);

    /// <summary>Submitted → Reviewed (locked), by staff.</summary>
    public Task<EnterpriseDetail> ReviewAsync(Guid id, int year, IndicatorStepInput step, int? ifMatch = null, CancellationToken ct = default) =>
        StepAsync(id, year, step, ifMatch, IndicatorStatus.Submitted, reviewer: true, reasonRequired: false, (i, now) =>
        {
            i.Status = IndicatorStatus.Reviewed;
            i.ReviewedAt = now;
            i.ReviewedBy = user.UserId;
        }, ct);

    /// <summary>Submitted → Draft with a reason the enterprise reads, by staff.</summary>
    public Task<EnterpriseDetail> ReturnAsync(Guid id, int year, IndicatorStepInput step, int? ifMatch = null, CancellationToken ct = default) =>
        StepAsync(id, year, step, ifMatch, IndicatorStatus.Submitted, reviewer: true, reasonRequired: true, (i, _) =>
        {
            i.Status = IndicatorStatus.Draft;
            i.SubmittedAt = null;
            i.ReturnReason = step.Reason!.Trim();
        }, ct);

    private async Task<EnterpriseDetail> StepAsync(
        Guid id, int year, IndicatorStepInput step, int? ifMatch, IndicatorStatus from, bool reviewer, bool reasonRequired,
        Action<YearlyIndicator, DateTimeOffset> apply, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var indicator = await LoadAsync(db, id, year, reviewer, ct);
        var reason = CheckReason(step.Reason, reasonRequired);
        if (indicator.Status != from) throw new ConflictException("status", f["WrongStatus", year, f["Status_" + indicator.Status]]);
        ExpectVersion(db, indicator, step.Version, ifMatch, f["Stale"]);
        apply(indicator, clock.GetUtcNow());
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>
    /// Corrects a reviewed year. Staff's correction is applied at once; an enterprise user's is recorded
    /// as pending and the year stays as it is until staff approve it. Either way the changed figures are
    /// recorded old → new with who, when and why.
    /// </summary>
    public async Task<CorrectionView> CorrectAsync(Guid id, int year, CorrectionInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var indicator = await LoadAsync(db, id, year, reviewer: false, ct);
        var errors = new ValidationErrors();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors.Add("reason", f["ReasonRequired"]);
        else if (reason.Length > ReasonMax) errors.Add("reason", f["ReasonTooLong", ReasonMax]);
        if (input.Figures is null) errors.Add("figures", f["CorrectionFiguresRequired"]);
        errors.ThrowIfAny();
        if (indicator.Status != IndicatorStatus.Reviewed) throw new ConflictException("status", f["NotLocked", year]);
        var thisYear = clock.GetLocalNow().Year;
        var figures = input.Figures!.ToFigures();
        FigureText.ThrowIfAny(f, IndicatorRules.Check(figures, year, thisYear), thisYear);
        ExpectVersion(db, indicator, input.Figures.Version, ifMatch, f["Stale"]);
        var changes = Diff(indicator, figures);
        if (changes.Count == 0) throw new ValidationFailedException("figures", f["NoChanges"]);

        var direct = EnterpriseAccess.CanReview(user);
        if (!direct && await db.Set<IndicatorCorrection>().AnyAsync(c => c.IndicatorId == indicator.Id && c.Status == CorrectionStatus.Pending, ct))
            throw new ConflictException("year", f["CorrectionPendingExists"]);
        var now = clock.GetUtcNow();
        var correction = new IndicatorCorrection
        {
            ZoneId = indicator.ZoneId,
            EnterpriseId = id,
            IndicatorId = indicator.Id,
            Year = year,
            Status = direct ? CorrectionStatus.Applied : CorrectionStatus.Pending,
            Reason = reason!,
            Changes = JsonSerializer.Serialize(changes, ChangesJson),
            IndicatorVersion = indicator.Version,
            RequestedBy = user.UserId,
            RequestedByName = user.UserName,
            RequestedAt = now,
            DecidedBy = direct ? user.UserId : null,
            DecidedByName = direct ? user.UserName : null,
            DecidedAt = direct ? now : null,
        };
        db.Add(correction);
        if (direct) IndicatorFields.Copy(figures, indicator);
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return ToView(correction);
    }

    /// <summary>Staff approve a requested correction: its figures are written, unless the year changed since it was requested.</summary>
    public async Task<CorrectionView> ApproveAsync(Guid id, Guid correctionId, CorrectionDecisionInput decision, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var correction = await LoadPendingAsync(db, id, correctionId, decision, ifMatch, ct);
        var indicator = await db.Set<YearlyIndicator>().FirstAsync(i => i.Id == correction.IndicatorId, ct);
        if (indicator.Version != correction.IndicatorVersion || indicator.Status != IndicatorStatus.Reviewed)
            throw new ConflictException("version", f["CorrectionStale"]);
        db.Entry(indicator).Property(i => i.Version).OriginalValue = correction.IndicatorVersion;
        foreach (var (key, change) in ReadChanges(correction.Changes)) IndicatorFields.Get(key).Set(indicator, change.New);
        Decide(correction, CorrectionStatus.Applied, Clean(decision.Note));
        db.AuditReason = correction.Reason;
        await SaveAsync(db, ct);
        return ToView(correction);
    }

    /// <summary>Staff reject a requested correction with a note the enterprise reads; the year is unchanged.</summary>
    public async Task<CorrectionView> RejectAsync(Guid id, Guid correctionId, CorrectionDecisionInput decision, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var correction = await LoadPendingAsync(db, id, correctionId, decision, ifMatch, ct);
        var note = CheckReason(decision.Note, required: true, field: "note");
        Decide(correction, CorrectionStatus.Rejected, note);
        db.AuditReason = note;
        await SaveAsync(db, ct);
        return ToView(correction);
    }

    /// <summary>The corrections of an enterprise (one year, or all), newest first.</summary>
    public async Task<IReadOnlyList<CorrectionView>> CorrectionsAsync(Guid id, int? year = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        _ = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        EnterpriseAccess.DemandRead(user, id, l["ForbiddenRead"]);
        var q = db.Set<IndicatorCorrection>().AsNoTracking().Where(c => c.EnterpriseId == id);
        if (year is { } y) q = q.Where(c => c.Year == y);
        var rows = await q.ToListAsync(ct);
        return rows.OrderByDescending(c => c.RequestedAt).Select(ToView).ToList();
    }

    private async Task<YearlyIndicator> LoadAsync(PlatformDbContext db, Guid id, int year, bool reviewer, CancellationToken ct)
    {
        _ = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        // Reviewers are editors: a reviewing step is refused by the review rule, which says what the role lacks.
        if (reviewer) EnterpriseAccess.DemandReview(user, f["ForbiddenReview"]);
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        return await db.Set<YearlyIndicator>().FirstOrDefaultAsync(i => i.EnterpriseId == id && i.Year == year, ct)
            ?? throw new NotFoundException(f["YearNotFound", year]);
    }

    private async Task<IndicatorCorrection> LoadPendingAsync(PlatformDbContext db, Guid id, Guid correctionId, CorrectionDecisionInput decision, int? ifMatch, CancellationToken ct)
    {
        _ = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        EnterpriseAccess.DemandReview(user, f["ForbiddenReview"]);
        var correction = await db.Set<IndicatorCorrection>().FirstOrDefaultAsync(c => c.Id == correctionId && c.EnterpriseId == id, ct)
            ?? throw new NotFoundException(f["CorrectionNotFound"]);
        if (correction.Status != CorrectionStatus.Pending) throw new ConflictException("status", f["CorrectionNotPending"]);
        ExpectVersion(db, correction, decision.Version, ifMatch, f["Stale"]);
        return correction;
    }

    private void Decide(IndicatorCorrection c, CorrectionStatus status, string? note)
    {
        c.Status = status;
        c.DecidedBy = user.UserId;
        c.DecidedByName = user.UserName;
        c.DecidedAt = clock.GetUtcNow();
        c.DecisionNote = note;
    }

    private string? CheckReason(string? text, bool required, string field = "reason")
    {
        var reason = Clean(text);
        if (required && reason is null) throw new ValidationFailedException(field, f["ReasonRequired"]);
        if (reason?.Length > ReasonMax) throw new ValidationFailedException(field, f["ReasonTooLong", ReasonMax]);
        return reason;
    }

    /// <summary>
    /// The version the caller read, from If-Match (a mismatch is 412, the HTTP precondition) or the body
    /// (a mismatch is 409, as for every other edit); it also guards the write against a concurrent save.
    /// </summary>
    private void ExpectVersion<T>(PlatformDbContext db, T row, int? bodyVersion, int? ifMatch, string stale) where T : class, IVersioned
    {
        if (ifMatch is { } m && m != row.Version) throw new PreconditionFailedException(stale);
        var expected = ifMatch ?? bodyVersion ?? throw new ValidationFailedException("version", f["VersionRequired"]);
        if (expected != row.Version) throw new ConflictException("version", stale);
        db.Entry(row).Property(x => x.Version).OriginalValue = expected;
    }

    private static Dictionary<string, FigureChange> Diff(YearlyIndicator current, YearlyIndicator wanted) =>
        IndicatorFields.All
            .Where(x => x.Get(current) != x.Get(wanted))
            .ToDictionary(x => x.Key, x => new FigureChange(x.Get(current), x.Get(wanted)), StringComparer.Ordinal);

    private static Dictionary<string, FigureChange> ReadChanges(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, FigureChange>>(json, ChangesJson) ?? [];

    private static CorrectionView ToView(IndicatorCorrection c) => new(
        c.Id, c.Year, c.Status, c.Reason, ReadChanges(c.Changes), c.RequestedByName, c.RequestedAt,
        c.DecidedByName, c.DecidedAt, c.DecisionNote, c.Version);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", f["Stale"]);
        }
    }
}
