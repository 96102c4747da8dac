using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Features;

/// <summary>
/// The case engine's use cases: submit, read, act. Every transition is decided by the type's workflow on
/// the server, stamped on the timeline, and audited; deadlines come from the type's policy on the
/// working-time clock.
/// </summary>
public sealed class CaseService(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IWorkingDayCalendarProvider calendars, TimeProvider time, CaseRouter router, IOrganisationDirectory organisation)
{
    public const int DescriptionMax = 4000;

    public async Task<CaseView> SubmitAsync(CaseSubmission input, IReadOnlyList<PhotoUpload>? photos = null, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) throw new ForbiddenException("cases.submit: sign in, or use the public report page", "Sign in to submit a case.");
        var source = user.IsInAnyRole([.. Roles.Staff]) ? CaseSource.Staff : CaseSource.Requester;
        if (user.EnterpriseId is { } own) input.EnterpriseId = own; // an enterprise raises its own requests only
        var c = await IntakeAsync(null, input, source, null, photos ?? [], ct);
        return await GetAsync(c.Id, ct);
    }

    /// <summary>A report from the public page: no account, the zone the page serves; returns the tracking code.</summary>
    public async Task<string> SubmitPublicAsync(Guid zoneId, CaseSubmission input, IReadOnlyList<PhotoUpload>? photos = null, CancellationToken ct = default)
    {
        input.EnterpriseId = null;
        return (await IntakeAsync(zoneId, input, CaseSource.PublicPage, null, photos ?? [], ct)).TrackingCode;
    }

    /// <summary>The types the public may submit in a zone (report page, Open311), with categories and form fields.</summary>
    public async Task<IReadOnlyList<IntakeType>> PublicTypesAsync(Guid zoneId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        var types = await db.Set<CaseType>().AsNoTracking().Where(t => t.Public).OrderBy(t => t.Code).ToListAsync(ct);
        var categories = await db.Set<CaseCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var result = new List<IntakeType>();
        foreach (var t in types)
        {
            result.Add(new IntakeType(t.Id, t.Code, t.Name, t.NameEn, t.Kind,
                categories.Where(c => c.CaseTypeId == t.Id).Select(c => new IntakeCategory(c.Code, c.Name, c.NameEn)).ToList(),
                await FormAsync(db, t, ct)));
        }
        return result;
    }

    /// <summary>Progress by tracking code, for anyone who has the code: no personal data, no staff names.</summary>
    public async Task<PublicCaseView?> TrackAsync(string code, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Public and zone-less: the tracking code is unique across zones.
        var c = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct);
        if (c is null) return null;
        var type = await db.Set<CaseType>().IgnoreQueryFilters().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        return new PublicCaseView(c.TrackingCode, type.Name, type.NameEn, c.State, c.SubmittedAt, c.ResolutionDueAt,
            c.Events.Where(e => e.ZoneId == c.ZoneId && PublicSteps.Contains(e.Action)).OrderBy(e => e.At).Select(e => new PublicCaseStep(e.At, e.Action, e.ToState)).ToList());
    }

    /// <summary>Steps the public sees: the loop's transitions, not staff comments or internal notes.</summary>
    private static readonly HashSet<string> PublicSteps = [.. Enum.GetNames<CaseAction>(), "Submit", "Rate", "Merge"];

    /// <summary>
    /// Intake for every channel: checks the submission against the type's form, checks the photos by their
    /// content, routes the case, sets its deadlines, and writes it with its photos and first timeline step
    /// in one audited save. With an idempotency key, a retry returns the case the first attempt made.
    /// </summary>
    internal async Task<IntakeResult> IntakeAsync(Guid? zoneId, CaseSubmission input, CaseSource source, string? idempotencyKey, IReadOnlyList<PhotoUpload> photos, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (zoneId is { } zone) db.UseZone(zone);
        var zoneOfCase = zoneId ?? user.ZoneId ?? throw new ForbiddenException("cases.zone: a case belongs to a zone", "No zone.");
        if (idempotencyKey is not null && await FindByKeyAsync(db, idempotencyKey, ct) is { } earlier) return earlier;

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Description)) errors.Add("description", "A description is required.");
        else if (input.Description.Length > DescriptionMax) errors.Add("description", $"At most {DescriptionMax} characters.");
        if (string.IsNullOrWhiteSpace(input.Address) && (input.Latitude is null || input.Longitude is null)) errors.Add("location", "An address or a point (latitude and longitude) is required.");
        if (input.Latitude is < -90 or > 90 || input.Latitude is double.NaN) errors.Add("latitude", "Latitude is between -90 and 90.");
        if (input.Longitude is < -180 or > 180 || input.Longitude is double.NaN) errors.Add("longitude", "Longitude is between -180 and 180.");
        if (input.Address?.Length > 300) errors.Add("address", "At most 300 characters.");
        if (input.RequesterName?.Length > 100) errors.Add("requesterName", "At most 100 characters.");
        if (!Enum.IsDefined(input.Priority)) errors.Add("priority", "Unknown priority.");
        if (input.RequesterPhone is { Length: > 0 } phone && !PhoneNumbers.IsPlausible(phone))
            errors.Add("requesterPhone", "The phone number is not valid.");
        var type = string.IsNullOrWhiteSpace(input.TypeCode) ? null : await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == input.TypeCode, ct);
        if (type is null || (source is CaseSource.PublicPage or CaseSource.Open311 && !type.Public)) errors.Add("typeCode", "Unknown case type.");

        CaseCategory? category = null;
        var attributes = new Dictionary<string, List<string>>();
        if (type is not null)
        {
            var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.CaseTypeId == type.Id).ToListAsync(ct);
            var fields = await FormAsync(db, type, ct);
            var given = input.Attributes ?? [];
            var categoryCode = input.Category ?? given.GetValueOrDefault("category")?.FirstOrDefault();
            if (!string.IsNullOrWhiteSpace(categoryCode)) given["category"] = [categoryCode];
            foreach (var field in fields.Where(f => f.Variable))
            {
                var answers = given.GetValueOrDefault(field.Code);
                if (field.Check(answers) is { } problem) errors.Add($"attribute[{field.Code}]", problem);
                else if (answers?.Where(a => !string.IsNullOrWhiteSpace(a)).ToList() is { Count: > 0 } kept) attributes[field.Code] = kept;
            }
            category = categoryCode is null ? null : categories.FirstOrDefault(c => c.Code == categoryCode);
            if (categories.Count > 0 && category is null) errors.Add("category", "Unknown category.");
        }
        if (photos.Count > PhotoCheck.MaxPhotos) errors.Add("photos", $"At most {PhotoCheck.MaxPhotos} photos.");
        var checkedPhotos = new List<CheckedPhoto>();
        foreach (var (photo, i) in photos.Take(PhotoCheck.MaxPhotos).Select((p, i) => (p, i)))
        {
            var (ok, problem) = PhotoCheck.Check(photo);
            if (problem is not null) errors.Add("photos", $"{photo.FileName ?? $"#{i + 1}"}: {problem}");
            else checkedPhotos.Add(ok!);
        }
        errors.ThrowIfAny();

        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var policy = Policy(type!);
        var now = time.GetUtcNow();
        var (response, resolution) = policy.Targets[input.Priority];
        var route = await router.RouteAsync(zoneOfCase, category?.RouteToUnitId, category?.Name, input.Latitude, input.Longitude, input.EnterpriseId, ct);
        var c = new Case
        {
            ZoneId = zoneOfCase,
            TrackingCode = NewTrackingCode(now),
            CaseTypeId = type!.Id,
            Priority = input.Priority,
            Description = input.Description!.Trim(),
            Address = input.Address?.Trim(),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            RequesterUserId = source is CaseSource.PublicPage or CaseSource.Open311 ? null : user.UserId,
            RequesterPhone = input.RequesterPhone?.Trim(),
            RequesterName = input.RequesterName?.Trim(),
            HidePersonalData = input.HidePersonalData,
            Source = source,
            CategoryId = category?.Id,
            AttributesJson = JsonSerializer.Serialize(attributes, CaseJson.Options),
            EnterpriseId = input.EnterpriseId,
            GridId = route.GridId,
            AssignedUnitId = route.UnitId,
            UnitNeedsConfirmation = route.UnitNeedsConfirmation,
            IdempotencyKey = idempotencyKey,
            SubmittedAt = now,
            ResponseDueAt = Guarded(() => response.DueFrom(clock, now)),
            ResolutionDueAt = Guarded(() => resolution.DueFrom(clock, now)),
        };
        db.Add(c);
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = ActorName(source), Action = "Submit", ToState = CaseState.Submitted, Reason = "routing: " + route.Why });
        foreach (var p in checkedPhotos)
            db.Add(new CasePhoto { CaseId = c.Id, ZoneId = c.ZoneId, Stage = PhotoStage.Report, ContentType = "image/jpeg", Width = p.Width, Height = p.Height, Size = p.Jpeg.Length, Content = p.Jpeg, UploadedAt = now, UploadedBy = user.UserId });
        if (route.UnitNeedsConfirmation)
            db.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.UnitToConfirm, RecipientUnitId = route.UnitId, At = now, Message = "The point is near a grid boundary: confirm the unit or move the case." });
        if (route.NotifyChiefServiceOfficer)
            db.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.RequesterUpdate, RecipientRole = Roles.ChiefServiceOfficer, At = now, Message = "An enterprise raised a request." });
        db.AuditReason = source switch
        {
            CaseSource.PublicPage => "case reported on the public page",
            CaseSource.Open311 => "case submitted through Open311",
            CaseSource.Inspection => "hazard recorded in an inspection",
            _ => "case submitted",
        };
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && DatabaseErrors.IsUniqueViolation(e))
        {
            // The same key raced in on another request: that one made the case, this one reports it.
            await using var again = await dbs.CreateDbContextAsync(ct);
            again.UseZone(zoneOfCase);
            return await FindByKeyAsync(again, idempotencyKey, ct) ?? throw new ConflictException("idempotencyKey", "The request is being processed; retry shortly.");
        }
        return new IntakeResult(c.Id, c.TrackingCode, c.SubmittedAt, c.ResolutionDueAt, false);
    }

    private static async Task<IntakeResult?> FindByKeyAsync(PlatformDbContext db, string key, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().Where(c => c.IdempotencyKey == key)
            .Select(c => new IntakeResult(c.Id, c.TrackingCode, c.SubmittedAt, c.ResolutionDueAt, true)).FirstOrDefaultAsync(ct);

    private string? ActorName(CaseSource source) => source switch
    {
        CaseSource.PublicPage => null,
        CaseSource.Open311 => user.UserName ?? "Open311",
        _ => user.UserName,
    };

    /// <summary>A type's form fields; the category field lists the type's categories as they are now.</summary>
    internal static async Task<IReadOnlyList<FormField>> FormAsync(PlatformDbContext db, CaseType type, CancellationToken ct)
    {
        var fields = JsonSerializer.Deserialize<List<FormField>>(type.FormFieldsJson, CaseJson.Options) ?? [];
        if (fields.All(f => f.Code != "category")) return fields;
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.CaseTypeId == type.Id).OrderBy(c => c.SortOrder).ToListAsync(ct);
        return fields.Select(f => f.Code == "category" ? f with { Values = categories.Select(c => new FormFieldValue(c.Code, c.Name, c.NameEn)).ToList() } : f).OrderBy(f => f.Order).ToList();
    }

    public async Task<CaseView> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Events).Include(x => x.Pauses).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        return await ViewAsync(db, c, type, ct);
    }

    /// <summary>Takes one workflow action. <paramref name="expectedVersion"/> is the version the actor saw (If-Match).</summary>
    public async Task<CaseView> ActAsync(Guid id, CaseAction action, CaseActionRequest request, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().Include(x => x.Pauses).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        if (expectedVersion is { } v && v != c.Version) throw new PreconditionFailedException("The case changed since you read it; reload and try again.");
        var roles = CurrentRoles();
        if (action is CaseAction.RequesterReplied or CaseAction.RateUnsatisfied && roles.Any(r => r is Roles.Citizen or Roles.EnterpriseUser) && c.RequesterUserId != user.UserId)
            throw new ForbiddenException("cases.requester: only the requester answers or rates their own case", "Only the requester may do this.");
        var decision = CaseWorkflow.Default.Decide(c.State, action, roles, request.Reason);
        if (decision is TransitionDecision.Refused { ReasonMissing: true } noReason) throw new ValidationFailedException("reason", noReason.Why + " (" + noReason.Rule + ")");
        if (decision is TransitionDecision.Refused refused) throw new ForbiddenException(refused.Rule, refused.Why);
        var to = ((TransitionDecision.Allowed)decision).To;

        var now = time.GetUtcNow();
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        var policy = Policy(type);
        if (action == CaseAction.Assign)
        {
            if (request.AssignToUserId is null && request.AssignToUnitId is null) throw new ValidationFailedException("assignToUserId", "Name the handler or the unit to assign to.");
            c.AssignedUserId = request.AssignToUserId ?? c.AssignedUserId;
            c.AssignedUnitId = request.AssignToUnitId ?? c.AssignedUnitId;
        }
        var isStaff = roles.Any(r => Roles.Staff.Contains(r));
        if (isStaff && c.FirstResponseAt is null) c.FirstResponseAt = now;
        if (policy.IsPaused(to) && !policy.IsPaused(c.State)) db.Add(new CasePause { CaseId = c.Id, ZoneId = c.ZoneId, From = now });
        if (!policy.IsPaused(to) && c.Pauses.FirstOrDefault(p => p.To is null) is { } open) open.To = now;
        if (to == CaseState.Resolved) c.ResolvedAt = now;
        if (to == CaseState.Closed) c.ClosedAt = now;
        if (to == CaseState.Reopened) c.ResolvedAt = null;

        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = user.UserName, Action = action.ToString(), FromState = c.State, ToState = to, Reason = request.Reason?.Trim() });
        c.State = to;
        db.Entry(c).Property(x => x.Version).OriginalValue = expectedVersion ?? c.Version;
        db.AuditReason = request.Reason?.Trim() ?? action.ToString();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "Someone else acted on this case at the same time; reload to see what changed.");
        }
        return await GetAsync(id, ct);
    }

    /// <summary>The work queue: the zone's cases for staff (or those assigned to me), a requester's own cases otherwise.</summary>
    public async Task<CasePage> ListAsync(CaseQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Clamp(query.Page, 1, 100_000);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Case>().AsNoTracking();
        var me = user.UserId;
        if (!user.IsInAnyRole([.. Roles.Staff])) q = q.Where(c => c.RequesterUserId == me);
        else if (query.Mine) q = q.Where(c => c.AssignedUserId == me);
        if (query.State is { } state) q = q.Where(c => c.State == state);
        var now = time.GetUtcNow();
        if (query.OverdueOnly) q = q.Where(c => c.State != CaseState.Closed && c.State != CaseState.Rejected && c.ResolvedAt == null && c.ResolutionDueAt < now);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var code = s.ToUpperInvariant();
            q = q.Where(c => c.TrackingCode == code || c.Description.Contains(s) || (c.Address != null && c.Address.Contains(s)));
        }
        var total = await q.CountAsync(ct);
        var types = await db.Set<CaseType>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = await q.OrderByDescending(c => c.SubmittedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CasePage(rows.Select(c => new CaseListItem(
            c.Id, c.TrackingCode, types.GetValueOrDefault(c.CaseTypeId, ""), c.Priority, c.State, c.Description, c.Address, c.SubmittedAt, c.ResolutionDueAt,
            CaseWorkflow.IsOpen(c.State) && c.ResolvedAt is null && c.ResolutionDueAt < now)).ToList(), total, page, pageSize);
    }

    private List<string> CurrentRoles() => Roles.All.Where(user.IsInRole).ToList();

    /// <summary>Staff see their zone's cases; a requester sees their own.</summary>
    private void DemandRead(Case c)
    {
        if (user.IsInAnyRole([.. Roles.Staff])) return;
        if (user.UserId is { } me && c.RequesterUserId == me) return;
        throw new ForbiddenException("cases.read: staff read their zone's cases; a requester reads only their own", "You may not view this case.");
    }

    private async Task<CaseView> ViewAsync(PlatformDbContext db, Case c, CaseType type, CancellationToken ct)
    {
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var status = DeadlineStatus.At(clock, c.SubmittedAt, c.ResolutionDueAt, c.Pauses.Select(p => new Pause(p.From, p.To)).ToList(), c.ClosedAt ?? c.ResolvedAt ?? time.GetUtcNow());
        var roles = CurrentRoles();
        var seePersonal = CanSeePersonalData(c);
        var category = c.CategoryId is { } cat ? await db.Set<CaseCategory>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == cat, ct) : null;
        var units = await organisation.UnitsAsync(c.ZoneId, ct);
        var assignee = c.AssignedUserId is { } a ? await db.Users.AsNoTracking().Where(u => u.Id == a).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var photos = await db.Set<CasePhoto>().AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.UploadedAt)
            .Select(p => new CasePhotoView(p.Id, p.Stage, p.Width, p.Height, p.UploadedAt)).ToListAsync(ct);
        var mergedInto = c.MergedIntoCaseId is { } m ? await db.Set<Case>().AsNoTracking().Where(x => x.Id == m).Select(x => new CaseLink(x.Id, x.TrackingCode, x.State)).FirstOrDefaultAsync(ct) : null;
        var duplicates = await db.Set<Case>().AsNoTracking().Where(x => x.MergedIntoCaseId == c.Id).OrderBy(x => x.SubmittedAt).Select(x => new CaseLink(x.Id, x.TrackingCode, x.State)).ToListAsync(ct);
        return new CaseView(
            c.Id, c.TrackingCode, type.Code, type.Name, c.Priority, c.State, c.Description, c.Address, c.Latitude, c.Longitude,
            seePersonal ? c.RequesterPhone : Masking.Phone(c.RequesterPhone),
            c.AssignedUnitId, c.AssignedUserId, c.SubmittedAt, c.ResponseDueAt, c.FirstResponseAt, status,
            CaseWorkflow.Default.ActionsFor(c.State, roles),
            c.Events.OrderBy(e => e.At).Select(e => new CaseEventView(e.At, e.ActorName, e.Action, e.FromState, e.ToState, e.Reason)).ToList(),
            c.Version)
        {
            RequesterName = c.RequesterName is null ? null : seePersonal ? c.RequesterName : Masking.PersonName(c.RequesterName),
            Source = c.Source,
            CategoryCode = category?.Code,
            CategoryName = category?.Name,
            Attributes = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(c.AttributesJson, CaseJson.Options) ?? [],
            UnitName = units.FirstOrDefault(u => u.Id == c.AssignedUnitId)?.Name,
            AssignedUserName = assignee,
            EnterpriseId = c.EnterpriseId,
            GridId = c.GridId,
            UnitNeedsConfirmation = c.UnitNeedsConfirmation,
            EscalationLevel = c.EscalationLevel,
            SupervisedAt = c.SupervisedAt,
            ProgressOverdue = c.ProgressOverdue,
            Rating = c.Rating,
            RatingComment = c.RatingComment,
            Photos = photos,
            MergedInto = mergedInto,
            Duplicates = duplicates,
            InspectionRoundId = c.InspectionRoundId,
            HazardLevel = c.HazardLevel,
            Rectification = c.Rectification,
            Measure = c.Measure,
            ResponsiblePerson = c.ResponsiblePerson,
            Anonymised = c.AnonymisedAt is not null,
        };
    }

    /// <summary>
    /// Who sees a requester's name and phone unmasked: the requester, and the staff who must call back
    /// (administrators, leaders, departments, parks, chief service officers) — unless the requester asked
    /// to keep them private, when only the handling unit's staff and administrators do.
    /// </summary>
    private bool CanSeePersonalData(Case c)
    {
        if (c.RequesterUserId is { } r && r == user.UserId) return true;
        if (c.HidePersonalData) return user.IsInRole(Roles.Admin) || (user.UnitId is { } unit && unit == c.AssignedUnitId);
        return user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer);
    }

    internal static DeadlinePolicy Policy(CaseType type) =>
        JsonSerializer.Deserialize<DeadlinePolicyData>(type.PolicyJson, CaseJson.Options)!.ToPolicy();

    private static DateTimeOffset Guarded(Func<DateTimeOffset> due)
    {
        try
        {
            return due();
        }
        catch (CalendarYearNotLoadedException e)
        {
            throw new ValidationFailedException("submittedAt", $"The working-day calendar for {e.Year} is not loaded; deadlines cannot be set.");
        }
    }

    /// <summary>"SI" + yyMMdd + 6 characters without look-alikes (no 0/O, 1/I/L).</summary>
    private static string NewTrackingCode(DateTimeOffset now)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(6);
        return "SI" + now.ToOffset(WorkingClock.ChinaOffset).ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            + new string(bytes.Select(b => alphabet[b % alphabet.Length]).ToArray());
    }
}
