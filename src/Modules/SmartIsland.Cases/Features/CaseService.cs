using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
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
public sealed class CaseService(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IWorkingDayCalendarProvider calendars, TimeProvider time)
{
    public const int DescriptionMax = 4000;

    public async Task<CaseView> SubmitAsync(CaseSubmission input, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) throw new ForbiddenException("cases.submit: sign in, or use the public report page", "Sign in to submit a case.");
        var c = await CreateAsync(input, zoneId: null, ct);
        return await GetAsync(c.Id, ct);
    }

    /// <summary>A report from the public page: no account, the zone the page serves; returns the tracking code.</summary>
    public async Task<string> SubmitPublicAsync(Guid zoneId, CaseSubmission input, CancellationToken ct = default) =>
        (await CreateAsync(input, zoneId, ct)).TrackingCode;

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
            c.Events.Where(e => e.ZoneId == c.ZoneId).OrderBy(e => e.At).Select(e => new PublicCaseStep(e.At, e.Action, e.ToState)).ToList());
    }

    private async Task<Case> CreateAsync(CaseSubmission input, Guid? zoneId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Description)) errors.Add("description", "A description is required.");
        else if (input.Description.Length > DescriptionMax) errors.Add("description", $"At most {DescriptionMax} characters.");
        if (string.IsNullOrWhiteSpace(input.Address) && (input.Latitude is null || input.Longitude is null)) errors.Add("location", "An address or a point (latitude and longitude) is required.");
        if (input.Latitude is < -90 or > 90) errors.Add("latitude", "Latitude is between -90 and 90.");
        if (input.Longitude is < -180 or > 180) errors.Add("longitude", "Longitude is between -180 and 180.");
        if (input.Address?.Length > 300) errors.Add("address", "At most 300 characters.");
        if (!Enum.IsDefined(input.Priority)) errors.Add("priority", "Unknown priority.");
        if (input.RequesterPhone is { Length: > 0 } phone && !PhoneNumbers.IsPlausible(phone))
            errors.Add("requesterPhone", "The phone number is not valid.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (zoneId is { } zone) db.UseZone(zone);
        var type = string.IsNullOrWhiteSpace(input.TypeCode) ? null : await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == input.TypeCode, ct);
        if (type is null) errors.Add("typeCode", "Unknown case type.");
        errors.ThrowIfAny();

        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var policy = Policy(type!);
        var now = time.GetUtcNow();
        var (response, resolution) = policy.Targets[input.Priority];
        var c = new Case
        {
            TrackingCode = NewTrackingCode(now),
            CaseTypeId = type!.Id,
            Priority = input.Priority,
            Description = input.Description!.Trim(),
            Address = input.Address?.Trim(),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            RequesterUserId = user.UserId,
            RequesterPhone = input.RequesterPhone?.Trim(),
            SubmittedAt = now,
            ResponseDueAt = Guarded(() => response.DueFrom(clock, now)),
            ResolutionDueAt = Guarded(() => resolution.DueFrom(clock, now)),
        };
        c.Events.Add(new CaseEvent { CaseId = c.Id, At = now, ActorUserId = user.UserId, ActorName = user.UserName, Action = "Submit", ToState = CaseState.Submitted });
        db.Add(c);
        db.AuditReason = zoneId is null ? "case submitted" : "case reported on the public page";
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<CaseView> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Events).Include(x => x.Pauses).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Case not found.");
        DemandRead(c);
        var type = await db.Set<CaseType>().AsNoTracking().FirstAsync(t => t.Id == c.CaseTypeId, ct);
        return await ViewAsync(c, type, ct);
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

    private async Task<CaseView> ViewAsync(Case c, CaseType type, CancellationToken ct)
    {
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var status = DeadlineStatus.At(clock, c.SubmittedAt, c.ResolutionDueAt, c.Pauses.Select(p => new Pause(p.From, p.To)).ToList(), c.ClosedAt ?? c.ResolvedAt ?? time.GetUtcNow());
        var roles = CurrentRoles();
        var seePhone = user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer) || c.RequesterUserId == user.UserId;
        return new CaseView(
            c.Id, c.TrackingCode, type.Code, type.Name, c.Priority, c.State, c.Description, c.Address, c.Latitude, c.Longitude,
            seePhone ? c.RequesterPhone : Masking.Phone(c.RequesterPhone),
            c.AssignedUnitId, c.AssignedUserId, c.SubmittedAt, c.ResponseDueAt, c.FirstResponseAt, status,
            CaseWorkflow.Default.ActionsFor(c.State, roles),
            c.Events.OrderBy(e => e.At).Select(e => new CaseEventView(e.At, e.ActorName, e.Action, e.FromState, e.ToState, e.Reason)).ToList(),
            c.Version);
    }

    private static DeadlinePolicy Policy(CaseType type) =>
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
