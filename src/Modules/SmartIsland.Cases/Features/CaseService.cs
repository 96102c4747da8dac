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
public sealed class CaseService(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IWorkingDayCalendarProvider calendars, TimeProvider time, CaseRouter router, IOrganisationDirectory organisation,
    CaseTypeCache typeCache)
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

    /// <summary>
    /// Opens a case another module tracks to closure (a follow-up): the promise's due date is the case's resolution
    /// deadline, so reminders and 督办 escalation come from the same sweeps as every other case. The module
    /// decides who owes what and when; intake's requester checks do not apply. Returns the case's id and code.
    /// </summary>
    public async Task<IntakeResult> OpenFollowUpAsync(FollowUp input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(input.ZoneId);
        var form = await typeCache.GetAsync(db, input.ZoneId, input.TypeCode, ct);
        if (form?.Type is not { Kind: CaseKind.FollowUp } type) throw new ValidationFailedException("typeCode", $"No follow-up case type '{input.TypeCode}' in this zone.");
        var now = time.GetUtcNow();
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var c = new Case
        {
            ZoneId = input.ZoneId, TrackingCode = NewTrackingCode(now), CaseTypeId = type.Id, Priority = CasePriority.Normal,
            Description = input.Description.Trim(), Address = input.Address, RequesterUserId = input.RequesterUserId,
            Source = CaseSource.Staff, CategoryId = form.Categories.Count > 0 ? form.Categories[0].Id : null, EnterpriseId = input.EnterpriseId,
            AssignedUnitId = input.UnitId, SubmittedAt = now, State = CaseState.Accepted, FirstResponseAt = now,
            ResponseDueAt = Guarded(() => form.Policy.Targets[CasePriority.Normal].Response.DueFrom(clock, now)),
            ResolutionDueAt = input.DueAt,
        };
        db.Add(c);
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = input.OpenedBy, Action = "Submit", ToState = CaseState.Submitted, Reason = input.Reason });
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = input.OpenedBy, Action = "Accept", FromState = CaseState.Submitted, ToState = CaseState.Accepted, Reason = input.Reason });
        db.AuditReason = input.Reason;
        await db.SaveChangesAsync(ct);
        return new IntakeResult(c.Id, c.TrackingCode, now, c.ResolutionDueAt, false);
    }

    /// <summary>Closes a follow-up when its promise is kept (resolution stamped: on time or late, for the metrics).</summary>
    public async Task CloseFollowUpAsync(Guid zoneId, Guid caseId, string reason, string? actorName, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        var c = await db.Set<Case>().Include(x => x.Pauses).FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("Case not found.");
        if (c.State is CaseState.Closed or CaseState.Rejected) return;
        var now = time.GetUtcNow();
        await StampResolutionAsync(c, now, ct);
        c.ClosedAt = now;
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = actorName, Action = "Close", FromState = c.State, ToState = CaseState.Closed, Reason = reason });
        c.State = CaseState.Closed;
        await SaveActingAsync(db, c, null, reason, ct);
    }

    /// <summary>
    /// Code and state of the current zone's cases by id, for a module that follows cases it opened (a lagging project's
    /// problems) without reading their content; unknown ids are left out.
    /// </summary>
    public async Task<IReadOnlyList<CaseLink>> LinksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new CaseLink(c.Id, c.TrackingCode, c.State)).ToListAsync(ct);
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
        var follow = c.MergedIntoCaseId is { } m ? await db.Set<Case>().IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == m).Select(x => x.TrackingCode).FirstOrDefaultAsync(ct) : null;
        return new PublicCaseView(c.TrackingCode, type.Name, type.NameEn, c.State, c.SubmittedAt, c.ResolutionDueAt,
            c.Events.Where(e => e.ZoneId == c.ZoneId && PublicSteps.Contains(e.Action)).OrderBy(e => e.At).Select(e => new PublicCaseStep(e.At, e.Action, e.ToState)).ToList())
        {
            CanRate = AwaitsRating(c),
            Rating = c.Rating,
            FollowCode = follow,
        };
    }

    /// <summary>Steps the public sees: the loop's transitions, not staff comments or internal notes.</summary>
    private static readonly HashSet<string> PublicSteps = [.. Enum.GetNames<CaseAction>(), "Submit", "Rate", "Merge"];

    /// <summary>
    /// Intake for every channel: checks the submission against the type's form, checks the photos by their
    /// content, routes the case, sets its deadlines, and writes it with its photos and first timeline step
    /// in one audited save. With an idempotency key, a retry returns the case the first attempt made.
    /// </summary>
    /// <param name="save">How the new rows are written; by default one save of their own. Open311 passes its group commit.</param>
    internal async Task<IntakeResult> IntakeAsync(Guid? zoneId, CaseSubmission input, CaseSource source, string? idempotencyKey, IReadOnlyList<PhotoUpload> photos, CancellationToken ct,
        Func<PlatformDbContext, Task>? save = null)
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
        var form = string.IsNullOrWhiteSpace(input.TypeCode) ? null : await typeCache.GetAsync(db, zoneOfCase, input.TypeCode, ct);
        var type = form?.Type;
        if (type is null || (source is CaseSource.PublicPage or CaseSource.Open311 && !type.Public)) errors.Add("typeCode", "Unknown case type.");
        else if (type.Kind == CaseKind.SupervisionTask && !user.IsInAnyRole(Roles.ZoneLeader, Roles.Admin))
            throw new ForbiddenException("cases.supervision.raise: supervision tasks are raised by the zone's leaders", "Only leaders raise supervision tasks.");
        else if (type.Kind == CaseKind.InspectionFinding && !user.IsInAnyRole([.. Roles.Staff]))
            throw new ForbiddenException("cases.inspection.raise: inspection findings are recorded by staff", "Only staff record inspection findings.");

        CaseCategory? category = null;
        var attributes = new Dictionary<string, List<string>>();
        if (type is not null)
        {
            var categories = form!.Categories;
            var fields = form.Fields;
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
        var checkedPhotos = CheckPhotos(photos, errors);
        errors.ThrowIfAny();

        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var policy = form!.Policy;
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
        var rows = new List<object> { c };
        rows.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = ActorName(source), Action = "Submit", ToState = CaseState.Submitted, Reason = "分派：" + route.Why });
        rows.AddRange(checkedPhotos.Select(p => PhotoRow(c, PhotoStage.Report, p, now)));
        if (route.UnitNeedsConfirmation)
            rows.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.UnitToConfirm, RecipientUnitId = route.UnitId, At = now, Message = "The point is near a grid boundary: confirm the unit or move the case." });
        if (route.NotifyChiefServiceOfficer)
            rows.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.RequesterUpdate, RecipientRole = Roles.ChiefServiceOfficer, At = now, Message = "An enterprise raised a request." });
        db.AuditReason = source switch
        {
            CaseSource.PublicPage => "case reported on the public page",
            CaseSource.Open311 => "case submitted through Open311",
            CaseSource.Inspection => "hazard recorded in an inspection",
            _ => "case submitted",
        };
        // A tracking code is random; the rare collision with an existing one gets a fresh code, not an error.
        for (var attempt = 1; ; attempt++)
        {
            foreach (var row in rows) db.Add(row);
            try
            {
                await (save is null ? db.SaveChangesAsync(ct) : save(db));
                break;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                if (idempotencyKey is not null)
                {
                    // The same key raced in on another request: that one made the case, this one reports it.
                    await using var again = await dbs.CreateDbContextAsync(ct);
                    again.UseZone(zoneOfCase);
                    if (await FindByKeyAsync(again, idempotencyKey, ct) is { } made) return made;
                }
                if (attempt == 3) throw;
                db.ChangeTracker.Clear();
                c.TrackingCode = NewTrackingCode(now);
            }
        }
        return new IntakeResult(c.Id, c.TrackingCode, c.SubmittedAt, c.ResolutionDueAt, false);
    }

    private static async Task<IntakeResult?> FindByKeyAsync(PlatformDbContext db, string key, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().Where(c => c.IdempotencyKey == key)
            .Select(c => new IntakeResult(c.Id, c.TrackingCode, c.SubmittedAt, c.ResolutionDueAt, true)).FirstOrDefaultAsync(ct);

    private string? ActorName(CaseSource source) => source switch
    {
        CaseSource.PublicPage => null,
        CaseSource.Open311 => Actor ?? "Open311",
        _ => Actor,
    };

    /// <summary>The name a timeline shows for the acting user: their display name (陈思雨), not their account name.</summary>
    private string? Actor => user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName;

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
        // A hazard from an inspection round moves through its rectification steps (after photo, the round's
        // inspector verifies): those checks live in HazardService, so the generic actions do not apply to it.
        if (c.InspectionRoundId is not null)
            throw new ForbiddenException("hazards.steps: a hazard from an inspection round is rectified through its hazard steps", "Use the hazard's page for its rectification steps.");
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        var decision = CaseWorkflow.Named(type.Workflow).Decide(c.State, action, roles, request.Reason);
        if (decision is TransitionDecision.Refused { ReasonMissing: true } noReason) throw new ValidationFailedException("reason", noReason.Why + " (" + noReason.Rule + ")");
        if (decision is TransitionDecision.Refused refused) throw new ForbiddenException(refused.Rule, refused.Why);
        var to = ((TransitionDecision.Allowed)decision).To;

        var now = time.GetUtcNow();
        var policy = Policy(type);
        var reason = request.Reason?.Trim();
        switch (action)
        {
            case CaseAction.Assign:
                if (request.AssignToUserId is null && request.AssignToUnitId is null) throw new ValidationFailedException("assignToUserId", "Name the handler or the unit to assign to.");
                c.AssignedUserId = request.AssignToUserId ?? c.AssignedUserId;
                c.AssignedUnitId = request.AssignToUnitId ?? c.AssignedUnitId;
                var assignee = c.AssignedUserId is { } who ? await db.Users.Where(u => u.Id == who && u.ZoneId == c.ZoneId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
                if (request.AssignToUserId is not null && assignee is null) throw new ValidationFailedException("assignToUserId", "Unknown handler.");
                var unitName = c.AssignedUnitId is { } au ? (await organisation.UnitsAsync(c.ZoneId, ct)).FirstOrDefault(u => u.Id == au)?.Name : null;
                reason = string.Join(" · ", new[] { "→ " + string.Join(" / ", new[] { unitName, assignee }.Where(x => x is not null)), reason }.Where(x => !string.IsNullOrWhiteSpace(x)));
                break;
            case CaseAction.Transfer:
                // Moving to another unit: the new unit accepts it; whoever handled it before no longer does.
                if (request.AssignToUnitId is { } unit)
                {
                    if ((await organisation.UnitsAsync(c.ZoneId, ct)).All(u => u.Id != unit)) throw new ValidationFailedException("assignToUnitId", "Unknown unit.");
                    c.AssignedUnitId = unit;
                }
                c.AssignedUserId = null;
                c.UnitNeedsConfirmation = false;
                break;
            case CaseAction.Merge:
                var targetCode = (request.MergeIntoTrackingCode ?? "").Trim().ToUpperInvariant();
                var target = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id != c.Id && (x.Id == request.MergeIntoCaseId || x.TrackingCode == targetCode), ct)
                    ?? throw new ValidationFailedException("mergeIntoCaseId", "Name the case this one duplicates.");
                if (target.MergedIntoCaseId is not null) throw new ValidationFailedException("mergeIntoCaseId", "That case was itself merged; merge into the case it points to.");
                c.MergedIntoCaseId = target.Id;
                db.Add(new CaseEvent { CaseId = target.Id, ZoneId = target.ZoneId, At = now, ActorUserId = user.UserId, ActorName = Actor, Action = "MergedHere", FromState = target.State, ToState = target.State, Reason = $"{c.TrackingCode}: {reason}" });
                reason = $"→ {target.TrackingCode}: {reason}";
                break;
            case CaseAction.RateUnsatisfied:
                Unsatisfied(db, c, now);
                break;
        }
        var isStaff = roles.Any(r => Roles.Staff.Contains(r));
        if (isStaff && c.FirstResponseAt is null) c.FirstResponseAt = now;
        if (policy.IsPaused(to) && !policy.IsPaused(c.State)) db.Add(new CasePause { CaseId = c.Id, ZoneId = c.ZoneId, From = now });
        if (!policy.IsPaused(to) && c.Pauses.FirstOrDefault(p => p.To is null) is { } open) open.To = now;
        if (to == CaseState.Resolved) await StampResolutionAsync(c, now, ct);
        if (to == CaseState.Closed) c.ClosedAt = now;
        if (to == CaseState.Reopened) c.ResolvedAt = null;
        if (to == CaseState.InProgress && c.State != CaseState.WaitingForRequester) c.LastProgressAt ??= now;

        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = Actor, Action = action.ToString(), FromState = c.State, ToState = to, Reason = reason });
        c.State = to;
        await SaveActingAsync(db, c, expectedVersion, reason ?? action.ToString(), ct);
        return await GetAsync(id, ct);
    }

    internal static async Task SaveActingAsync(PlatformDbContext db, Case c, int? expectedVersion, string auditReason, CancellationToken ct)
    {
        db.Entry(c).Property(x => x.Version).OriginalValue = expectedVersion ?? c.Version;
        db.AuditReason = auditReason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "Someone else acted on this case at the same time; reload to see what changed.");
        }
    }

    /// <summary>Handling time in working hours (pauses excluded) and whether the deadline held: what the metrics count.</summary>
    internal async Task StampResolutionAsync(Case c, DateTimeOffset now, CancellationToken ct)
    {
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var pauses = c.Pauses.Select(p => new Pause(p.From, p.To ?? now)).ToList();
        var status = DeadlineStatus.At(clock, c.SubmittedAt, c.ResolutionDueAt, pauses, now);
        c.ResolvedAt = now;
        c.HandlingWorkingHours = Math.Round((clock.Between(c.SubmittedAt, now) - status.PausedFor).TotalHours, 2);
        c.ResolvedOnTime = now <= status.Due;
    }

    /// <summary>
    /// An unsatisfied requester (or "not fixed") reopens the case. The first time it goes back to the unit
    /// that handled it; from the second time on it also goes to that unit's supervisor (督办).
    /// </summary>
    private static void Unsatisfied(PlatformDbContext db, Case c, DateTimeOffset now)
    {
        c.UnsatisfiedCount++;
        c.ResolvedAt = null;
        db.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.Reopened, RecipientUnitId = c.AssignedUnitId, RecipientUserId = c.AssignedUserId, At = now, Message = "The requester is not satisfied: the case is reopened." });
        if (c.UnsatisfiedCount < 2) return;
        c.EscalationLevel = Math.Max(c.EscalationLevel, 1);
        c.SupervisedAt ??= now;
        db.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.Escalation, Level = 1, RecipientUnitId = c.AssignedUnitId, RecipientRole = Roles.ZoneLeader, At = now, Message = "Reopened a second time after an unsatisfied rating: under supervision (督办)." });
    }

    /// <summary>The signed-in requester rates their case after resolution.</summary>
    public async Task<CaseView> RateAsync(Guid id, RatingRequest rating, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        if (c.RequesterUserId is null || c.RequesterUserId != user.UserId)
            throw new ForbiddenException("cases.rate: only the requester rates their case", "Only the requester may rate this case.");
        await RateCoreAsync(db, c, rating, expectedVersion, user.UserName, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A requester without an account rates by the tracking code they were given (holding it is the authority).</summary>
    public async Task RatePublicAsync(string trackingCode, RatingRequest rating, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await RateCoreAsync(db, await ByCodeAsync(db, trackingCode, ct), rating, null, null, ct);
    }

    /// <summary>Resolved (or verified, closed), not a merged duplicate, and not yet rated since its last resolution.</summary>
    private static bool AwaitsRating(Case c) =>
        c.State is CaseState.Resolved or CaseState.Verified or CaseState.Closed && c.ResolvedAt is { } resolved
        && c.MergedIntoCaseId is null && (c.RatedAt is null || c.RatedAt < resolved);

    private async Task RateCoreAsync(PlatformDbContext db, Case c, RatingRequest rating, int? expectedVersion, string? actor, CancellationToken ct)
    {
        if (rating.Rating is not { } value || !Enum.IsDefined(value)) throw new ValidationFailedException("rating", "Choose a rating from very satisfied to very dissatisfied.");
        if (rating.Comment?.Length > 1000) throw new ValidationFailedException("comment", "At most 1000 characters.");
        if (!AwaitsRating(c))
            throw new ConflictException("rating", c.RatedAt is { } rated && rated >= c.ResolvedAt ? "This resolution has already been rated." : "A case is rated after it is resolved.");
        var now = time.GetUtcNow();
        c.Rating = value;
        c.RatingComment = string.IsNullOrWhiteSpace(rating.Comment) ? null : rating.Comment.Trim();
        c.RatedAt = now;
        var reopen = rating.NotFixed || value <= Satisfaction.Dissatisfied;
        var to = c.State;
        if (reopen)
        {
            // Authority was established above (the requester's account or tracking code): decide as the requester.
            var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
            if (CaseWorkflow.Named(type.Workflow).Decide(c.State, CaseAction.RateUnsatisfied, [Roles.Citizen], null) is not TransitionDecision.Allowed allowed)
                throw new ConflictException("rating", "This kind of case is not rated by a requester.");
            to = allowed.To;
            Unsatisfied(db, c, now);
        }
        var text = $"{(int)value}/5" + (rating.NotFixed ? " · not fixed" : "") + (c.RatingComment is null ? "" : " · " + c.RatingComment);
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = actor, Action = "Rate", FromState = c.State, ToState = to, Reason = text });
        c.State = to;
        await SaveActingAsync(db, c, expectedVersion, "rating: " + text, ct);
    }

    /// <summary>
    /// A comment on the timeline. From a handler it is a progress update (keep-in-loop); from the
    /// requester it reaches whoever handles the case.
    /// </summary>
    public async Task<CaseView> CommentAsync(Guid id, CommentRequest comment, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        var isStaff = user.IsInAnyRole([.. Roles.Staff]);
        await CommentCoreAsync(db, c, comment, isStaff, user.UserName, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The requester without an account adds information by tracking code.</summary>
    public async Task CommentPublicAsync(string trackingCode, CommentRequest comment, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await CommentCoreAsync(db, await ByCodeAsync(db, trackingCode, ct), comment, false, null, ct);
    }

    /// <summary>The case a tracking code names, tracked, with the context set to its zone (public callers carry none).</summary>
    private static async Task<Case> ByCodeAsync(PlatformDbContext db, string trackingCode, CancellationToken ct)
    {
        var code = trackingCode.Trim().ToUpperInvariant();
        var c = await db.Set<Case>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.TrackingCode == code, ct) ?? throw new NotFoundException("Case not found.");
        db.UseZone(c.ZoneId);
        return c;
    }

    private async Task CommentCoreAsync(PlatformDbContext db, Case c, CommentRequest comment, bool byStaff, string? actor, CancellationToken ct)
    {
        var text = comment.Text?.Trim();
        if (string.IsNullOrEmpty(text)) throw new ValidationFailedException("text", "Write the comment.");
        if (text.Length > 1000) throw new ValidationFailedException("text", "At most 1000 characters.");
        if (!CaseWorkflow.IsOpen(c.State) && !byStaff) throw new ConflictException("text", "The case is closed; submit a new report.");
        var now = time.GetUtcNow();
        if (byStaff)
        {
            c.LastProgressAt = now;
            c.ProgressOverdue = false;
            if (c.FirstResponseAt is null) c.FirstResponseAt = now;
        }
        else
        {
            db.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = NotificationKind.RequesterUpdate, RecipientUserId = c.AssignedUserId, RecipientUnitId = c.AssignedUnitId, At = now, Message = "The requester added information." });
        }
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = actor, Action = byStaff ? "Progress" : "RequesterUpdate", FromState = c.State, ToState = c.State, Reason = text });
        await SaveActingAsync(db, c, null, byStaff ? "progress update" : "requester update", ct);
    }

    /// <summary>The handling unit confirms a case reported near a boundary is theirs (otherwise they transfer it).</summary>
    public async Task<CaseView> ConfirmUnitAsync(Guid id, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        if (!user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff, Roles.GridWorker))
            throw new ForbiddenException("cases.confirm-unit: the handling unit or a leader confirms the unit", "You may not confirm the unit.");
        if (!c.UnitNeedsConfirmation) throw new ConflictException("unit", "The unit needs no confirmation.");
        c.UnitNeedsConfirmation = false;
        var now = time.GetUtcNow();
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = Actor, Action = "ConfirmUnit", FromState = c.State, ToState = c.State });
        await SaveActingAsync(db, c, expectedVersion, "unit confirmed", ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Adds checked photos to a case (before / after / progress); anyone who may read the case and act on it.</summary>
    public async Task<CaseView> AddPhotosAsync(Guid id, PhotoStage stage, IReadOnlyList<PhotoUpload> uploads, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        if (!user.IsInAnyRole([.. Roles.Staff]) && c.RequesterUserId != user.UserId)
            throw new ForbiddenException("cases.photos: staff and the requester add photos", "You may not add photos.");
        var existing = await db.Set<CasePhoto>().CountAsync(p => p.CaseId == id && p.Stage == stage, ct);
        var errors = new ValidationErrors();
        if (uploads.Count == 0) errors.Add("photos", "Choose at least one photo.");
        if (existing + uploads.Count > PhotoCheck.MaxPhotos) errors.Add("photos", $"At most {PhotoCheck.MaxPhotos} photos per stage.");
        var now = time.GetUtcNow();
        var rows = CheckPhotos(uploads, errors).Select(p => PhotoRow(c, stage, p, now)).ToList();
        errors.ThrowIfAny();
        db.AddRange(rows);
        db.Add(new CaseEvent { CaseId = id, ZoneId = c.ZoneId, At = now, ActorUserId = user.UserId, ActorName = Actor, Action = "Photos", FromState = c.State, ToState = c.State, Reason = $"{StageName(stage)} {rows.Count} 张" });
        if (user.IsInAnyRole([.. Roles.Staff])) c.LastProgressAt = now;
        await SaveActingAsync(db, c, null, $"{rows.Count} photo(s) added ({stage})", ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Checks uploads by their content (and their size together); refusals go to <paramref name="errors"/> under "photos".</summary>
    private static List<CheckedPhoto> CheckPhotos(IReadOnlyList<PhotoUpload> uploads, ValidationErrors errors)
    {
        if (uploads.Sum(p => (long)p.Content.Length) > PhotoCheck.MaxTotalBytes) errors.Add("photos", $"At most {PhotoCheck.MaxTotalBytes / 1024 / 1024} MB of photos together.");
        var accepted = new List<CheckedPhoto>();
        foreach (var (upload, i) in uploads.Take(PhotoCheck.MaxPhotos).Select((u, i) => (u, i)))
        {
            var (photo, problem) = PhotoCheck.Check(upload);
            if (problem is not null) errors.Add("photos", $"{upload.FileName ?? $"#{i + 1}"}: {problem}");
            else accepted.Add(photo!);
        }
        return accepted;
    }

    private CasePhoto PhotoRow(Case c, PhotoStage stage, CheckedPhoto photo, DateTimeOffset now) => new()
    {
        CaseId = c.Id, ZoneId = c.ZoneId, Stage = stage, ContentType = "image/jpeg", Width = photo.Width, Height = photo.Height,
        Size = photo.Jpeg.Length, Content = photo.Jpeg, UploadedAt = now, UploadedBy = user.UserId,
    };

    /// <summary>The stage as the timeline names it (stored text, in the zone's working language).</summary>
    private static string StageName(PhotoStage stage) => stage switch
    {
        PhotoStage.Report => "反映时照片",
        PhotoStage.Before => "整改前照片",
        PhotoStage.After => "整改后照片",
        _ => "过程照片",
    };

    /// <summary>One photo's bytes, for those who may read the case (never public: a photo may show people or plates).</summary>
    public async Task<(byte[] Content, string ContentType)> PhotoAsync(Guid caseId, Guid photoId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        var photo = await db.Set<CasePhoto>().AsNoTracking().Where(p => p.Id == photoId && p.CaseId == caseId)
            .Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Photo not found.");
        return (photo.Content, photo.ContentType);
    }

    /// <summary>
    /// Open cases of the same type and category within <paramref name="metres"/> in the last 30 days: possible
    /// duplicates, suggested while reporting and on the case page. Only code, category, state and distance.
    /// </summary>
    public async Task<IReadOnlyList<NearbyCase>> NearbyAsync(Guid zoneId, string typeCode, string? categoryCode, double latitude, double longitude, int metres = 150, string? exceptCode = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        var type = await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == typeCode, ct);
        if (type is null) return [];
        var category = categoryCode is null ? null : await db.Set<CaseCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.CaseTypeId == type.Id && c.Code == categoryCode, ct);
        var since = time.GetUtcNow().AddDays(-30);
        // A box first (an index-friendly filter), then the true distance.
        var dLat = metres / GridGeometry.MetresPerDegreeLatitude;
        var dLon = dLat / Math.Max(0.1, Math.Cos(latitude * Math.PI / 180));
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.CaseTypeId == type.Id && (category == null || c.CategoryId == category.Id) && c.MergedIntoCaseId == null
                && c.State != CaseState.Closed && c.State != CaseState.Rejected && c.SubmittedAt >= since
                && c.Latitude >= latitude - dLat && c.Latitude <= latitude + dLat && c.Longitude >= longitude - dLon && c.Longitude <= longitude + dLon)
            .Select(c => new { c.TrackingCode, c.State, c.SubmittedAt, c.Latitude, c.Longitude })
            .Take(50).ToListAsync(ct);
        return rows.Where(r => r.TrackingCode != exceptCode)
            .Select(r => new NearbyCase(r.TrackingCode, category?.Name ?? type.Name, r.State, r.SubmittedAt, (int)GridGeometry.Metres(latitude, longitude, r.Latitude!.Value, r.Longitude!.Value)))
            .Where(n => n.Metres <= metres).OrderBy(n => n.Metres).Take(5).ToList();
    }

    /// <summary>Possible duplicates of a case, for its page (staff).</summary>
    public async Task<IReadOnlyList<NearbyCase>> NearbyOfAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        if (c.Latitude is not { } lat || c.Longitude is not { } lon) return [];
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        var category = c.CategoryId is { } cat ? await db.Set<CaseCategory>().AsNoTracking().Where(x => x.Id == cat).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return await NearbyAsync(c.ZoneId, type.Code, category, lat, lon, exceptCode: c.TrackingCode, ct: ct);
    }

    /// <summary>The work queue: the zone's cases for staff (or a named queue), a requester's own cases otherwise.</summary>
    public async Task<CasePage> ListAsync(CaseQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Clamp(query.Page, 1, 100_000);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Case>().AsNoTracking();
        var me = user.UserId;
        var now = time.GetUtcNow();
        var queue = query.Mine && query.Queue == CaseQueue.All ? CaseQueue.Mine : query.Queue;
        if (!user.IsInAnyRole([.. Roles.Staff])) q = me is null ? q.Where(c => false) : q.Where(c => c.RequesterUserId == me); // no user (a machine key without a staff role): nothing of anyone
        else
        {
            var unit = user.UnitId;
            q = queue switch
            {
                CaseQueue.Mine => q.Where(c => c.AssignedUserId == me),
                CaseQueue.MyUnit => q.Where(c => unit != null && c.AssignedUnitId == unit && c.State != CaseState.Closed && c.State != CaseState.Rejected),
                CaseQueue.AwaitingVerification => q.Where(c => c.State == CaseState.Resolved),
                CaseQueue.Supervised => q.Where(c => c.EscalationLevel > 0 && c.State != CaseState.Closed && c.State != CaseState.Rejected),
                _ => q,
            };
        }
        if (query.State is { } state) q = q.Where(c => c.State == state);
        if (query.OverdueOnly || queue == CaseQueue.Overdue) q = q.Where(c => c.State != CaseState.Closed && c.State != CaseState.Rejected && c.ResolvedAt == null && c.ResolutionDueAt < now);
        if (!string.IsNullOrWhiteSpace(query.TypeCode))
        {
            var typeId = await db.Set<CaseType>().Where(t => t.Code == query.TypeCode).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
            q = q.Where(c => c.CaseTypeId == typeId);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var code = s.ToUpperInvariant();
            q = q.Where(c => c.TrackingCode == code || c.Description.Contains(s) || (c.Address != null && c.Address.Contains(s)));
        }
        var total = await q.CountAsync(ct);
        var types = await db.Set<CaseType>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var ordered = query.SortByDue ? q.OrderBy(c => c.ResolutionDueAt) : q.OrderByDescending(c => c.SubmittedAt);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var units = user.ZoneId is { } zone && rows.Any(r => r.AssignedUnitId is not null)
            ? (await organisation.UnitsAsync(zone, ct)).ToDictionary(u => u.Id, u => u.Name)
            : [];
        return new CasePage(rows.Select(c => new CaseListItem(
            c.Id, c.TrackingCode, types.GetValueOrDefault(c.CaseTypeId, ""), c.Priority, c.State, c.Description, c.Address, c.SubmittedAt, c.ResolutionDueAt,
            CaseWorkflow.IsOpen(c.State) && c.ResolvedAt is null && c.ResolutionDueAt < now)
        {
            EscalationLevel = c.EscalationLevel,
            UnitName = c.AssignedUnitId is { } u ? units.GetValueOrDefault(u) : null,
            UnitNeedsConfirmation = c.UnitNeedsConfirmation,
        }).ToList(), total, page, pageSize);
    }

    /// <summary>Staff of the zone a case can be assigned to, with their unit; for the assignment picker.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffAsync(CancellationToken ct = default)
    {
        if (!user.IsInAnyRole([.. Roles.Staff]) || user.ZoneId is not { } zone) throw new ForbiddenException("cases.staff: staff list is for staff", "Only staff may see this.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var handlerRoles = new[] { Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer, Roles.GridWorker };
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.ZoneId == zone && handlerRoles.Contains(r.Name!)
                          select new { u.Id, u.DisplayName, Unit = u.DepartmentId ?? u.ParkId, Role = r.Name! }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).Select(g => new StaffMember(g.Key, g.First().DisplayName, g.First().Unit, g.Select(x => x.Role).ToList()))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The zone's units (departments, parks, areas, grids) for pickers.</summary>
    public async Task<IReadOnlyList<UnitInfo>> UnitsAsync(CancellationToken ct = default) =>
        user.ZoneId is { } zone ? await organisation.UnitsAsync(zone, ct) : [];

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
        // Ordered here, not in SQL: an ORDER BY on the submission time leads SQLite to walk the zone's date index
        // (0.4 s at a million cases) instead of the few rows the MergedIntoCaseId index finds.
        var duplicates = (await db.Set<Case>().AsNoTracking().Where(x => x.MergedIntoCaseId == c.Id).Select(x => new { x.Id, x.TrackingCode, x.State, x.SubmittedAt }).ToListAsync(ct))
            .OrderBy(x => x.SubmittedAt).Select(x => new CaseLink(x.Id, x.TrackingCode, x.State)).ToList();
        return new CaseView(
            c.Id, c.TrackingCode, type.Code, type.Name, c.Priority, c.State, c.Description, c.Address, c.Latitude, c.Longitude,
            seePersonal ? c.RequesterPhone : Masking.Phone(c.RequesterPhone),
            c.AssignedUnitId, c.AssignedUserId, c.SubmittedAt, c.ResponseDueAt, c.FirstResponseAt, status,
            c.InspectionRoundId is null ? CaseWorkflow.Named(type.Workflow).ActionsFor(c.State, roles) : [],
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
            AwaitsRating = AwaitsRating(c),
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

    /// <summary>"SI" + yyMMdd + 8 characters without look-alikes (no 0/O, 1/I/L): 31⁸ ≈ 8.5 × 10¹¹ codes a day.</summary>
    internal static string NewTrackingCode(DateTimeOffset now)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(8);
        return "SI" + now.ToOffset(WorkingClock.ChinaOffset).ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            + new string(bytes.Select(b => alphabet[b % alphabet.Length]).ToArray());
    }
}
