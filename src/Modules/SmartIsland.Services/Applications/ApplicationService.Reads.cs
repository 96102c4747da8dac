using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Applications;

public sealed partial class ApplicationService
{
    private async Task<Application> LoadAsync(PlatformDbContext db, string number, CancellationToken ct) =>
        await db.Set<Application>().Include(a => a.Materials).FirstOrDefaultAsync(a => a.Number == number, ct)
        ?? throw new NotFoundException(T("Err_NotFound"));

    public async Task<ApplicationView> GetAsync(string number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var id = await db.Set<Application>().Where(a => a.Number == number).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct) ?? throw new NotFoundException(T("Err_NotFound"));
        return await GetAsync(id, ct);
    }

    public async Task<ApplicationView> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await db.Set<Application>().AsNoTracking().Include(a => a.Materials).Include(a => a.Events)
            .FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(T("Err_NotFound"));
        // Someone else's application is "not found", not "forbidden": its number says nothing to a stranger.
        if (!MayRead(app)) throw new NotFoundException(T("Err_NotFound"));
        var item = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Materials).FirstAsync(i => i.Id == app.ItemId, ct);
        var bundleNumber = app.BundleApplicationId is { } b ? await db.Set<BundleApplication>().Where(x => x.Id == b).Select(x => x.Number).FirstOrDefaultAsync(ct) : null;
        var now = time.GetUtcNow();
        var personal = MayDecide(app) || IsApplicant(app);
        var steps = await StepsAsync(app, item, ct);
        return new ApplicationView(
            app.Id, app.Number, app.ItemCode, app.ItemName, app.DepartmentName, app.ApplicantKind,
            app.ApplicantKind == ApplicantKind.Person && !personal ? Masking.IdCard(app.ApplicantKey) : app.ApplicantKey,
            app.ApplicantKind == ApplicantKind.Person && !personal ? Masking.PersonName(app.ApplicantName) : app.ApplicantName,
            personal ? app.ContactName : Masking.PersonName(app.ContactName), personal ? app.ContactPhone : Masking.Phone(app.ContactPhone),
            app.Channel, app.Stage, app.Decision, app.RefusalRule, app.RefusalText, app.DecisionNote, app.AutoApproved,
            app.AutoApprovalJson is null ? null : JsonSerializer.Deserialize<AutoApprovalView>(app.AutoApprovalJson, Json),
            app.SubmittedAt, app.AcceptedAt, app.DueAt, app.StatutoryDueAt, app.DecidedAt, app.CompletedAt, IsOverdue(app, now),
            app.DeferredAcceptance, app.PromisedBy, app.DeferredCaseCode,
            Masked(JsonSerializer.Deserialize<Dictionary<string, string?>>(app.FormJson, Json) ?? [], item.FormFields, personal), item.FormFields,
            (JsonSerializer.Deserialize<List<Discrepancy>>(app.DiscrepanciesJson, Json) ?? [])
                .Select(d => personal ? d : d with { Declared = MaskedValue(item.FormFields, d.Field, d.Declared), Registry = MaskedValue(item.FormFields, d.Field, d.Registry) }).ToList(),
            app.Materials.OrderBy(m => item.Materials.FirstOrDefault(im => im.MaterialId == m.MaterialId)?.SortOrder ?? 99).Select(m => new ApplicationMaterialView(
                m.MaterialCode, m.MaterialName, m.State, m.LicenceNumber, m.LicenceSource, m.FileName, m.ContentType, m.Size, m.SuppliedAt,
                item.Materials.FirstOrDefault(im => im.MaterialId == m.MaterialId)?.Deferrable ?? false)).ToList(),
            app.Events.OrderBy(e => e.At).ThenBy(e => e.Action == "Submit" ? 0 : 1).Select(e => new ApplicationEventView(e.At, e.ActorName, e.Action, e.From, e.To, e.Note)).ToList(),
            steps, item.Conditions.Concat(item.Prohibited).ToList(),
            app.LicenceNumber, app.LicenceNumber is null ? null : $"/api/licences/{app.LicenceNumber}/pdf", app.LicenceNumber is null ? null : $"/verify/{app.LicenceNumber}",
            bundleNumber, MayDecide(app) && app.Stage == ApplicationStage.Accepted,
            (IsApplicant(app) || MayDecide(app)) && app.Materials.Any(m => m.State == MaterialState.Deferred), app.Version)
        {
            CanComplete = MayDecide(app) && app.Stage == ApplicationStage.Decided,
        };
    }

    /// <summary>The item's flow steps with their due dates: each step's days counted on from the previous one, after acceptance.</summary>
    private async Task<IReadOnlyList<StepView>> StepsAsync(Application app, ServiceItem item, CancellationToken ct)
    {
        if (app.AcceptedAt is not { } accepted) return item.Steps.Select(s => new StepView(s.Name, s.Actor, null, false)).ToList();
        var clock = new Cases.Domain.WorkingClock(await calendars.GetAsync(ct));
        var days = 0;
        var list = new List<StepView>();
        for (var i = 0; i < item.Steps.Count; i++)
        {
            var s = item.Steps[i];
            days += s.Days;
            DateTimeOffset? due;
            // Steps share the promised limit: none is due after the application itself.
            try { due = clock.AddWorkingDays(accepted, Math.Min(days, item.PromisedLimitDays)); }
            catch (Calendar.Domain.CalendarYearNotLoadedException) { due = null; }
            var done = app.Stage switch
            {
                ApplicationStage.Completed => true,
                ApplicationStage.Decided => i < item.Steps.Count - 1,
                ApplicationStage.Accepted => i == 0,
                _ => false,
            };
            list.Add(new StepView(s.Name, s.Actor, due, done));
        }
        return list;
    }

    /// <summary>Form values a reader who may not see personal data gets: the legal representative's and contacts' names and phones masked.</summary>
    private static Dictionary<string, string?> Masked(Dictionary<string, string?> form, IReadOnlyList<FormFieldDefinition> fields, bool personal) =>
        personal ? form : form.ToDictionary(f => f.Key, f => MaskedValue(fields, f.Key, f.Value));

    private static string? MaskedValue(IReadOnlyList<FormFieldDefinition> fields, string key, string? value) =>
        fields.FirstOrDefault(f => f.Key == key)?.Prefill switch
        {
            "enterprise.legalRepresentative" or "enterprise.contactName" => Masking.PersonName(value),
            "enterprise.phone" => Masking.Phone(value),
            _ => value,
        };

    private bool SeesNames() => user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff, Roles.EnterpriseUser, Roles.Citizen);

    private static bool IsOverdue(Application app, DateTimeOffset now) =>
        app.Stage is ApplicationStage.Accepted or ApplicationStage.Decided && app.DueAt is { } due && now > due;

    /// <summary>An applicant's own applications; staff the zone's (a department clerk with a unit: that department's), newest first.</summary>
    public async Task<ApplicationPage> ListAsync(ApplicationQuery query, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) throw new ForbiddenException(ReadRule, T("Err_SignIn"));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Application>().AsNoTracking();
        var staff = user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff);
        if (!staff || query.Mine == true)
        {
            var me = user.UserId;
            var ent = user.EnterpriseId;
            q = ent is { } e ? q.Where(a => a.EnterpriseId == e) : q.Where(a => a.SubmittedByUserId == me);
        }
        else if (user.IsInRole(Roles.DepartmentStaff) && !user.IsInRole(Roles.Admin) && user.UnitId is { } unit)
        {
            q = q.Where(a => a.DepartmentId == unit);
        }
        if (query.Stage is { } stage) q = q.Where(a => a.Stage == stage);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var t = query.Text.Trim();
            // A reader who sees persons' names masked cannot find them by name either.
            q = SeesNames()
                ? q.Where(a => a.Number.Contains(t) || a.ItemName.Contains(t) || a.ApplicantName.Contains(t))
                : q.Where(a => a.Number.Contains(t) || a.ItemName.Contains(t) || (a.ApplicantKind == ApplicantKind.Organisation && a.ApplicantName.Contains(t)));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Number).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        var parents = rows.Where(r => r.BundleApplicationId is not null).Select(r => r.BundleApplicationId!.Value).Distinct().ToList();
        var numbers = await db.Set<BundleApplication>().AsNoTracking().Where(b => parents.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        var now = time.GetUtcNow();
        return new ApplicationPage(rows.Select(a => Row(a, now, a.BundleApplicationId is { } p ? numbers.GetValueOrDefault(p) : null)).ToList(), total);
    }

    private ApplicationListItem Row(Application a, DateTimeOffset now, string? bundleNumber) =>
        new(a.Number, a.ItemCode, a.ItemName, a.DepartmentName,
            a.ApplicantKind == ApplicantKind.Person && !(MayDecide(a) || IsApplicant(a)) ? Masking.PersonName(a.ApplicantName) : a.ApplicantName,
            a.Stage, a.Decision, a.AutoApproved, a.DeferredAcceptance, a.NeedsDiscrepancyReview, a.SubmittedAt, a.DueAt, IsOverdue(a, now), bundleNumber, a.Version);

    public async Task<BundleApplicationView> GetBundleAsync(string number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var id = await db.Set<BundleApplication>().Where(b => b.Number == number).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct) ?? throw new NotFoundException(T("Err_NotFound"));
        return await GetBundleAsync(id, ct);
    }

    public async Task<BundleApplicationView> GetBundleAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var parent = await db.Set<BundleApplication>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException(T("Err_NotFound"));
        var children = await db.Set<Application>().AsNoTracking().Where(a => a.BundleApplicationId == id).OrderBy(a => a.Number).ToListAsync(ct);
        if (children.Count == 0 || !children.Any(MayRead)) throw new NotFoundException(T("Err_NotFound"));
        var code = await db.Set<Bundles.Bundle>().Where(b => b.Id == parent.BundleId).Select(b => b.Code).FirstAsync(ct);
        var now = time.GetUtcNow();
        var personal = children.Any(a => MayDecide(a) || IsApplicant(a));
        var applicant = children[0].ApplicantKind == ApplicantKind.Person && !personal ? Masking.PersonName(parent.ApplicantName) : parent.ApplicantName;
        return new BundleApplicationView(parent.Number, code, parent.BundleName, applicant, parent.SubmittedAt, parent.CompletedAt,
            children.Select(a => Row(a, now, parent.Number)).ToList());
    }

    /// <summary>The signed-in applicant's notices, newest first; reading them marks them read.</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(int take = 50, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = user.UserId;
        var q = user.EnterpriseId is { } e ? db.Set<ApplicationNotice>().Where(n => n.EnterpriseId == e) : db.Set<ApplicationNotice>().Where(n => n.RecipientUserId == me);
        var rows = await q.OrderByDescending(n => n.At).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var list = rows.Select(n => new NoticeView(n.At, n.ApplicationNumber, n.Text, n.ReadAt is not null)).ToList();
        var unread = rows.Where(n => n.ReadAt is null).ToList();
        if (unread.Count > 0)
        {
            var now = time.GetUtcNow();
            foreach (var n in unread) n.ReadAt = now;
            db.AuditReason = "notices read";
            await db.SaveChangesAsync(ct);
        }
        return list;
    }

    /// <summary>A material's file, for the applicant and the staff who may decide.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> FileAsync(string number, string materialCode, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await LoadAsync(db, number, ct);
        if (!MayRead(app)) throw new NotFoundException(T("Err_NotFound"));
        // Scans of ID cards and contracts: the applicant's and the deciding department's, not every reader's.
        if (!(IsApplicant(app) || MayDecide(app))) throw new ForbiddenException(FileRule, T("Err_NotYours"));
        var m = app.Materials.FirstOrDefault(x => x.MaterialCode == materialCode && x.FileId is not null) ?? throw new NotFoundException(T("Err_NoFile"));
        var content = await db.Set<StoredFile>().Where(f => f.Id == m.FileId).Select(f => f.Content).FirstAsync(ct);
        return (content, m.ContentType ?? "application/octet-stream", m.FileName ?? m.MaterialCode);
    }
}
