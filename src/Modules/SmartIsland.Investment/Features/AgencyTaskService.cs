using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Domain;
using SmartIsland.Investment.Domain;
using SmartIsland.Investment.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Features;

/// <summary>
/// 代办 tasks for a signed or landed investor ("全流程、跟踪式、管家式代办服务"): a due date on the working-day calendar
/// (given as a date, or as N working days from today — the day itself does not count), an owner, done or cancelled.
/// </summary>
public sealed class AgencyTaskService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IWorkingDayCalendarProvider calendars, IStringLocalizer<InvestmentStrings> l)
{
    public Task<IReadOnlyList<AgencyTaskView>> ListAsync(Guid? leadId, Guid? projectId, bool openOnly, CancellationToken ct = default) =>
        ListAsync(new AgencyTaskQuery(leadId, projectId, openOnly), ct);

    /// <summary>
    /// The zone's tasks with the list's filters, soonest due first. A project's tasks are those of the lead it came from:
    /// tasks added before the lead was converted carry no project id of their own until they are next updated.
    /// </summary>
    public async Task<IReadOnlyList<AgencyTaskView>> ListAsync(AgencyTaskQuery query, CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = InvestmentAccess.Today(time);
        var q = from t in db.Set<AgencyTask>().AsNoTracking()
                join lead in db.Set<Lead>().AsNoTracking() on t.LeadId equals lead.Id
                select new { t, lead.Code, lead.InvestorName, lead.ProjectName, LeadProjectId = lead.ProjectId, lead.ProjectCode };
        if (query.LeadId is { } lid) q = q.Where(x => x.t.LeadId == lid);
        if (query.ProjectId is { } pid) q = q.Where(x => x.t.ProjectId == pid || x.LeadProjectId == pid);
        if (query.OpenOnly || query.OverdueOnly) q = q.Where(x => x.t.Status == AgencyTaskStatus.Open || x.t.Status == AgencyTaskStatus.InProgress);
        if (query.OverdueOnly) q = q.Where(x => x.t.DueOn < today);
        var rows = await q.OrderBy(x => x.t.DueOn).ThenBy(x => x.t.Title).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        return rows.Select(x => View(x.t, new LeadRef(x.Code, x.InvestorName, x.ProjectName, x.LeadProjectId, x.ProjectCode), calendar, today)).ToList();
    }

    /// <summary>The zone's projects that came from a lead, for the list's project filter.</summary>
    public async Task<IReadOnlyList<TaskProjectOption>> ProjectsAsync(CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<Lead>().AsNoTracking().Where(x => x.ProjectId != null)
            .Select(x => new { Id = x.ProjectId!.Value, x.ProjectCode, x.ProjectName }).ToListAsync(ct);
        return rows.Select(r => new TaskProjectOption(r.Id, r.ProjectCode ?? "", r.ProjectName)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<AgencyTaskView> CreateAsync(Guid leadId, AgencyTaskInput input, CancellationToken ct = default)
    {
        var zone = InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await db.Set<Lead>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == leadId, ct) ?? throw new NotFoundException(l["Err_LeadNotFound"]);
        if (lead.Stage is not (LeadStage.Signed or LeadStage.Landed)) throw new ConflictException("stage", l["Err_TaskStage"]);

        var errors = new ValidationErrors();
        var title = InvestmentAccess.Trimmed(input.Title);
        if (title is null) errors.Add("title", l["Err_Required"]);
        else if (title.Length > 200) errors.Add("title", l["Err_TooLong"]);
        if (input.Note?.Trim().Length > 500) errors.Add("note", l["Err_TooLong"]);
        var ownerId = input.OwnerUserId ?? user.UserId;
        var owner = ownerId is { } oid ? (await InvestmentAccess.StaffAsync(db, zone, ct)).FirstOrDefault(s => s.Id == oid) : null;
        if (owner is null) errors.Add("ownerUserId", l["Err_UnknownOwner"]);
        var today = InvestmentAccess.Today(time);
        var calendar = await calendars.GetAsync(ct);
        DateOnly? due = null;
        if (input.DueOn is { } on && input.DueInWorkingDays is not null) errors.Add("dueOn", l["Err_DueEither"]);
        else if (input.DueOn is { } date)
        {
            if (date < today) errors.Add("dueOn", l["Err_DuePast"]);
            else due = date;
        }
        else if (input.DueInWorkingDays is { } days)
        {
            if (days is < 1 or > 250) errors.Add("dueInWorkingDays", l["Err_DueDays"]);
            else
            {
                try { due = calendar.AddWorkingDays(today, days); }
                catch (CalendarYearNotLoadedException) { errors.Add("dueInWorkingDays", l["Err_CalendarNotLoaded"]); }
            }
        }
        else errors.Add("dueOn", l["Err_Required"]);
        errors.ThrowIfAny();

        var task = new AgencyTask
        {
            ZoneId = zone, LeadId = lead.Id, ProjectId = lead.ProjectId, Title = title!, OwnerUserId = owner!.Id, OwnerName = owner.Name, DueOn = due!.Value,
            Status = AgencyTaskStatus.Open, Note = InvestmentAccess.Trimmed(input.Note), CreatedAt = time.GetUtcNow(),
        };
        db.Add(task);
        db.AuditReason = $"agency task for lead {lead.Code}: {task.Title}";
        await db.SaveChangesAsync(ct);
        return View(task, LeadRef.Of(lead), calendar, today);
    }

    public async Task<AgencyTaskView> UpdateAsync(Guid taskId, AgencyTaskUpdate input, int? expectedVersion, CancellationToken ct = default)
    {
        InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        if (input.Status is not { } status || !Enum.IsDefined(status)) throw new ValidationFailedException("status", l["Err_Status"]);
        if (input.Note?.Trim().Length > 500) throw new ValidationFailedException("note", l["Err_TooLong"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var task = await db.Set<AgencyTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException(l["Err_TaskNotFound"]);
        InvestmentAccess.CheckVersion(expectedVersion, task.Version, l["Err_VersionRequired"], l["Err_Stale"]);
        var lead = await db.Set<Lead>().AsNoTracking().FirstAsync(x => x.Id == task.LeadId, ct);
        var today = InvestmentAccess.Today(time);
        task.Status = status;
        task.DoneOn = status == AgencyTaskStatus.Done ? task.DoneOn ?? today : null;
        task.ProjectId ??= lead.ProjectId;
        if (InvestmentAccess.Trimmed(input.Note) is { } note) task.Note = note;
        db.AuditReason = $"agency task {task.Title}: {status}";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Concurrent"]); }
        return View(task, LeadRef.Of(lead), await calendars.GetAsync(ct), today);
    }

    /// <summary>What a task shows of its lead.</summary>
    private sealed record LeadRef(string Code, string InvestorName, string ProjectName, Guid? ProjectId, string? ProjectCode)
    {
        public static LeadRef Of(Lead lead) => new(lead.Code, lead.InvestorName, lead.ProjectName, lead.ProjectId, lead.ProjectCode);
    }

    /// <summary>Working days left until the due day (negative once overdue); a calendar gap counts plain days rather than failing a read.</summary>
    private static AgencyTaskView View(AgencyTask t, LeadRef lead, WorkingDayCalendar calendar, DateOnly today)
    {
        var open = t.Status is AgencyTaskStatus.Open or AgencyTaskStatus.InProgress;
        int left;
        try { left = calendar.WorkingDaysBetween(today, t.DueOn); }
        catch (CalendarYearNotLoadedException) { left = t.DueOn.DayNumber - today.DayNumber; }
        return new AgencyTaskView(t.Id, t.LeadId, lead.Code, lead.InvestorName, t.ProjectId ?? lead.ProjectId, lead.ProjectCode, lead.ProjectName, t.Title,
            t.OwnerUserId, t.OwnerName, t.DueOn, t.Status, t.DoneOn, t.Note, left, open && t.DueOn < today, t.Version);
    }
}
