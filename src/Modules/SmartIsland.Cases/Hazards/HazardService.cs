using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Cases.Resources;
using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Hazards;

/// <summary>
/// The hazard ledger (隐患台账): inspection rounds, the hazards found in them — fixed on the spot (立行立改)
/// or ordered rectified by a deadline (限期整改) — and that loop's steps: rectified with photos after,
/// verified by the inspector, closed out (销号). A hazard is a case of the built-in type "hazard" with its
/// round, level, rectification, measure and responsible person; each recording or step is one audited save.
/// </summary>
public sealed class HazardService(
    IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user,
    IWorkingDayCalendarProvider calendars,
    TimeProvider time,
    CaseRouter router,
    CaseService cases,
    IEnterpriseDirectory enterprises,
    IOrganisationDirectory organisation,
    IStringLocalizer<HazardStrings> l)
{
    public const string TypeCode = "hazard";
    public const int PlaceMax = 300, NotesMax = 2000, MeasureMax = 1000, PersonMax = 100, AddressMax = 300;
    /// <summary>An export carries at most this many rows; a ledger larger than that is exported by filter (a round, an enterprise).</summary>
    public const int ExportMax = 50_000;

    // ---------------------------------------------------------------- rounds

    public async Task<RoundView> OpenRoundAsync(RoundInput input, CancellationToken ct = default)
    {
        var (zone, me) = DemandInspecting();
        var errors = new ValidationErrors();
        EnterpriseRef? enterprise = null;
        if (input.EnterpriseId is { } enterpriseId)
        {
            enterprise = await enterprises.FindAsync(enterpriseId, ct);
            if (enterprise is null || enterprise.ZoneId != zone) errors.Add("enterpriseId", l["Err_EnterpriseUnknown"]);
        }
        var place = string.IsNullOrWhiteSpace(input.Place) ? enterprise?.Name : input.Place.Trim();
        if (string.IsNullOrEmpty(place)) { if (input.EnterpriseId is null) errors.Add("place", l["Err_PlaceRequired"]); }
        else if (place.Length > PlaceMax) errors.Add("place", l["Err_TooLong", PlaceMax]);
        if (input.Notes?.Length > NotesMax) errors.Add("notes", l["Err_TooLong", NotesMax]);
        var now = time.GetUtcNow();
        // A few minutes' grace for a phone whose clock runs ahead.
        if (input.At is { } at && at > now.AddMinutes(5)) errors.Add("at", l["Err_AtFuture"]);
        errors.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = new InspectionRound
        {
            ZoneId = zone,
            InspectorUserId = me,
            InspectorName = DisplayName,
            At = input.At ?? now,
            EnterpriseId = enterprise?.Id,
            Place = place!,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
        };
        db.Add(round);
        db.AuditReason = "inspection round opened";
        await db.SaveChangesAsync(ct);
        return await GetRoundAsync(round.Id, ct);
    }

    /// <summary>The round's inspector (or an administrator) corrects the place text or adds notes.</summary>
    public async Task<RoundView> EditRoundAsync(Guid id, RoundEdit edit, CancellationToken ct = default)
    {
        var (_, me) = DemandInspecting();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<InspectionRound>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        if (round.InspectorUserId != me && !user.IsInRole(Roles.Admin))
            throw new ForbiddenException("hazards.round-edit: a round is corrected by its inspector (or an administrator)", l["Err_RoundEditForbidden"]);
        var errors = new ValidationErrors();
        var place = edit.Place?.Trim();
        if (string.IsNullOrEmpty(place)) errors.Add("place", l["Err_PlaceRequired"]);
        else if (place.Length > PlaceMax) errors.Add("place", l["Err_TooLong", PlaceMax]);
        if (edit.Notes?.Length > NotesMax) errors.Add("notes", l["Err_TooLong", NotesMax]);
        errors.ThrowIfAny();
        round.Place = place!;
        round.Notes = string.IsNullOrWhiteSpace(edit.Notes) ? null : edit.Notes.Trim();
        db.Entry(round).Property(r => r.Version).OriginalValue = edit.Version;
        db.AuditReason = "inspection round corrected";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Err_Conflict"]);
        }
        return await GetRoundAsync(id, ct);
    }

    public async Task<RoundView> GetRoundAsync(Guid id, CancellationToken ct = default)
    {
        DemandStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<InspectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        return (await ViewsAsync(db, [round], ct)).Single();
    }

    /// <summary>Rounds, newest first, each with its summary; optionally only one enterprise's or only mine.</summary>
    public async Task<RoundPage> ListRoundsAsync(Guid? enterpriseId = null, bool mine = false, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        DemandStaff();
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Clamp(page, 1, 100_000);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<InspectionRound>().AsNoTracking();
        if (enterpriseId is { } e) q = q.Where(r => r.EnterpriseId == e);
        if (mine && user.UserId is { } me) q = q.Where(r => r.InspectorUserId == me);
        var total = await q.CountAsync(ct);
        var rounds = await q.OrderByDescending(r => r.At).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new RoundPage(await ViewsAsync(db, rounds, ct), total, page, pageSize);
    }

    private async Task<IReadOnlyList<RoundView>> ViewsAsync(PlatformDbContext db, IReadOnlyList<InspectionRound> rounds, CancellationToken ct)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var now = time.GetUtcNow();
        var hazards = await db.Set<Case>().AsNoTracking().Where(c => c.InspectionRoundId != null && ids.Contains(c.InspectionRoundId.Value))
            .Select(c => new Counted(c.InspectionRoundId!.Value, c.HazardLevel, c.Rectification, c.State, c.ResolutionDueAt)).ToListAsync(ct);
        var names = await enterprises.NamesAsync([.. rounds.Where(r => r.EnterpriseId is not null).Select(r => r.EnterpriseId!.Value).Distinct()], ct);
        return rounds.Select(r =>
        {
            var summary = Summarise(hazards.Where(h => h.RoundId == r.Id), now);
            return new RoundView(r.Id, r.At, r.InspectorUserId, r.InspectorName, r.EnterpriseId,
                r.EnterpriseId is { } e ? names.GetValueOrDefault(e) : null, r.Place, r.Notes, summary, SummaryText(summary), r.Version);
        }).ToList();
    }

    private sealed record Counted(Guid RoundId, HazardLevel? Level, Rectification? Rectification, CaseState State, DateTimeOffset Due);

    private static RoundSummary Summarise(IEnumerable<Counted> hazards, DateTimeOffset now)
    {
        var list = hazards.ToList();
        return new RoundSummary(
            list.Count,
            list.Count(h => h.Level == HazardLevel.Major),
            list.Count(h => h.Rectification == Rectification.FixedOnTheSpot),
            list.Count(h => h.Rectification == Rectification.RectifyByDeadline),
            list.Count(h => h.State == CaseState.Closed),
            list.Count(h => IsOverdue(h.Rectification, h.State, h.Due, now)));
    }

    /// <summary>The round's line as the zone reports it: "发现隐患65条，立行立改34条，限期整改31条", then closed out and overdue.</summary>
    public string SummaryText(RoundSummary s) =>
        l["Summary", s.Found, s.Major > 0 ? l["SummaryMajor", s.Major].Value : "", s.FixedOnTheSpot, s.RectifyByDeadline, s.ClosedOut, s.Overdue];

    private static bool IsOverdue(Rectification? rectification, CaseState state, DateTimeOffset due, DateTimeOffset now) =>
        rectification == Rectification.RectifyByDeadline && HazardRules.AwaitsRectification(state) && due < now;

    // ---------------------------------------------------------------- recording

    /// <summary>
    /// Records a hazard found in a round, with its photos, in one audited save. Fixed on the spot: recorded as
    /// rectified, verified by the inspector who saw it done, and closed out. Rectify by deadline: routed to the
    /// responsible unit (the enterprise's park, else the category's department) with its deadline.
    /// </summary>
    public async Task<HazardDetail> RecordAsync(Guid roundId, HazardInput input, IReadOnlyList<PhotoUpload>? before = null, IReadOnlyList<PhotoUpload>? after = null, CancellationToken ct = default)
    {
        DemandInspecting();
        before ??= [];
        after ??= [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<InspectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        var type = await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == TypeCode, ct) ?? throw new NotFoundException(l["Err_NoHazardType"]);
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.CaseTypeId == type.Id).ToListAsync(ct);

        var errors = new ValidationErrors();
        var description = input.Description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Length > CaseService.DescriptionMax) errors.Add("description", l["Err_Description", CaseService.DescriptionMax]);
        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        if (address?.Length > AddressMax) errors.Add("address", l["Err_TooLong", AddressMax]);
        var level = Parse<HazardLevel>(input.Level);
        if (level is null) errors.Add("level", l["Err_Level"]);
        var category = categories.FirstOrDefault(c => string.Equals(c.Code, input.Category?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (category is null) errors.Add("category", l["Err_Category", string.Join(", ", categories.OrderBy(c => c.SortOrder).Select(c => c.Code))]);
        var rectification = Parse<Rectification>(input.Rectification);
        if (rectification is null) errors.Add("rectification", l["Err_Rectification"]);
        var measure = input.Measure?.Trim();
        if (string.IsNullOrEmpty(measure) || measure.Length > MeasureMax) errors.Add("measure", l["Err_Measure", MeasureMax]);
        var responsible = string.IsNullOrWhiteSpace(input.ResponsiblePerson) ? null : input.ResponsiblePerson.Trim();
        if (responsible?.Length > PersonMax) errors.Add("responsiblePerson", l["Err_TooLong", PersonMax]);
        else if (responsible is null && rectification == Rectification.RectifyByDeadline) errors.Add("responsiblePerson", l["Err_ResponsiblePerson"]);
        if (rectification == Rectification.FixedOnTheSpot && !string.IsNullOrWhiteSpace(input.Deadline)) errors.Add("deadline", l["Err_DeadlineNotForFixed"]);
        if (rectification == Rectification.RectifyByDeadline && after.Count > 0) errors.Add("afterPhotos", l["Err_AfterPhotosLater"]);

        var now = time.GetUtcNow();
        var priority = level == HazardLevel.Major ? CasePriority.Urgent : CasePriority.Normal;
        var calendar = await calendars.GetAsync(ct);
        var clock = new WorkingClock(calendar);
        DateTimeOffset due = now;
        string? deadlineNote = null;
        if (rectification == Rectification.RectifyByDeadline)
        {
            try
            {
                (due, deadlineNote) = Deadline(input.Deadline, calendar, clock, CaseService.Policy(type).Targets[priority].Resolution, now, errors);
            }
            catch (CalendarYearNotLoadedException e)
            {
                errors.Add("deadline", l["Err_CalendarNotLoaded", e.Year]);
            }
        }
        var photos = new List<CasePhoto>();
        if (before.Concat(after).Sum(p => (long)p.Content.Length) > PhotoCheck.MaxTotalBytes) errors.Add("beforePhotos", l["Err_PhotosTotal", PhotoCheck.MaxTotalBytes / 1024 / 1024]);
        CheckPhotos(before, "beforePhotos", PhotoStage.Before, now, errors, photos);
        CheckPhotos(after, "afterPhotos", PhotoStage.After, now, errors, photos);
        errors.ThrowIfAny();

        var fixedOnTheSpot = rectification == Rectification.FixedOnTheSpot;
        var route = await router.RouteAsync(round.ZoneId, category!.RouteToUnitId, category.Name, null, null, round.EnterpriseId, ct);
        var c = new Case
        {
            ZoneId = round.ZoneId,
            TrackingCode = CaseService.NewTrackingCode(now),
            CaseTypeId = type.Id,
            Priority = priority,
            State = fixedOnTheSpot ? CaseState.Closed : CaseState.InProgress,
            Description = description!,
            Address = address ?? round.Place,
            Source = CaseSource.Inspection,
            CategoryId = category.Id,
            AttributesJson = JsonSerializer.Serialize(new Dictionary<string, List<string>> { ["category"] = [category.Code] }, CaseJson.Options),
            EnterpriseId = round.EnterpriseId,
            GridId = route.GridId,
            AssignedUnitId = route.UnitId,
            SubmittedAt = now,
            // The inspector is staff on site: the response is the inspection itself.
            ResponseDueAt = now,
            FirstResponseAt = now,
            ResolutionDueAt = due,
            LastProgressAt = now,
            InspectionRoundId = round.Id,
            HazardLevel = level,
            HazardCategory = category.Name,
            Rectification = rectification,
            Measure = measure,
            ResponsiblePerson = responsible,
        };
        if (fixedOnTheSpot)
        {
            c.ResolvedAt = now;
            c.ClosedAt = now;
            c.HandlingWorkingHours = 0;
            c.ResolvedOnTime = true;
        }
        db.Add(c);
        foreach (var p in photos)
        {
            p.CaseId = c.Id;
            p.ZoneId = c.ZoneId;
        }
        db.AddRange(photos);
        // Steps a millisecond apart so the timeline keeps its order on both databases (SQLite stores 0.1 ms).
        var step = 0;
        void Step(string action, CaseState? from, CaseState to, string? reason) => db.Add(new CaseEvent
        {
            CaseId = c.Id, ZoneId = c.ZoneId, At = now.AddMilliseconds(step++), ActorUserId = user.UserId, ActorName = DisplayName,
            Action = action, FromState = from, ToState = to, Reason = reason,
        });
        Step("Submit", null, CaseState.InProgress, string.Join("; ", new[] { deadlineNote, "分派：" + route.Why }.Where(s => s is not null)));
        if (fixedOnTheSpot)
        {
            // 立行立改: done while the inspector watched — the loop's steps happen at once, by the inspector.
            Step(nameof(CaseAction.Resolve), CaseState.InProgress, CaseState.Resolved, measure);
            Step(nameof(CaseAction.Verify), CaseState.Resolved, CaseState.Verified, null);
            Step(nameof(CaseAction.Close), CaseState.Verified, CaseState.Closed, null);
        }
        db.AuditReason = fixedOnTheSpot ? "hazard recorded in an inspection, fixed on the spot" : "hazard recorded in an inspection, to be rectified by a deadline";
        await db.SaveChangesAsync(ct);
        return await GetAsync(c.Id, ct);
    }

    /// <summary>
    /// The deadline a rectification order carries: the end of office hours on the date the inspector picks
    /// — never before today; a rest day moves to the next working day (民法典 第二百零三条) — or else the
    /// hazard type's resolution target in working time (a major hazard counts as urgent).
    /// </summary>
    private (DateTimeOffset Due, string? Note) Deadline(string? text, WorkingDayCalendar calendar, WorkingClock clock, DeadlineTarget target, DateTimeOffset now, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return (target.DueFrom(clock, now), null);
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            errors.Add("deadline", l["Err_DeadlineFormat"]);
            return (now, null);
        }
        var today = DateOnly.FromDateTime(now.ToOffset(WorkingClock.ChinaOffset).DateTime);
        if (date < today)
        {
            errors.Add("deadline", l["Err_DeadlinePast", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
            return (now, null);
        }
        var day = calendar.IsWorkingDay(date) ? date : calendar.AddWorkingDays(date, 1);
        var due = clock.EndOfDay(day);
        if (due <= now)
        {
            errors.Add("deadline", l["Err_DeadlineOver"]);
            return (now, null);
        }
        return (due, day == date ? null : $"deadline {date:yyyy-MM-dd} is not a working day → {day:yyyy-MM-dd} (民法典 第二百零三条)");
    }

    private void CheckPhotos(IReadOnlyList<PhotoUpload> uploads, string field, PhotoStage stage, DateTimeOffset now, ValidationErrors errors, List<CasePhoto> into)
    {
        if (uploads.Count > PhotoCheck.MaxPhotos) errors.Add(field, l["Err_PhotosMax", PhotoCheck.MaxPhotos]);
        foreach (var (upload, i) in uploads.Take(PhotoCheck.MaxPhotos).Select((u, i) => (u, i)))
        {
            var (photo, problem) = PhotoCheck.Check(upload);
            if (problem is not null)
            {
                errors.Add(field, l["Err_Photo", upload.FileName ?? $"#{i + 1}", problem]);
                continue;
            }
            into.Add(new CasePhoto { Stage = stage, ContentType = "image/jpeg", Width = photo!.Width, Height = photo.Height, Size = photo.Jpeg.Length, Content = photo.Jpeg, UploadedAt = now, UploadedBy = user.UserId });
        }
    }

    // ---------------------------------------------------------------- the rectification loop

    /// <summary>
    /// One step of a hazard's rectification loop (<see cref="HazardRules.Workflow"/>): Resolve (with photos
    /// after), Verify, FailVerification (with a reason), Close (销号). <paramref name="expectedVersion"/> is the
    /// version the actor saw (If-Match); photos and the step are written together or not at all.
    /// </summary>
    public async Task<HazardDetail> ActAsync(Guid id, CaseAction action, HazardActionInput input, IReadOnlyList<PhotoUpload>? after = null, int? expectedVersion = null, CancellationToken ct = default)
    {
        DemandStaff();
        after ??= [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().Include(x => x.Pauses).FirstOrDefaultAsync(x => x.Id == id && x.InspectionRoundId != null, ct) ?? throw new NotFoundException(l["Err_HazardNotFound"]);
        if (expectedVersion is { } v && v != c.Version) throw new PreconditionFailedException(l["Err_Stale"]);
        var round = await db.Set<InspectionRound>().AsNoTracking().FirstAsync(r => r.Id == c.InspectionRoundId, ct);
        var decision = HazardRules.Workflow.Decide(c.State, action, RolesFor(round), input.Reason);
        if (decision is TransitionDecision.Refused { ReasonMissing: true } noReason) throw new ValidationFailedException("reason", l["Err_Reason"] + " (" + noReason.Rule + ")");
        if (decision is TransitionDecision.Refused refused) throw new ForbiddenException(refused.Rule, l["Err_Refused", l["Action_" + action], refused.Why]);
        var to = ((TransitionDecision.Allowed)decision).To;

        var now = time.GetUtcNow();
        var photos = new List<CasePhoto>();
        var errors = new ValidationErrors();
        if (action == CaseAction.Resolve)
        {
            if (after.Count == 0) errors.Add("afterPhotos", l["Err_AfterPhotoRequired"] + " (" + HazardRules.AfterPhotoRule + ")");
            var existing = await db.Set<CasePhoto>().CountAsync(p => p.CaseId == id && p.Stage == PhotoStage.After, ct);
            if (after.Sum(p => (long)p.Content.Length) > PhotoCheck.MaxTotalBytes) errors.Add("afterPhotos", l["Err_PhotosTotal", PhotoCheck.MaxTotalBytes / 1024 / 1024]);
            if (existing + after.Count > PhotoCheck.MaxPhotos) errors.Add("afterPhotos", l["Err_PhotosMax", PhotoCheck.MaxPhotos]);
            else CheckPhotos(after, "afterPhotos", PhotoStage.After, now, errors, photos);
        }
        else if (after.Count > 0) errors.Add("afterPhotos", l["Err_AfterPhotosLater"]);
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        if (reason?.Length > 1000) errors.Add("reason", l["Err_TooLong", 1000]);
        errors.ThrowIfAny();

        foreach (var p in photos)
        {
            p.CaseId = c.Id;
            p.ZoneId = c.ZoneId;
        }
        db.AddRange(photos);
        if (c.Pauses.FirstOrDefault(p => p.To is null) is { } open) open.To = now;
        if (to == CaseState.Resolved) await cases.StampResolutionAsync(c, now, ct);
        if (to == CaseState.Closed) c.ClosedAt = now;
        if (to == CaseState.Reopened) c.ResolvedAt = null;
        c.LastProgressAt = now;
        var text = photos.Count > 0 ? string.Join(" · ", new[] { reason, $"{PhotoStage.After} ×{photos.Count}" }.Where(s => s is not null)) : reason;
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = DisplayName, Action = action.ToString(), FromState = c.State, ToState = to, Reason = text });
        c.State = to;
        await CaseService.SaveActingAsync(db, c, expectedVersion, $"hazard {action}" + (reason is null ? "" : ": " + reason), ct);
        return await GetAsync(id, ct);
    }

    // ---------------------------------------------------------------- reading

    /// <summary>The hazard type's categories (消防安全, 用电安全 …), for the recording form.</summary>
    public async Task<IReadOnlyList<IntakeCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        DemandStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from c in db.Set<CaseCategory>().AsNoTracking()
                      join t in db.Set<CaseType>().AsNoTracking() on c.CaseTypeId equals t.Id
                      where t.Code == TypeCode
                      orderby c.SortOrder
                      select new IntakeCategory(c.Code, c.Name, c.NameEn)).ToListAsync(ct);
    }

    public async Task<HazardDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        DemandStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id && x.InspectionRoundId != null, ct)
            ?? throw new NotFoundException(l["Err_HazardNotFound"]);
        var round = await db.Set<InspectionRound>().AsNoTracking().FirstAsync(r => r.Id == c.InspectionRoundId, ct);
        var row = (await RowsAsync(db, [new Found { Case = c, Round = round }], ct)).Single();
        var photos = await db.Set<CasePhoto>().AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.UploadedAt)
            .Select(p => new CasePhotoView(p.Id, p.Stage, p.Width, p.Height, p.UploadedAt)).ToListAsync(ct);
        var roles = RolesFor(round);
        return new HazardDetail(row, photos,
            c.Events.OrderBy(e => e.At).Select(e => new CaseEventView(e.At, e.ActorName, e.Action, e.FromState, e.ToState, e.Reason)).ToList(),
            HazardRules.Workflow.ActionsFor(c.State, roles), roles.Contains(HazardRules.Inspector), c.Version);
    }

    /// <summary>The ledger: hazards found in inspections, filtered, sorted and paged as on screen.</summary>
    public async Task<HazardLedgerPage> LedgerAsync(HazardQuery query, CancellationToken ct = default)
    {
        DemandStaff();
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Clamp(query.Page, 1, 100_000);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = Filtered(db, query, time.GetUtcNow());
        var total = await q.CountAsync(ct);
        var found = await Sorted(q, query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new HazardLedgerPage(await RowsAsync(db, found, ct), total, page, pageSize);
    }

    /// <summary>Every row the query selects (up to <see cref="ExportMax"/>), in the order on screen, for the Excel export.</summary>
    internal async IAsyncEnumerable<HazardRow> AllAsync(HazardQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        DemandStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await Sorted(Filtered(db, query, time.GetUtcNow()), query).Take(ExportMax).ToListAsync(ct);
        foreach (var chunk in found.Chunk(500))
        {
            foreach (var row in await RowsAsync(db, chunk, ct)) yield return row;
        }
    }

    /// <summary>A hazard with its round: what a ledger line is made of (initialised by members, which EF can compose on).</summary>
    internal sealed class Found
    {
        public required Case Case { get; init; }
        public required InspectionRound Round { get; init; }
    }

    private static IQueryable<Found> Filtered(PlatformDbContext db, HazardQuery query, DateTimeOffset now)
    {
        var hazards = db.Set<Case>().AsNoTracking().Where(c => c.InspectionRoundId != null);
        if (query.RoundId is { } round) hazards = hazards.Where(c => c.InspectionRoundId == round);
        if (query.EnterpriseId is { } enterprise) hazards = hazards.Where(c => c.EnterpriseId == enterprise);
        if (query.Level is { } level) hazards = hazards.Where(c => c.HazardLevel == level);
        if (query.Rectification is { } rectification) hazards = hazards.Where(c => c.Rectification == rectification);
        if (query.Status is { } status)
        {
            var states = HazardRules.StatesOf(status).ToList();
            hazards = hazards.Where(c => states.Contains(c.State));
        }
        if (query.OverdueOnly)
        {
            var open = HazardRules.StatesOf(HazardStatus.Rectifying).ToList();
            hazards = hazards.Where(c => c.Rectification == Rectification.RectifyByDeadline && open.Contains(c.State) && c.ResolutionDueAt < now);
        }
        return from c in hazards
               join r in db.Set<InspectionRound>().AsNoTracking() on c.InspectionRoundId equals (Guid?)r.Id
               select new Found { Case = c, Round = r };
    }

    private static IQueryable<Found> Sorted(IQueryable<Found> q, HazardQuery query) => (query.Sort, query.Desc) switch
    {
        (HazardSort.Deadline, false) => q.OrderBy(f => f.Case.ResolutionDueAt).ThenBy(f => f.Case.SubmittedAt),
        (HazardSort.Deadline, true) => q.OrderByDescending(f => f.Case.ResolutionDueAt).ThenByDescending(f => f.Case.SubmittedAt),
        (HazardSort.Level, false) => q.OrderBy(f => f.Case.HazardLevel).ThenByDescending(f => f.Case.SubmittedAt),
        (HazardSort.Level, true) => q.OrderByDescending(f => f.Case.HazardLevel).ThenByDescending(f => f.Case.SubmittedAt),
        (HazardSort.Status, false) => q.OrderBy(f => f.Case.State).ThenByDescending(f => f.Case.SubmittedAt),
        (HazardSort.Status, true) => q.OrderByDescending(f => f.Case.State).ThenByDescending(f => f.Case.SubmittedAt),
        (_, false) => q.OrderBy(f => f.Round.At).ThenBy(f => f.Case.SubmittedAt),
        _ => q.OrderByDescending(f => f.Round.At).ThenByDescending(f => f.Case.SubmittedAt),
    };

    private async Task<IReadOnlyList<HazardRow>> RowsAsync(PlatformDbContext db, IReadOnlyList<Found> found, CancellationToken ct)
    {
        if (found.Count == 0) return [];
        var ids = found.Select(f => f.Case.Id).ToList();
        var categories = await db.Set<CaseCategory>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Name }, ct);
        var units = (await organisation.UnitsAsync(found[0].Case.ZoneId, ct)).ToDictionary(u => u.Id, u => u.Name);
        // The last verification of each hazard: who accepted the rectification (验收人) and when.
        var verifications = (await db.Set<CaseEvent>().AsNoTracking().Where(e => ids.Contains(e.CaseId) && e.Action == nameof(CaseAction.Verify))
                .Select(e => new { e.CaseId, e.ActorName, e.At }).ToListAsync(ct))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).Last());
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        var today = DateOnly.FromDateTime(now.ToOffset(WorkingClock.ChinaOffset).DateTime);
        return found.Select(f =>
        {
            var c = f.Case;
            var category = c.CategoryId is { } cat ? categories.GetValueOrDefault(cat) : null;
            var byDeadline = c.Rectification == Rectification.RectifyByDeadline;
            var verified = verifications.GetValueOrDefault(c.Id);
            return new HazardRow(
                c.Id, c.TrackingCode, f.Round.Id, f.Round.At, f.Round.InspectorName, c.EnterpriseId, f.Round.Place,
                c.Description, c.Address, category?.Code, category?.Name ?? c.HazardCategory, c.HazardLevel ?? HazardLevel.General,
                c.Rectification ?? Rectification.RectifyByDeadline, c.Measure, c.ResponsiblePerson,
                c.AssignedUnitId is { } unit ? units.GetValueOrDefault(unit) : null,
                byDeadline ? c.ResolutionDueAt : null, c.State, HazardRules.StatusOf(c.State),
                IsOverdue(c.Rectification, c.State, c.ResolutionDueAt, now),
                byDeadline && HazardRules.AwaitsRectification(c.State) ? WorkingDaysLeft(calendar, today, c.ResolutionDueAt) : null,
                c.ResolvedAt, verified?.ActorName, verified?.At, c.State == CaseState.Closed ? c.ClosedAt : null);
        }).ToList();
    }

    /// <summary>Working days from today to the deadline's day (negative once past it); null past the loaded calendar years.</summary>
    private static int? WorkingDaysLeft(WorkingDayCalendar calendar, DateOnly today, DateTimeOffset due)
    {
        try
        {
            return calendar.WorkingDaysBetween(today, DateOnly.FromDateTime(due.ToOffset(WorkingClock.ChinaOffset).DateTime));
        }
        catch (CalendarYearNotLoadedException)
        {
            return null;
        }
    }

    // ---------------------------------------------------------------- who

    private string DisplayName => user.Principal.FindFirstValue(PlatformClaims.DisplayName) ?? user.UserName ?? "";

    private (Guid Zone, Guid Me) DemandInspecting()
    {
        if (!user.IsInAnyRole(HazardRules.Inspecting) || user.ZoneId is not { } zone || user.UserId is not { } me)
            throw new ForbiddenException(HazardRules.InspectRule, l["Err_InspectForbidden"]);
        return (zone, me);
    }

    private void DemandStaff()
    {
        if (!user.IsInAnyRole([.. Roles.Staff])) throw new ForbiddenException(HazardRules.ReadRule, l["Err_ReadForbidden"]);
    }

    /// <summary>The user's roles, plus <see cref="HazardRules.Inspector"/> when they opened the round.</summary>
    private List<string> RolesFor(InspectionRound round)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        if (user.UserId is { } me && me == round.InspectorUserId) roles.Add(HazardRules.Inspector);
        return roles;
    }

    /// <summary>An enum by its name only (not a number, not a comma list), so "5" or "General, Major" is refused.</summary>
    private static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => string.Equals(v.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
