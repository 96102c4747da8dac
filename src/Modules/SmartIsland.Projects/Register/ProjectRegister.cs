using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Features;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Register;

/// <summary>
/// The project register's use cases — list, read, edit, phases, team (专班), milestones (项目节点), year plans and monthly
/// investment — shared by the pages and the API. Opening a project goes through <see cref="ProjectRegistry"/> so a
/// signed lead and a new row on the list pass the same checks. Every write names the project and the reason in the audit log.
/// </summary>
internal sealed class ProjectRegister(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IOrganisationDirectory organisation,
    IWorkingDayCalendarProvider calendars, ProjectRegistry registry, IEnterpriseDirectory enterprises, IStringLocalizer<RegisterStrings> l)
{
    public const string ReadRule = "projects.read: staff read their zone's projects; an enterprise user reads only its own enterprise's projects";
    public const string EditRule = ProjectRegistry.EditRule;
    public const int MaxPageSize = 200;
    public const int MaxMilestones = 50;
    public const int MaxMembers = 50;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Today in China's time: phase days and actual days may not be later.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(China).DateTime);

    private bool IsStaff => user.IsInAnyRole([.. Roles.Staff]);
    private bool EditorRole => user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff);
    private bool OwnParkOnly => user.IsInRole(Roles.ParkStaff) && !user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff);

    public bool MayCreate => EditorRole;

    private bool MayEdit(Project p) => EditorRole && (!OwnParkOnly || p.ParkId == user.UnitId);

    private IQueryable<Project> Visible(PlatformDbContext db)
    {
        var q = db.Set<Project>().AsNoTracking();
        if (IsStaff) return q;
        // An enterprise user follows its own enterprise's projects; citizens and partners see none.
        var own = user.IsInRole(Roles.EnterpriseUser) ? user.EnterpriseId : null;
        return own is { } e ? q.Where(p => p.OwnerEnterpriseId == e) : q.Where(p => false);
    }

    public async Task<ProjectPage> SearchAsync(ProjectQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(query.Page, 1, 100_000);
        var parks = await ParkNamesAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(ct);
        var rows = await Rows(db, Sort(filtered, query, db.Provider)).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ProjectPage(rows.Select(r => r with { ParkName = r.ParkId is { } p ? parks.GetValueOrDefault(p) : null }).ToList(), total, page, pageSize);
    }

    /// <summary>Every row of the filtered list, in order (the Excel export).</summary>
    public async Task<IReadOnlyList<ProjectListItem>> ListAllAsync(ProjectQuery query, CancellationToken ct = default)
    {
        var parks = await ParkNamesAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Rows(db, Sort(Filter(db, query), query, db.Provider)).ToListAsync(ct);
        return rows.Select(r => r with { ParkName = r.ParkId is { } p ? parks.GetValueOrDefault(p) : null }).ToList();
    }

    private IQueryable<ProjectListItem> Rows(PlatformDbContext db, IQueryable<Project> q)
    {
        var today = Today;
        return q.Select(p => new ProjectListItem(p.Id, p.Code, p.Name, p.Level, p.Category, p.ParkId, null, p.OwnerName, p.TotalInvestment,
            p.Phase, p.SignedOn, p.StartedOn, p.InProductionOn, p.ResponsibleLeader,
            db.Set<Milestone>().Count(m => m.ProjectId == p.Id && m.ActualOn == null && m.PlannedOn < today)));
    }

    private IQueryable<Project> Filter(PlatformDbContext db, ProjectQuery query)
    {
        var q = Visible(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var upper = s.ToUpperInvariant();
            q = q.Where(p => p.Name.Contains(s) || p.Code.Contains(upper) || (p.OwnerName != null && p.OwnerName.Contains(s)));
        }
        if (query.ParkId is { } park) q = q.Where(p => p.ParkId == park);
        if (query.Phase is { } phase) q = q.Where(p => p.Phase == phase);
        if (query.Level is { } level) q = q.Where(p => p.Level == level);
        if (query.Category is { } category) q = q.Where(p => p.Category == category);
        return q;
    }

    private static IQueryable<Project> Sort(IQueryable<Project> q, ProjectQuery query, DatabaseProvider provider)
    {
        // Phases are stored by name: sort by their order, not alphabetically.
        System.Linq.Expressions.Expression<Func<Project, int>> phaseOrder = p =>
            p.Phase == ProjectPhase.Signed ? 0 : p.Phase == ProjectPhase.Started ? 1 : p.Phase == ProjectPhase.UnderConstruction ? 2 : p.Phase == ProjectPhase.Completed ? 3 : 4;
        return (query.Sort, query.Descending) switch
        {
            (ProjectSort.Name, false) => q.OrderBy(p => p.Name).ThenBy(p => p.Code),
            (ProjectSort.Name, true) => q.OrderByDescending(p => p.Name).ThenBy(p => p.Code),
            (ProjectSort.Phase, false) => q.OrderBy(phaseOrder).ThenBy(p => p.Code),
            (ProjectSort.Phase, true) => q.OrderByDescending(phaseOrder).ThenBy(p => p.Code),
            // SQLite keeps decimals as text: order by their value as a real number there.
            (ProjectSort.TotalInvestment, false) => provider == DatabaseProvider.Sqlite ? q.OrderBy(p => (double)p.TotalInvestment).ThenBy(p => p.Code) : q.OrderBy(p => p.TotalInvestment).ThenBy(p => p.Code),
            (ProjectSort.TotalInvestment, true) => provider == DatabaseProvider.Sqlite ? q.OrderByDescending(p => (double)p.TotalInvestment).ThenBy(p => p.Code) : q.OrderByDescending(p => p.TotalInvestment).ThenBy(p => p.Code),
            (ProjectSort.SignedOn, false) => q.OrderBy(p => p.SignedOn).ThenBy(p => p.Code),
            (ProjectSort.SignedOn, true) => q.OrderByDescending(p => p.SignedOn).ThenBy(p => p.Code),
            (_, true) => q.OrderByDescending(p => p.Code),
            _ => q.OrderBy(p => p.Code),
        };
    }

    public async Task<ProjectDetail> GetAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().AsNoTracking()
            .Include(x => x.Members).Include(x => x.Milestones).Include(x => x.YearPlans).Include(x => x.Investments)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandRead(p);
        return await ViewAsync(p, ct);
    }

    /// <summary>Opens a project through the register's contract (the same checks as a signed lead), then reads it back.</summary>
    public async Task<ProjectDetail> CreateAsync(ProjectInput input, CancellationToken ct = default)
    {
        if (!MayCreate) throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        if (input.SignedOn is null) throw new ValidationFailedException("signedOn", l["Err_SignedOnRequired"]);
        if (input.SignedOn > Today) throw new ValidationFailedException("signedOn", l["Err_DayInFuture"]);
        CheckPosition(input, new ValidationErrors(), throwNow: true);
        var created = await registry.CreateAsync(new NewProject(input.Name ?? "", input.Level, input.Category, input.ParkId, input.OwnerEnterpriseId,
            input.OwnerName, input.TotalInvestment, input.SignedOn.Value, input.ResponsibleLeader, input.Description,
            ResponsibleLeaderUserId: input.ResponsibleLeaderUserId), ct);
        if (input.Latitude is not null || input.Longitude is not null)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var p = await db.Set<Project>().FirstAsync(x => x.Id == created.Id, ct);
            p.Latitude = input.Latitude;
            p.Longitude = input.Longitude;
            db.AuditReason = Reason(p.Code, "position set", input.Reason);
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(created.Code, ct);
    }

    public async Task<ProjectDetail> UpdateAsync(string code, ProjectInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandEdit(p);
        var errors = new ValidationErrors();
        if (input.SignedOn is not { } signed) errors.Add("signedOn", l["Err_SignedOnRequired"]);
        else if (signed > Today) errors.Add("signedOn", l["Err_DayInFuture"]);
        else if (p.StartedOn is { } started && signed > started) errors.Add("signedOn", l["Err_SignedAfterStarted", Day(started)]);
        CheckPosition(input, errors, throwNow: false);
        CheckReason(input.Reason, errors);
        var version = RequireVersion(ifMatch, input.Version, errors);
        string name = "";
        string? ownerName = null, leaderName = null;
        try
        {
            (name, ownerName, leaderName) = await registry.ValidateAsync(new NewProject(input.Name ?? "", input.Level, input.Category, input.ParkId, input.OwnerEnterpriseId,
                input.OwnerName, input.TotalInvestment, input.SignedOn ?? default, input.ResponsibleLeader, input.Description,
                ResponsibleLeaderUserId: input.ResponsibleLeaderUserId), ct);
        }
        catch (ValidationFailedException v)
        {
            foreach (var (field, messages) in v.Errors) foreach (var m in messages) errors.Add(field, m);
        }
        errors.ThrowIfAny();
        Guard(db, p, ifMatch, version);
        p.Name = name;
        p.Level = input.Level;
        p.Category = input.Category;
        p.ParkId = input.ParkId;
        p.OwnerEnterpriseId = input.OwnerEnterpriseId;
        p.OwnerName = ownerName;
        p.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        p.TotalInvestment = input.TotalInvestment;
        p.SignedOn = input.SignedOn!.Value;
        p.ResponsibleLeader = leaderName;
        p.ResponsibleLeaderUserId = input.ResponsibleLeaderUserId;
        p.Latitude = input.Latitude;
        p.Longitude = input.Longitude;
        db.AuditReason = Reason(code, "edited", input.Reason);
        await SaveAsync(db, ct);
        return await GetAsync(code, ct);
    }

    /// <summary>The date column each phase keeps (在建 has none: it is reached without a day of its own).</summary>
    internal static string? DayField(ProjectPhase phase) => phase switch
    {
        ProjectPhase.Signed => "signedOn",
        ProjectPhase.Started => "startedOn",
        ProjectPhase.Completed => "completedOn",
        ProjectPhase.InProduction => "inProductionOn",
        _ => null,
    };

    /// <summary>
    /// Moves a project to a later phase (签约 → 开工 → 在建 → 竣工 → 投产), one step at a time — 在建 may be passed over
    /// when a project is completed straight from started. The day reached may not be before the previous phase's day
    /// nor after today; a refusal names the phase's day field (e.g. <c>completedOn</c>).
    /// </summary>
    public async Task<ProjectDetail> AdvanceAsync(string code, PhaseAdvance input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandEdit(p);
        var errors = new ValidationErrors();
        var target = input.Phase;
        var field = DayField(target) ?? "reachedOn";
        if (!Enum.IsDefined(target)) errors.Add("phase", l["Err_Phase"]);
        else if (target <= p.Phase) errors.Add("phase", l["Err_PhaseNotLater", l["Phase_" + p.Phase]]);
        else if (target != p.Phase + 1 && !(p.Phase == ProjectPhase.Started && target == ProjectPhase.Completed))
            errors.Add("phase", l["Err_PhaseSkip", l["Phase_" + (p.Phase + 1)]]);
        else if (DayField(target) is not null)
        {
            if (input.ReachedOn is not { } day) errors.Add(field, l["Err_DayRequired"]);
            else
            {
                var (previousPhase, previousDay) = PreviousDay(p);
                if (day < previousDay) errors.Add(field, l["Err_PhaseBefore", l["Phase_" + target], l["Phase_" + previousPhase], Day(previousDay)]);
                else if (day > Today) errors.Add(field, l["Err_DayInFuture"]);
            }
        }
        CheckReason(input.Reason, errors);
        var version = RequireVersion(ifMatch, input.Version, errors);
        errors.ThrowIfAny();
        Guard(db, p, ifMatch, version);
        var from = p.Phase;
        p.Phase = target;
        switch (target)
        {
            case ProjectPhase.Started: p.StartedOn = input.ReachedOn; break;
            case ProjectPhase.Completed: p.CompletedOn = input.ReachedOn; break;
            case ProjectPhase.InProduction: p.InProductionOn = input.ReachedOn; break;
        }
        db.AuditReason = Reason(code, string.Create(CultureInfo.InvariantCulture, $"phase {from} → {target}{(input.ReachedOn is { } d ? " on " + Day(d) : "")}"), input.Reason);
        await SaveAsync(db, ct);
        return await GetAsync(code, ct);
    }

    private static (ProjectPhase Phase, DateOnly Day) PreviousDay(Project p) =>
        p.InProductionOn is { } ip ? (ProjectPhase.InProduction, ip)
        : p.CompletedOn is { } c ? (ProjectPhase.Completed, c)
        : p.StartedOn is { } s ? (ProjectPhase.Started, s)
        : (ProjectPhase.Signed, p.SignedOn);

    /// <summary>Replaces the special team (专班): accounts of the zone, each once, at most one 专班负责人.</summary>
    public async Task<ProjectDetail> SaveMembersAsync(string code, MembersInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().Include(x => x.Members).FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandEdit(p);
        var list = input.Members ?? [];
        var errors = new ValidationErrors();
        if (list.Count > MaxMembers) errors.Add("members", l["Err_TooMany", MaxMembers]);
        var ids = list.Select(m => m.UserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.ZoneId == p.ZoneId && ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var seen = new HashSet<Guid>();
        var leads = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"members[{i}]");
            if (!accounts.ContainsKey(m.UserId)) errors.Add(at + ".userId", l["Err_UnknownAccount"]);
            else if (!seen.Add(m.UserId)) errors.Add(at + ".userId", l["Err_DuplicateMember"]);
            if (!Enum.IsDefined(m.Role)) errors.Add(at + ".role", l["Err_Role"]);
            else if (m.Role == MemberRole.Lead && ++leads > 1) errors.Add(at + ".role", l["Err_OneLead"]);
        }
        CheckReason(input.Reason, errors);
        var version = RequireVersion(ifMatch, input.Version, errors);
        errors.ThrowIfAny();
        Guard(db, p, ifMatch, version);
        foreach (var gone in p.Members.Where(x => !seen.Contains(x.UserId)).ToList()) db.Remove(gone);
        foreach (var m in list)
        {
            if (p.Members.FirstOrDefault(x => x.UserId == m.UserId) is { } existing)
            {
                existing.Role = m.Role;
                existing.DisplayName = accounts[m.UserId];
            }
            else
            {
                db.Add(new ProjectMember { ZoneId = p.ZoneId, ProjectId = p.Id, UserId = m.UserId, DisplayName = accounts[m.UserId], Role = m.Role });
            }
        }
        Touch(db, p);
        db.AuditReason = Reason(code, "team saved", input.Reason);
        await SaveAsync(db, ct);
        return await GetAsync(code, ct);
    }

    /// <summary>
    /// Replaces the milestone list, in order. Planned days are working days of the loaded calendar and never earlier than
    /// the milestone before; an actual day is not in the future. Each refusal names the row (<c>milestones[2].plannedOn</c>).
    /// </summary>
    public async Task<ProjectDetail> SaveMilestonesAsync(string code, MilestonesInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().Include(x => x.Milestones).FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandEdit(p);
        var calendar = await calendars.GetAsync(ct);
        var list = input.Milestones ?? [];
        var errors = new ValidationErrors();
        if (list.Count > MaxMilestones) errors.Add("milestones", l["Err_TooMany", MaxMilestones]);
        (int Index, DateOnly Day)? previous = null;
        var today = Today;
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"milestones[{i}]");
            var name = m.Name?.Trim() ?? "";
            if (name.Length == 0) errors.Add(at + ".name", l["Err_MilestoneName"]);
            else if (name.Length > 100) errors.Add(at + ".name", l["Err_TooLong", 100]);
            if (m.Id is { } id && p.Milestones.All(x => x.Id != id)) errors.Add(at + ".id", l["Err_UnknownMilestone"]);
            if (m.PlannedOn is not { } planned) errors.Add(at + ".plannedOn", l["Err_PlannedRequired"]);
            else
            {
                if (!calendar.LoadedYears.Contains(planned.Year)) errors.Add(at + ".plannedOn", l["Err_YearNotLoaded", planned.Year]);
                else if (!calendar.IsWorkingDay(planned)) errors.Add(at + ".plannedOn", l["Err_RestDay", Day(planned)]);
                if (previous is { } prev && planned < prev.Day) errors.Add(at + ".plannedOn", l["Err_PlannedOrder", Day(planned), prev.Index + 1, Day(prev.Day)]);
                previous = (i, planned);
            }
            if (m.ActualOn is { } actual && actual > today) errors.Add(at + ".actualOn", l["Err_DayInFuture"]);
        }
        CheckReason(input.Reason, errors);
        var version = RequireVersion(ifMatch, input.Version, errors);
        errors.ThrowIfAny();
        Guard(db, p, ifMatch, version);
        var kept = list.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet();
        foreach (var gone in p.Milestones.Where(x => !kept.Contains(x.Id)).ToList()) db.Remove(gone);
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var row = m.Id is { } id ? p.Milestones.First(x => x.Id == id) : null;
            if (row is null)
            {
                row = new Milestone { ZoneId = p.ZoneId, ProjectId = p.Id };
                db.Add(row);
            }
            row.SortOrder = i;
            row.Name = m.Name!.Trim();
            row.PlannedOn = m.PlannedOn!.Value;
            row.ActualOn = m.ActualOn;
        }
        Touch(db, p);
        db.AuditReason = Reason(code, "milestones saved", input.Reason);
        await SaveAsync(db, ct);
        return await GetAsync(code, ct);
    }

    /// <summary>A year's planned investment (年度计划投资, 万元), one row per year.</summary>
    public async Task<ProjectDetail> SaveYearPlanAsync(string code, int year, YearPlanInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().Include(x => x.YearPlans).FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandEdit(p);
        var errors = new ValidationErrors();
        if (year is < 2000 or > 2100) errors.Add("year", l["Err_Year"]);
        CheckAmount(input.PlannedInvestment, "plannedInvestment", errors);
        CheckReason(input.Reason, errors);
        var version = RequireVersion(ifMatch, input.Version, errors);
        errors.ThrowIfAny();
        Guard(db, p, ifMatch, version);
        if (p.YearPlans.FirstOrDefault(y => y.Year == year) is { } plan) plan.PlannedInvestment = input.PlannedInvestment;
        else db.Add(new YearPlan { ZoneId = p.ZoneId, ProjectId = p.Id, Year = year, PlannedInvestment = input.PlannedInvestment });
        Touch(db, p);
        db.AuditReason = Reason(code, string.Create(CultureInfo.InvariantCulture, $"year plan {year}: {input.PlannedInvestment} 万元"), input.Reason);
        await SaveAsync(db, ct);
        return await GetAsync(code, ct);
    }

    /// <summary>Investment completed in a month (月度完成投资, 万元): one row per month, corrected by saving it again; not for a month still to come.</summary>
    public async Task<ProjectDetail> SaveInvestmentAsync(string code, int year, int month, InvestmentInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Project>().Include(x => x.Investments).FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw NotFound();
        DemandEdit(p);
        var errors = new ValidationErrors();
        var today = Today;
        if (year is < 2000 or > 2100) errors.Add("year", l["Err_Year"]);
        else if (month is < 1 or > 12) errors.Add("month", l["Err_Month"]);
        else if (year * 12 + month > today.Year * 12 + today.Month) errors.Add("month", l["Err_FutureMonth"]);
        CheckAmount(input.Amount, "amount", errors);
        CheckReason(input.Reason, errors);
        var version = RequireVersion(ifMatch, input.Version, errors);
        errors.ThrowIfAny();
        Guard(db, p, ifMatch, version);
        var now = time.GetUtcNow().ToOffset(China);
        var by = user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName;
        if (p.Investments.FirstOrDefault(x => x.Year == year && x.Month == month) is { } row)
        {
            row.Amount = input.Amount;
            row.ReportedAt = now;
            row.ReportedBy = by;
        }
        else
        {
            db.Add(new MonthlyInvestment { ZoneId = p.ZoneId, ProjectId = p.Id, Year = year, Month = month, Amount = input.Amount, ReportedAt = now, ReportedBy = by });
        }
        Touch(db, p);
        db.AuditReason = Reason(code, string.Create(CultureInfo.InvariantCulture, $"investment {year}-{month:D2}: {input.Amount} 万元"), input.Reason);
        await SaveAsync(db, ct);
        return await GetAsync(code, ct);
    }

    /// <summary>Accounts of the zone for the team picker (staff and enterprise users; names only).</summary>
    public async Task<IReadOnlyList<PersonOption>> PeopleAsync(string? search, CancellationToken ct = default)
    {
        if (!EditorRole || user.ZoneId is not { } zone) throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var wanted = Roles.Staff.Append(Roles.EnterpriseUser).ToArray();
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.ZoneId == zone && wanted.Contains(r.Name!)
                          select new { u.Id, u.DisplayName, Role = r.Name! }).ToListAsync(ct);
        var s = search?.Trim();
        return rows.GroupBy(r => r.Id)
            .Select(g => new PersonOption(g.Key, g.First().DisplayName, g.Select(x => x.Role).Order(StringComparer.Ordinal).ToList()))
            .Where(p => string.IsNullOrEmpty(s) || p.Name.Contains(s, StringComparison.Ordinal))
            .OrderBy(p => p.Name, StringComparer.Ordinal).Take(100).ToList();
    }

    /// <summary>
    /// Enterprises of the zone's registry whose name or credit code holds the text (the owner picker), through the
    /// Enterprises module's contract; an owner not (yet) registered is typed as a name instead.
    /// </summary>
    public async Task<IReadOnlyList<OwnerOption>> OwnersAsync(string? search, CancellationToken ct = default)
    {
        if (!EditorRole) throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        var page = await enterprises.SearchAsync(search, 0, 20, ct);
        return page.Items.Select(e => new OwnerOption(e.Id, e.Name)).ToList();
    }

    /// <summary>Accounts of the zone that may be a responsible leader (分包领导): zone leaders and department staff, names only.</summary>
    public async Task<IReadOnlyList<PersonOption>> LeadersAsync(string? search, CancellationToken ct = default)
    {
        if (!EditorRole) throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        return (await registry.LeadersAsync(search, null, ct)).Select(a => new PersonOption(a.Id, a.Name, a.Roles)).ToList();
    }

    public async Task<IReadOnlyList<NamedUnit>> ParksAsync(CancellationToken ct = default) => await organisation.ParksAsync(ct);

    private async Task<ProjectDetail> ViewAsync(Project p, CancellationToken ct)
    {
        var today = Today;
        var parks = await ParkNamesAsync(ct);
        var timeline = Enum.GetValues<ProjectPhase>().Select(phase => new PhaseStep(phase, phase switch
        {
            ProjectPhase.Signed => p.SignedOn,
            ProjectPhase.Started => p.StartedOn,
            ProjectPhase.Completed => p.CompletedOn,
            ProjectPhase.InProduction => p.InProductionOn,
            _ => null,
        }, phase <= p.Phase)).ToList();
        return new ProjectDetail(p.Id, p.Code, p.Name, p.Level, p.Category, p.ParkId, p.ParkId is { } park ? parks.GetValueOrDefault(park) : null,
            p.OwnerEnterpriseId, p.OwnerName, p.Description, p.TotalInvestment, p.Phase, p.SignedOn, p.StartedOn, p.CompletedOn, p.InProductionOn,
            p.ResponsibleLeader, p.Latitude, p.Longitude, p.SourceLeadId, p.Version, MayEdit(p),
            p.Members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => new MemberView(m.UserId, m.DisplayName, m.Role)).ToList(),
            p.Milestones.OrderBy(m => m.SortOrder).Select(m => new MilestoneView(m.Id, m.SortOrder, m.Name, m.PlannedOn, m.ActualOn,
                m.ActualOn is null && m.PlannedOn < today, m.ActualOn is { } a && a > m.PlannedOn)).ToList(),
            p.YearPlans.OrderBy(y => y.Year).Select(y => new YearPlanView(y.Year, y.PlannedInvestment)).ToList(),
            p.Investments.OrderBy(i => i.Year).ThenBy(i => i.Month).Select(i => new InvestmentView(i.Year, i.Month, i.Amount, i.ReportedAt.ToOffset(China), i.ReportedBy)).ToList(),
            timeline, p.ResponsibleLeaderUserId);
    }

    private void DemandRead(Project p)
    {
        if (IsStaff) return;
        if (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId is { } e && p.OwnerEnterpriseId == e) return;
        throw new ForbiddenException(ReadRule, l["Err_MayNotRead"]);
    }

    private void DemandEdit(Project p)
    {
        if (!EditorRole)
        {
            DemandRead(p);
            throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        }
        if (!MayEdit(p)) throw new ForbiddenException(EditRule, l["Err_OwnPark"]);
    }

    /// <summary>The version the writer read: If-Match, else the body's; required either way.</summary>
    private int? RequireVersion(int? ifMatch, int? body, ValidationErrors errors)
    {
        var version = ifMatch ?? body;
        if (version is null) errors.Add("version", l["Err_VersionRequired"]);
        return version;
    }

    /// <summary>If-Match that is stale is a 412; a stale version in the body is a 409 when the save finds it moved on.</summary>
    private void Guard(PlatformDbContext db, Project p, int? ifMatch, int? version)
    {
        if (ifMatch is { } v && v != p.Version) throw new PreconditionFailedException(l["Err_Stale"]);
        db.Entry(p).Property(x => x.Version).OriginalValue = version!.Value;
    }

    /// <summary>A change to the team, milestones or investment is a change of the project: its version moves, so a stale page cannot overwrite it.</summary>
    private static void Touch(PlatformDbContext db, Project p) => db.Entry(p).Property(x => x.Version).IsModified = true;

    private void CheckAmount(decimal amount, string field, ValidationErrors errors)
    {
        if (amount < 0) errors.Add(field, l["Err_Negative"]);
        else if (amount > 100_000_000) errors.Add(field, l["Err_AmountTooLarge"]);
    }

    private void CheckReason(string? reason, ValidationErrors errors)
    {
        if (reason?.Trim().Length > 500) errors.Add("reason", l["Err_TooLong", 500]);
    }

    private void CheckPosition(ProjectInput input, ValidationErrors errors, bool throwNow)
    {
        if (input.Latitude is { } lat && (lat is < -90 or > 90 || double.IsNaN(lat))) errors.Add("latitude", l["Err_Position"]);
        if (input.Longitude is { } lng && (lng is < -180 or > 180 || double.IsNaN(lng))) errors.Add("longitude", l["Err_Position"]);
        if (throwNow) errors.ThrowIfAny();
    }

    private static string Reason(string code, string what, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? $"project {code}: {what}" : $"project {code}: {what} — {reason.Trim()}";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
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
            // Two writers added the same month, year or member at once: the second is told to read again.
            throw new ConflictException("version", l["Err_Stale"]);
        }
    }

    private async Task<Dictionary<Guid, string>> ParkNamesAsync(CancellationToken ct) =>
        (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);

    private NotFoundException NotFound() => new(l["Err_NotFound"]);
}
