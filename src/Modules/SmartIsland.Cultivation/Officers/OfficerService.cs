using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Officers;

/// <summary>
/// 首席服务员 (issue 4 item 4): one officer per enterprise with its history, visits with photos and the requests
/// raised (each becomes a case of the case engine, routed as an enterprise's request), and the "1234" goals.
/// Enterprises are read through the registry's contracts; cases through <see cref="CaseService"/>.
/// </summary>
public sealed class OfficerService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IWorkingDayCalendarProvider calendars,
    IEnterpriseDirectory enterprises, IEnterpriseProfiles profiles, CaseService cases, IStringLocalizer<OfficerStrings> l, ILogger<OfficerService> log)
{
    /// <summary>The case type and category an enterprise's request goes in as (the built-in 诉求 type, 企业诉求; else 其他).</summary>
    public const string RequestTypeCode = "request";
    public const string RequestCategory = "enterprise-service";
    private const string FallbackCategory = "other";

    private Guid Zone => user.ZoneId ?? throw new ForbiddenException(OfficerAccess.ReadRule, l["Err_NoZone"]);

    /// <summary>Today in the zone's time (+08:00): the latest day a visit may be recorded for.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(WorkingClock.ChinaOffset).DateTime);

    private string ActorName => user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName ?? "";

    // ---- officers and lists ----

    /// <summary>The zone's chief service officers with how many enterprises each serves (staff only).</summary>
    public async Task<IReadOnlyList<OfficerInfo>> OfficersAsync(CancellationToken ct = default)
    {
        OfficerAccess.Demand(user.IsInAnyRole([.. Roles.Staff]), OfficerAccess.ListRule, l["Err_Forbidden"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.Set<OfficerAssignment>().GroupBy(a => a.OfficerUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var seePhone = OfficerAccess.CanAssign(user) || user.IsInRole(Roles.ChiefServiceOfficer);
        return (await OfficerDirectory.OfficersAsync(db, Zone, ct))
            .Select(o => new OfficerInfo(o.Id, o.Name, seePhone ? o.Phone : Masking.Phone(o.Phone), counts.GetValueOrDefault(o.Id))).ToList();
    }

    /// <summary>
    /// The enterprises served: a chief service officer sees their own; administrators, department and park staff and
    /// leaders see everyone's (optionally one officer's). Search is by enterprise name.
    /// </summary>
    public async Task<ServedPage> ServedAsync(ServedQuery query, CancellationToken ct = default)
    {
        var officerId = query.OfficerId;
        if (!OfficerAccess.CanOversee(user))
        {
            OfficerAccess.Demand(user.IsInRole(Roles.ChiefServiceOfficer) && (officerId is null || officerId == user.UserId), OfficerAccess.ListRule, l["Err_OwnListOnly"]);
            officerId = user.UserId;
        }
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assignments = db.Set<OfficerAssignment>().AsNoTracking();
        if (officerId is { } o) assignments = assignments.Where(a => a.OfficerUserId == o);
        var rows = await assignments.ToListAsync(ct);
        // An officer serves tens to a few hundred enterprises: names and last visits are read for all of them, then filtered here.
        var names = await enterprises.NamesAsync(rows.Select(r => r.EnterpriseId).ToList(), ct);
        var ids = rows.Select(r => r.EnterpriseId).ToList();
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => ids.Contains(v.EnterpriseId))
            .GroupBy(v => v.EnterpriseId).Select(g => new { g.Key, Last = g.Max(v => v.VisitedOn), Count = g.Count() }).ToDictionaryAsync(x => x.Key, ct);
        var officers = await OfficerDirectory.NamesAsync(db, Zone, rows.Select(r => r.OfficerUserId), ct);
        var calendar = await calendars.GetAsync(ct);
        var today = Today;
        var items = rows.Where(r => names.ContainsKey(r.EnterpriseId)).Select(r =>
        {
            var last = visits.GetValueOrDefault(r.EnterpriseId);
            var lastContact = last?.Last ?? DateOnly.FromDateTime(r.Since.ToOffset(WorkingClock.ChinaOffset).DateTime);
            return new ServedEnterprise(r.EnterpriseId, names[r.EnterpriseId], r.OfficerUserId, officers.GetValueOrDefault(r.OfficerUserId, ""), r.Since,
                last?.Last, OfficerRules.VisitOverdue(calendar, lastContact, today), last?.Count ?? 0);
        });
        if (!string.IsNullOrWhiteSpace(query.Search)) items = items.Where(i => i.Name.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase));
        if (query.OverdueOnly) items = items.Where(i => i.VisitOverdue);
        // Overdue first, then the longest unvisited: what the officer should do next is on top.
        var ordered = items.OrderByDescending(i => i.VisitOverdue).ThenBy(i => i.LastVisitOn ?? DateOnly.MinValue).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        return new ServedPage(ordered.Skip((page - 1) * size).Take(size).ToList(), ordered.Count, page, size);
    }

    /// <summary>The registry's enterprises with their officer, for assigning (administrators, department and park staff).</summary>
    public async Task<AssignablePage> AssignableAsync(string? search, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        OfficerAccess.Demand(OfficerAccess.CanAssign(user), OfficerAccess.AssignRule, l["Err_AssignForbidden"]);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var found = await enterprises.SearchAsync(search, (page - 1) * pageSize, pageSize, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ids = found.Items.Select(e => e.Id).ToList();
        var current = await db.Set<OfficerAssignment>().AsNoTracking().Where(a => ids.Contains(a.EnterpriseId)).ToDictionaryAsync(a => a.EnterpriseId, ct);
        var names = await OfficerDirectory.NamesAsync(db, Zone, current.Values.Select(a => a.OfficerUserId), ct);
        return new AssignablePage(found.Items.Select(e => current.GetValueOrDefault(e.Id) is { } a
            ? new AssignableEnterprise(e.Id, e.Name, a.OfficerUserId, names.GetValueOrDefault(a.OfficerUserId), a.Version)
            : new AssignableEnterprise(e.Id, e.Name, null, null, null)).ToList(), found.Total, page, pageSize);
    }

    // ---- assignment ----

    /// <summary>
    /// Assigns the enterprise's officer, or hands it to another one: one officer per enterprise, the officer must be a
    /// chief service officer of the zone, a reassignment gives its reason, and both are kept in the history.
    /// </summary>
    public async Task<AssignmentView> AssignAsync(Guid enterpriseId, AssignInput input, CancellationToken ct = default)
    {
        OfficerAccess.Demand(OfficerAccess.CanAssign(user), OfficerAccess.AssignRule, l["Err_AssignForbidden"]);
        var enterprise = await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var current = await db.Set<OfficerAssignment>().FirstOrDefaultAsync(a => a.EnterpriseId == enterpriseId, ct);
        var errors = new ValidationErrors();
        var officers = await OfficerDirectory.OfficersAsync(db, Zone, ct);
        if (input.OfficerUserId is not { } officerId) errors.Add("officerUserId", l["Err_OfficerRequired"]);
        else if (officers.All(o => o.Id != officerId)) errors.Add("officerUserId", l["Err_NotAnOfficer"]);
        else if (current?.OfficerUserId == officerId) errors.Add("officerUserId", l["Err_AlreadyOfficer"]);
        var reason = input.Reason?.Trim();
        if (current is not null && string.IsNullOrEmpty(reason)) errors.Add("reason", l["Err_ReasonRequired"]);
        if (reason?.Length > OfficerRules.ReasonMax) errors.Add("reason", l["Err_TooLong", OfficerRules.ReasonMax]);
        if (current is not null && input.Version is null) errors.Add("version", l["Err_VersionRequired"]);
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        var previous = current?.OfficerUserId;
        if (current is null)
        {
            current = new OfficerAssignment { ZoneId = enterprise.ZoneId, EnterpriseId = enterpriseId, OfficerUserId = input.OfficerUserId!.Value, Since = now, AssignedByUserId = user.UserId };
            db.Add(current);
        }
        else
        {
            db.Entry(current).Property(x => x.Version).OriginalValue = input.Version!.Value;
            current.OfficerUserId = input.OfficerUserId!.Value;
            current.Since = now;
            current.AssignedByUserId = user.UserId;
        }
        db.Add(new OfficerAssignmentChange
        {
            ZoneId = enterprise.ZoneId, EnterpriseId = enterpriseId, OfficerUserId = current.OfficerUserId, PreviousOfficerUserId = previous,
            At = now, ByUserId = user.UserId, ByName = ActorName, Reason = reason,
        });
        db.AuditReason = previous is null ? "chief service officer assigned" : "chief service officer reassigned: " + reason;
        // Two first assignments at once: the database keeps one officer per enterprise, the second is told to reload.
        await SaveEditAsync(db, "officerUserId", l["Err_AssignedMeanwhile"], ct);
        return await AssignmentAsync(enterpriseId, ct);
    }

    /// <summary>The current assignment and its history (staff).</summary>
    public async Task<AssignmentView> AssignmentAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        OfficerAccess.Demand(OfficerAccess.CanSeeHistory(user), OfficerAccess.ReadRule, l["Err_Forbidden"]);
        await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var current = await db.Set<OfficerAssignment>().AsNoTracking().FirstOrDefaultAsync(a => a.EnterpriseId == enterpriseId, ct)
            ?? throw new NotFoundException(l["Err_NoOfficer"]);
        var history = await HistoryAsync(db, enterpriseId, ct);
        var name = (await OfficerDirectory.NamesAsync(db, Zone, [current.OfficerUserId], ct)).GetValueOrDefault(current.OfficerUserId, "");
        return new AssignmentView(enterpriseId, current.OfficerUserId, name, current.Since, current.Version, history);
    }

    private async Task<List<AssignmentChangeView>> HistoryAsync(PlatformDbContext db, Guid enterpriseId, CancellationToken ct)
    {
        var rows = await db.Set<OfficerAssignmentChange>().AsNoTracking().Where(h => h.EnterpriseId == enterpriseId).ToListAsync(ct);
        var names = await OfficerDirectory.NamesAsync(db, Zone, rows.Select(r => r.OfficerUserId).Concat(rows.Where(r => r.PreviousOfficerUserId is not null).Select(r => r.PreviousOfficerUserId!.Value)), ct);
        return rows.OrderByDescending(r => r.At).Select(r => new AssignmentChangeView(r.At, r.OfficerUserId, names.GetValueOrDefault(r.OfficerUserId, ""),
            r.PreviousOfficerUserId, r.PreviousOfficerUserId is { } p ? names.GetValueOrDefault(p) : null, r.ByName, r.Reason)).ToList();
    }

    // ---- reading an enterprise's service ----

    /// <summary>The officer card: name, phone (masked where the role does not need it), last visit and whether one is overdue. Null when none is assigned.</summary>
    public async Task<OfficerCardView?> CardAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        OfficerAccess.Demand(OfficerAccess.CanRead(user, enterpriseId), OfficerAccess.ReadRule, l["Err_ReadForbidden"]);
        await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await CardAsync(db, enterpriseId, ct);
    }

    private async Task<(OfficerCardView? Card, int? Version)> CardWithVersionAsync(PlatformDbContext db, Guid enterpriseId, CancellationToken ct)
    {
        var a = await db.Set<OfficerAssignment>().AsNoTracking().FirstOrDefaultAsync(x => x.EnterpriseId == enterpriseId, ct);
        if (a is null) return (null, null);
        var account = (await OfficerDirectory.OfficersAsync(db, Zone, ct)).FirstOrDefault(o => o.Id == a.OfficerUserId);
        var last = await db.Set<Visit>().AsNoTracking().Where(v => v.EnterpriseId == enterpriseId).OrderByDescending(v => v.VisitedOn).Select(v => (DateOnly?)v.VisitedOn).FirstOrDefaultAsync(ct);
        var full = OfficerAccess.CanSeeOfficerPhone(user, enterpriseId);
        var name = account?.Name ?? (await OfficerDirectory.NamesAsync(db, Zone, [a.OfficerUserId], ct)).GetValueOrDefault(a.OfficerUserId, "");
        var lastContact = last ?? DateOnly.FromDateTime(a.Since.ToOffset(WorkingClock.ChinaOffset).DateTime);
        var overdue = OfficerRules.VisitOverdue(await calendars.GetAsync(ct), lastContact, Today);
        return (new OfficerCardView(enterpriseId, a.OfficerUserId, name, full ? account?.Phone : Masking.Phone(account?.Phone), !full, a.Since, last, overdue), a.Version);
    }

    private async Task<OfficerCardView?> CardAsync(PlatformDbContext db, Guid enterpriseId, CancellationToken ct) => (await CardWithVersionAsync(db, enterpriseId, ct)).Card;

    /// <summary>Everything the enterprise's service page shows.</summary>
    public async Task<EnterpriseServiceView> ServiceAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        OfficerAccess.Demand(OfficerAccess.CanRead(user, enterpriseId), OfficerAccess.ReadRule, l["Err_ReadForbidden"]);
        var enterprise = await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (card, version) = await CardWithVersionAsync(db, enterpriseId, ct);
        var history = OfficerAccess.CanSeeHistory(user) ? await HistoryAsync(db, enterpriseId, ct) : [];
        var visits = await VisitsAsync(db, db.Set<Visit>().Where(v => v.EnterpriseId == enterpriseId), ct);
        var goals = await GoalsAsync(db, enterpriseId, ct);
        return new EnterpriseServiceView(enterpriseId, enterprise.Name, card, history, visits, goals,
            OfficerAccess.CanAssign(user), OfficerAccess.CanRecordVisit(user, card?.OfficerId), OfficerAccess.CanEditGoals(user, card?.OfficerId), version);
    }

    // ---- visits ----

    /// <summary>
    /// Records a visit: the day (not after today), notes, photos checked by content and re-encoded, and the
    /// requests raised. The visit is saved first (nothing of it is lost), then each request is submitted to the
    /// case engine as the enterprise's request — routed to its park, its officer told — and its tracking code kept.
    /// </summary>
    public async Task<VisitView> RecordVisitAsync(Guid enterpriseId, VisitInput input, IReadOnlyList<PhotoUpload>? photos = null, CancellationToken ct = default)
    {
        var enterprise = await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var officer = await db.Set<OfficerAssignment>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId).Select(a => (Guid?)a.OfficerUserId).FirstOrDefaultAsync(ct);
        OfficerAccess.Demand(OfficerAccess.CanRecordVisit(user, officer), OfficerAccess.VisitRule, l["Err_VisitForbidden"]);

        var errors = new ValidationErrors();
        CheckDayAndNotes(input.VisitedOn, input.Notes, errors);
        var requests = (input.Requests ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).ToList();
        if (requests.Count > OfficerRules.MaxRequestsPerVisit) errors.Add("requests", l["Err_TooManyRequests", OfficerRules.MaxRequestsPerVisit]);
        foreach (var (r, i) in requests.Select((r, i) => (r, i)).Where(x => x.r.Length > OfficerRules.RequestMax))
            errors.Add($"requests[{i}]", l["Err_TooLong", OfficerRules.RequestMax]);
        var uploads = photos ?? [];
        if (uploads.Count > PhotoCheck.MaxPhotos) errors.Add("photos", l["Err_TooManyPhotos", PhotoCheck.MaxPhotos]);
        if (uploads.Sum(p => (long)p.Content.Length) > PhotoCheck.MaxTotalBytes) errors.Add("photos", l["Err_PhotosTooLarge", PhotoCheck.MaxTotalBytes / 1024 / 1024]);
        var accepted = new List<CheckedPhoto>();
        foreach (var (upload, i) in uploads.Take(PhotoCheck.MaxPhotos).Select((u, i) => (u, i)))
        {
            var (photo, problem) = PhotoCheck.Check(upload);
            if (problem is not null) errors.Add("photos", $"{upload.FileName ?? $"#{i + 1}"}: {l["Err_BadPhoto"]} ({problem})");
            else accepted.Add(photo!);
        }
        // The case type is checked before anything is written, so a zone without it refuses the visit instead of keeping it half-done.
        var category = requests.Count == 0 ? null : await RequestCategoryAsync(enterprise.ZoneId, errors, ct);
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        var visit = new Visit
        {
            ZoneId = enterprise.ZoneId, EnterpriseId = enterpriseId, OfficerUserId = user.UserId ?? Guid.Empty, OfficerName = ActorName,
            VisitedOn = input.VisitedOn!.Value, Notes = input.Notes!.Trim(), RecordedAt = now,
        };
        db.Add(visit);
        foreach (var p in accepted)
            db.Add(new VisitPhoto { ZoneId = visit.ZoneId, VisitId = visit.Id, Width = p.Width, Height = p.Height, Size = p.Jpeg.Length, Content = p.Jpeg, UploadedAt = now });
        var rows = requests.Select((r, i) => new VisitRequest { ZoneId = visit.ZoneId, VisitId = visit.Id, Position = i, Description = r }).ToList();
        foreach (var r in rows) db.Add(r);
        db.AuditReason = "visit recorded";
        await db.SaveChangesAsync(ct);

        if (rows.Count > 0) await RaiseAsync(db, enterprise, rows, category, ct);
        return await GetVisitAsync(visit.Id, ct);
    }

    /// <summary>
    /// Raises the visit's requests that are not cases yet (one the case engine refused or could not write when the
    /// visit was recorded): the officer retries from the visit.
    /// </summary>
    public async Task<VisitView> RaisePendingAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var visit = await db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException(l["Err_NoVisit"]);
        var officer = await db.Set<OfficerAssignment>().AsNoTracking().Where(a => a.EnterpriseId == visit.EnterpriseId).Select(a => (Guid?)a.OfficerUserId).FirstOrDefaultAsync(ct);
        OfficerAccess.Demand(OfficerAccess.CanRecordVisit(user, officer), OfficerAccess.VisitRule, l["Err_VisitForbidden"]);
        var enterprise = await EnterpriseAsync(visit.EnterpriseId, ct);
        var pending = await db.Set<VisitRequest>().Where(r => r.VisitId == visitId && r.CaseId == null).OrderBy(r => r.Position).ToListAsync(ct);
        if (pending.Count > 0)
        {
            var errors = new ValidationErrors();
            var category = await RequestCategoryAsync(enterprise.ZoneId, errors, ct);
            errors.ThrowIfAny();
            await RaiseAsync(db, enterprise, pending, category, ct);
        }
        return await GetVisitAsync(visitId, ct);
    }

    /// <summary>
    /// Each request goes to the case engine as the enterprise's request: the engine routes it to the enterprise's
    /// park and tells its chief service officers (CaseRouter). A request the engine refuses stays on the visit
    /// without a case, shown as such, instead of undoing the visit.
    /// </summary>
    private async Task RaiseAsync(PlatformDbContext db, EnterpriseRef enterprise, List<VisitRequest> rows, string? category, CancellationToken ct)
    {
        foreach (var r in rows)
        {
            try
            {
                var made = await cases.SubmitAsync(new CaseSubmission
                {
                    TypeCode = RequestTypeCode, Category = category, EnterpriseId = enterprise.Id,
                    Description = r.Description, Address = enterprise.Name,
                }, null, ct);
                r.CaseId = made.Id;
                r.TrackingCode = made.TrackingCode;
            }
            catch (Exception e) when (e is PlatformException or DbUpdateException)
            {
                log.LogWarning(e, "Visit request {RequestId} was not raised as a case", r.Id);
            }
        }
        if (rows.Any(r => r.CaseId is not null))
        {
            db.AuditReason = "visit requests raised as cases";
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The category of the zone's request type an enterprise's request is filed under; a problem on "requests" when the zone has no such type.</summary>
    private async Task<string?> RequestCategoryAsync(Guid zoneId, ValidationErrors errors, CancellationToken ct)
    {
        var type = (await cases.PublicTypesAsync(zoneId, ct)).FirstOrDefault(t => t.Code == RequestTypeCode);
        if (type is null)
        {
            errors.Add("requests", l["Err_NoRequestType"]);
            return null;
        }
        return type.Categories.Any(c => c.Code == RequestCategory) ? RequestCategory
            : type.Categories.Any(c => c.Code == FallbackCategory) ? FallbackCategory
            : type.Categories.Count > 0 ? type.Categories[0].Code : null;
    }

    public async Task<VisitView> GetVisitAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var visit = await db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException(l["Err_NoVisit"]);
        OfficerAccess.Demand(OfficerAccess.CanRead(user, visit.EnterpriseId), OfficerAccess.ReadRule, l["Err_ReadForbidden"]);
        return (await VisitsAsync(db, db.Set<Visit>().Where(v => v.Id == visitId), ct)).Single();
    }

    /// <summary>Corrects a visit's day or notes (the officer who serves the enterprise); stale versions are refused.</summary>
    public async Task<VisitView> EditVisitAsync(Guid visitId, VisitEdit input, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException(l["Err_NoVisit"]);
        var officer = await db.Set<OfficerAssignment>().AsNoTracking().Where(a => a.EnterpriseId == visit.EnterpriseId).Select(a => (Guid?)a.OfficerUserId).FirstOrDefaultAsync(ct);
        OfficerAccess.Demand(OfficerAccess.CanRecordVisit(user, officer), OfficerAccess.VisitRule, l["Err_VisitForbidden"]);
        var version = expectedVersion ?? input.Version;
        var errors = new ValidationErrors();
        if (version is null) errors.Add("version", l["Err_VersionRequired"]);
        CheckDayAndNotes(input.VisitedOn, input.Notes, errors);
        errors.ThrowIfAny();
        if (expectedVersion is { } v && v != visit.Version) throw new PreconditionFailedException(l["Err_Stale"]);
        db.Entry(visit).Property(x => x.Version).OriginalValue = version!.Value;
        visit.VisitedOn = input.VisitedOn!.Value;
        visit.Notes = input.Notes!.Trim();
        db.AuditReason = "visit corrected";
        await SaveEditAsync(db, "version", l["Err_Stale"], ct);
        return await GetVisitAsync(visitId, ct);
    }

    public async Task<byte[]> PhotoAsync(Guid visitId, Guid photoId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var visit = await db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException(l["Err_NoVisit"]);
        OfficerAccess.Demand(OfficerAccess.CanRead(user, visit.EnterpriseId), OfficerAccess.ReadRule, l["Err_ReadForbidden"]);
        return await db.Set<VisitPhoto>().AsNoTracking().Where(p => p.Id == photoId && p.VisitId == visitId).Select(p => p.Content).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(l["Err_NoPhoto"]);
    }

    private void CheckDayAndNotes(DateOnly? visitedOn, string? notes, ValidationErrors errors)
    {
        if (visitedOn is null) errors.Add("visitedOn", l["Err_DateRequired"]);
        else if (visitedOn > Today) errors.Add("visitedOn", l["Err_DateInFuture"]);
        else if (visitedOn < Today.AddYears(-5)) errors.Add("visitedOn", l["Err_DateTooOld"]);
        if (string.IsNullOrWhiteSpace(notes)) errors.Add("notes", l["Err_NotesRequired"]);
        else if (notes.Length > OfficerRules.NotesMax) errors.Add("notes", l["Err_TooLong", OfficerRules.NotesMax]);
    }

    private static async Task<List<VisitView>> VisitsAsync(PlatformDbContext db, IQueryable<Visit> which, CancellationToken ct)
    {
        var visits = await which.AsNoTracking().OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt).ToListAsync(ct);
        var ids = visits.Select(v => v.Id).ToList();
        var photos = (await db.Set<VisitPhoto>().AsNoTracking().Where(p => ids.Contains(p.VisitId)).OrderBy(p => p.UploadedAt)
            .Select(p => new { p.VisitId, p.Id, p.Width, p.Height }).ToListAsync(ct)).ToLookup(p => p.VisitId);
        var requests = (await db.Set<VisitRequest>().AsNoTracking().Where(r => ids.Contains(r.VisitId)).OrderBy(r => r.Position).ToListAsync(ct)).ToLookup(r => r.VisitId);
        return visits.Select(v => new VisitView(v.Id, v.EnterpriseId, v.VisitedOn, v.OfficerName, v.Notes, v.RecordedAt,
            photos[v.Id].Select(p => new VisitPhotoView(p.Id, p.Width, p.Height)).ToList(),
            requests[v.Id].Select(r => new VisitRequestView(r.Id, r.Description, r.CaseId, r.TrackingCode)).ToList(), v.Version)).ToList();
    }

    // ---- goals ----

    public async Task<IReadOnlyList<GoalView>> GoalsAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        OfficerAccess.Demand(OfficerAccess.CanRead(user, enterpriseId), OfficerAccess.ReadRule, l["Err_ReadForbidden"]);
        await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await GoalsAsync(db, enterpriseId, ct);
    }

    /// <summary>Sets one of the four goals (creating it the first time); progress is then computed where the platform knows it.</summary>
    public async Task<GoalView> SaveGoalAsync(Guid enterpriseId, GoalKind kind, GoalInput input, CancellationToken ct = default)
    {
        var enterprise = await EnterpriseAsync(enterpriseId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var officer = await db.Set<OfficerAssignment>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId).Select(a => (Guid?)a.OfficerUserId).FirstOrDefaultAsync(ct);
        OfficerAccess.Demand(OfficerAccess.CanEditGoals(user, officer), OfficerAccess.GoalRule, l["Err_GoalForbidden"]);
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(kind)) errors.Add("kind", l["Err_UnknownGoal"]);
        var thisYear = Today.Year;
        if (input.TargetYear is null) errors.Add("targetYear", l["Err_TargetYearRequired"]);
        else if (input.TargetYear < thisYear - 1 || input.TargetYear > thisYear + 10) errors.Add("targetYear", l["Err_TargetYearRange", thisYear - 1, thisYear + 10]);
        if (kind == GoalKind.PatentFiling && input.TargetCount is not (> 0 and <= 10_000)) errors.Add("targetCount", l["Err_TargetCount"]);
        if (string.IsNullOrWhiteSpace(input.Owner)) errors.Add("owner", l["Err_OwnerRequired"]);
        else if (input.Owner.Length > 100) errors.Add("owner", l["Err_TooLong", 100]);
        if (input.Status is { } s && !Enum.IsDefined(s)) errors.Add("status", l["Err_UnknownStatus"]);
        if (input.Progress is < 0 or > 100) errors.Add("progress", l["Err_ProgressRange"]);
        if (input.Note?.Length > 1000) errors.Add("note", l["Err_TooLong", 1000]);
        var goal = await db.Set<ServiceGoal>().FirstOrDefaultAsync(g => g.EnterpriseId == enterpriseId && g.Kind == kind, ct);
        if (goal is not null && input.Version is null) errors.Add("version", l["Err_VersionRequired"]);
        errors.ThrowIfAny();

        if (goal is null)
        {
            goal = new ServiceGoal { ZoneId = enterprise.ZoneId, EnterpriseId = enterpriseId, Kind = kind };
            db.Add(goal);
        }
        else
        {
            db.Entry(goal).Property(x => x.Version).OriginalValue = input.Version!.Value;
        }
        goal.TargetYear = input.TargetYear!.Value;
        goal.TargetCount = kind == GoalKind.PatentFiling ? input.TargetCount : null;
        goal.Owner = input.Owner!.Trim();
        goal.DeclaredStatus = input.Status ?? GoalStatus.Planned;
        goal.DeclaredProgress = input.Progress ?? 0;
        goal.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        goal.UpdatedAt = time.GetUtcNow();
        db.AuditReason = "1234 goal set: " + kind;
        await SaveEditAsync(db, "kind", l["Err_GoalMeanwhile"], ct);
        return (await GoalsAsync(db, enterpriseId, ct)).Single(g => g.Kind == kind);
    }

    private async Task<List<GoalView>> GoalsAsync(PlatformDbContext db, Guid enterpriseId, CancellationToken ct)
    {
        var goals = await db.Set<ServiceGoal>().AsNoTracking().Where(g => g.EnterpriseId == enterpriseId).ToListAsync(ct);
        if (goals.Count == 0) return [];
        var profile = await profiles.GetAsync(enterpriseId, ct) ?? throw new NotFoundException(l["Err_NoEnterprise"]);
        var today = Today;
        return goals.OrderBy(g => g.Kind).Select(g => new GoalView(g.Kind, g.TargetYear, g.TargetCount, g.Owner, g.DeclaredStatus, g.DeclaredProgress, g.Note,
            GoalProgressRules.Compute(g, profile, today), g.Version)).ToList();
    }

    /// <summary>Saves an edit: a stale version is a 409 on "version"; a unique row made meanwhile by someone else a 409 on <paramref name="uniqueField"/>.</summary>
    private async Task SaveEditAsync(PlatformDbContext db, string uniqueField, string uniqueMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Err_Stale"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException(uniqueField, uniqueMessage);
        }
    }

    /// <summary>The enterprise, in the user's zone: another zone's is "not found", as everywhere.</summary>
    private async Task<EnterpriseRef> EnterpriseAsync(Guid enterpriseId, CancellationToken ct)
    {
        var e = await enterprises.FindAsync(enterpriseId, ct);
        if (e is null || e.ZoneId != user.ZoneId) throw new NotFoundException(l["Err_NoEnterprise"]);
        return e;
    }
}
