using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Rules.Engine;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Applications;

public sealed partial class ApplicationService
{
    /// <summary>
    /// A person's decision (决定) and its service (办结) in one act: an approval issues the item's certificate, a refusal
    /// cites one of the item's published conditions or prohibited situations — anything else is refused as input.
    /// </summary>
    public async Task<ApplicationView> DecideAsync(string number, DecisionRequest request, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await LoadAsync(db, number, ct);
        if (!MayDecide(app)) throw new ForbiddenException(DecideRule, T("Err_MayNotDecide"));
        if (expectedVersion is { } v && v != app.Version) throw new PreconditionFailedException(T("Err_Stale"));
        if (app.Stage != ApplicationStage.Accepted) throw new ConflictException("stage", T("Err_NotAwaitingDecision"));
        var item = await db.Set<ServiceItem>().AsNoTracking().FirstAsync(i => i.Id == app.ItemId, ct);
        var errors = new ValidationErrors();
        if (request.Decision is null) errors.Add("decision", T("Err_DecisionRequired"));
        var note = request.Note?.Trim();
        if (note?.Length > 2000) errors.Add("note", T("Err_FieldTooLong"));
        ItemRule? cited = null;
        if (request.Decision == Decision.Refused)
        {
            var rule = request.Rule?.Trim();
            cited = item.Conditions.Concat(item.Prohibited).FirstOrDefault(r => string.Equals(r.Code, rule, StringComparison.OrdinalIgnoreCase));
            if (string.IsNullOrEmpty(rule)) errors.Add("rule", T("Err_RefusalNeedsRule"));
            else if (cited is null) errors.Add("rule", string.Format(CultureInfo.CurrentCulture, T("Err_RuleNotOfItem"), rule, item.Name));
        }
        if (request.Decision == Decision.Approved && app.NeedsDiscrepancyReview && string.IsNullOrWhiteSpace(note))
            errors.Add("note", T("Err_DiscrepancyNote"));
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        app.Decision = request.Decision;
        app.DecidedAt = now;
        app.DecisionNote = note;
        if (cited is not null)
        {
            app.RefusalRule = cited.Code;
            app.RefusalText = cited.Text;
        }
        app.Stage = ApplicationStage.Decided;
        db.Add(Event(app, now, ActorName(), request.Decision == Decision.Approved ? "Approve" : "Refuse", ApplicationStage.Accepted, ApplicationStage.Decided,
            cited is null ? note : $"{cited.Code} {cited.Text}" + (string.IsNullOrEmpty(note) ? "" : " · " + note)));
        await SaveAsync(db, app, expectedVersion, $"application {app.Number} {(request.Decision == Decision.Approved ? "approved" : "refused citing " + cited!.Code)}", ct);
        await CompleteAsync(app.Id, item, ActorName(), ct);
        return await GetAsync(app.Id, ct);
    }

    /// <summary>
    /// 办结: an approval's certificate is issued by the licence registry (its own transaction), then the application is
    /// completed with the certificate's number. Should issuing fail, the application stays decided and the next
    /// call completes it — never a completed approval without its certificate.
    /// </summary>
    private async Task CompleteAsync(Guid id, ServiceItem item, string? actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await db.Set<Application>().Include(a => a.Materials).FirstAsync(a => a.Id == id, ct);
        if (app.Stage != ApplicationStage.Decided) return;
        var now = time.GetUtcNow();
        string text;
        if (app.Decision == Decision.Approved && item.IssuesLicenceType is { } type)
        {
            IssuedLicence issued;
            try
            {
                issued = await licences.IssueAsync(new LicenceIssue(type, app.ApplicantKey, app.ApplicantName, Today(), ValidUntil(app, item),
                    CertificateFields(app, item), app.Number), ct);
            }
            catch (Exception e) when (e is PlatformException or DbUpdateException)
            {
                // The decision stands; the application waits, decided, until staff complete it again (CompleteDecidedAsync).
                log.LogWarning(e, "The certificate of {Number} could not be issued", app.Number);
                db.Add(Event(app, now, T("Actor_System"), "CertificatePending", ApplicationStage.Decided, ApplicationStage.Decided, T("Ev_CertificatePending")));
                db.AuditReason = $"application {app.Number}: certificate not issued ({e.GetType().Name})";
                await db.SaveChangesAsync(ct);
                return;
            }
            app.LicenceNumber = issued.Number;
            text = string.Format(CultureInfo.CurrentCulture, T("Notice_Approved"), app.Number, app.ItemName, issued.Number);
        }
        else if (app.Decision == Decision.Approved)
        {
            text = string.Format(CultureInfo.CurrentCulture, T("Notice_ApprovedNoCertificate"), app.Number, app.ItemName);
        }
        else
        {
            text = string.Format(CultureInfo.CurrentCulture, T("Notice_Refused"), app.Number, app.ItemName, app.RefusalRule, app.RefusalText);
        }
        app.Stage = ApplicationStage.Completed;
        app.CompletedAt = now;
        var calendar = await calendars.GetAsync(ct);
        var local = WorkingClock.ChinaOffset;
        try
        {
            app.WorkingDaysTaken = calendar.WorkingDaysBetween(DateOnly.FromDateTime(app.AcceptedAt!.Value.ToOffset(local).DateTime), DateOnly.FromDateTime(now.ToOffset(local).DateTime));
        }
        catch (Calendar.Domain.CalendarYearNotLoadedException)
        {
            app.WorkingDaysTaken = null;
        }
        app.OnTime = app.DueAt is null ? null : now <= app.DueAt;
        db.Add(Event(app, now, actor, "Complete", ApplicationStage.Decided, ApplicationStage.Completed, app.LicenceNumber));
        Notify(db, app, now, text);
        await SaveAsync(db, app, null, $"application {app.Number} completed", ct);
        if (app.BundleApplicationId is { } parent) await JoinBundleAsync(parent, ct);
    }

    /// <summary>
    /// 办结 again for an application left decided because its certificate could not be issued (the licence registry
    /// refused or failed): the same completion, by staff who may decide the item.
    /// </summary>
    public async Task<ApplicationView> CompleteDecidedAsync(string number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await LoadAsync(db, number, ct);
        if (!MayDecide(app)) throw new ForbiddenException(DecideRule, T("Err_MayNotDecide"));
        if (app.Stage != ApplicationStage.Decided) throw new ConflictException("stage", T("Err_NotDecided"));
        var item = await db.Set<ServiceItem>().AsNoTracking().FirstAsync(i => i.Id == app.ItemId, ct);
        await CompleteAsync(app.Id, item, ActorName(), ct);
        return await GetAsync(app.Id, ct);
    }

    /// <summary>秒批: Eligible with nothing else for a person to look at approves at once; otherwise the explanation waits for the reviewer.</summary>
    private async Task TryAutoApproveAsync(Guid id, ServiceItem item, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await db.Set<Application>().Include(a => a.Materials).FirstAsync(a => a.Id == id, ct);
        var answers = JsonSerializer.Deserialize<Dictionary<string, string?>>(app.FormJson, Json) ?? [];
        var result = AutoApproval.Evaluate(item, answers, Today());
        app.AutoApprovalJson = JsonSerializer.Serialize(AutoApproval.View(result, CultureInfo.CurrentUICulture), Json);
        var now = time.GetUtcNow();
        var holdFor = result.Outcome != Outcome.Eligible ? T("Auto_NotEligible")
            : app.DeferredAcceptance ? T("Auto_HeldDeferred")
            : app.NeedsDiscrepancyReview ? T("Auto_HeldDiscrepancy")
            : null;
        if (holdFor is not null)
        {
            db.Add(Event(app, now, T("Actor_System"), "AutoCheck", ApplicationStage.Accepted, ApplicationStage.Accepted, holdFor));
            await SaveAsync(db, app, null, $"application {app.Number}: automatic approval did not decide ({result.Outcome})", ct);
            return;
        }
        app.Decision = Decision.Approved;
        app.AutoApproved = true;
        app.DecidedAt = now;
        app.Stage = ApplicationStage.Decided;
        db.Add(Event(app, now, T("Actor_System"), "AutoApprove", ApplicationStage.Accepted, ApplicationStage.Decided, T("Auto_Approved")));
        await SaveAsync(db, app, null, $"application {app.Number} approved automatically ({item.Code} conditions met)", ct);
        await CompleteAsync(app.Id, item, T("Actor_System"), ct);
    }

    /// <summary>容缺: the promise becomes a follow-up case owned by the implementing department, due on the promise date.</summary>
    private async Task TrackDeferredAsync(Application app, CancellationToken ct)
    {
        try
        {
            var calendar = await calendars.GetAsync(ct);
            var made = await cases.OpenFollowUpAsync(new FollowUp(
                app.ZoneId, DeferredCaseType,
                string.Format(CultureInfo.CurrentCulture, T("Case_Description"), app.Number, app.ItemName, app.ApplicantName, Deferred(app), app.PromisedBy),
                new WorkingClock(calendar).EndOfDay(app.PromisedBy!.Value), app.DepartmentId, app.EnterpriseId, user.UserId,
                ActorName(), string.Format(CultureInfo.CurrentCulture, T("Case_Reason"), app.Number)), ct);
            await using var db = await dbs.CreateDbContextAsync(ct);
            var row = await db.Set<Application>().FirstAsync(a => a.Id == app.Id, ct);
            row.DeferredCaseId = made.Id;
            row.DeferredCaseCode = made.TrackingCode;
            await SaveAsync(db, row, null, $"application {app.Number}: deferred materials tracked as case {made.TrackingCode}", ct);
        }
        catch (Exception e) when (e is PlatformException or DbUpdateException)
        {
            // The application stands; staff see it as deferred without a case and the overdue list still shows the promise.
            log.LogWarning(e, "Deferred materials of {Number} were not raised as a case", app.Number);
        }
    }

    /// <summary>
    /// 先办后补: the applicant (or window staff) supplies a deferred material. In a bundle the same material was
    /// promised once, so it is supplied to every application of the bundle that waits for it. When nothing is
    /// left to supply, the follow-up case closes.
    /// </summary>
    public async Task<ApplicationView> SupplyAsync(string number, MaterialUpload upload, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var app = await LoadAsync(db, number, ct);
        if (!MayRead(app) || !(IsApplicant(app) || MayDecide(app))) throw new ForbiddenException(ReadRule, T("Err_NotYours"));
        var field = $"materials.{upload.MaterialCode}";
        var wanted = app.Materials.FirstOrDefault(m => m.MaterialCode == upload.MaterialCode && m.State == MaterialState.Deferred)
            ?? throw new ValidationFailedException(field, T("Err_NotDeferred"));
        if (upload.Content.Length == 0) throw new ValidationFailedException(field, string.Format(CultureInfo.CurrentCulture, T("Err_FileEmpty"), wanted.MaterialName));
        if (upload.Content.Length > MaterialFileCheck.MaxBytes) throw new ValidationFailedException(field, string.Format(CultureInfo.CurrentCulture, T("Err_FileTooLarge"), wanted.MaterialName, MaterialFileCheck.MaxBytes / 1024 / 1024));
        if (MaterialFileCheck.Sniff(upload.Content) is not { } type) throw new ValidationFailedException(field, string.Format(CultureInfo.CurrentCulture, T("Err_FileType"), wanted.MaterialName));

        var now = time.GetUtcNow();
        var file = new StoredFile { ZoneId = app.ZoneId, Content = upload.Content };
        db.Add(file);
        var siblings = app.BundleApplicationId is { } parent
            ? await db.Set<Application>().Include(a => a.Materials).Where(a => a.BundleApplicationId == parent).ToListAsync(ct)
            : [app];
        var touched = new List<Application>();
        foreach (var a in siblings)
        {
            foreach (var m in a.Materials.Where(m => m.MaterialCode == upload.MaterialCode && m.State == MaterialState.Deferred))
            {
                m.State = MaterialState.Provided;
                m.FileId = file.Id;
                m.FileName = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 200 } n ? n : m.MaterialCode;
                m.ContentType = type;
                m.Size = upload.Content.Length;
                m.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(upload.Content));
                m.SuppliedAt = now;
                touched.Add(a);
            }
        }
        foreach (var a in touched.Distinct())
        {
            db.Add(Event(a, now, ActorName(), "Supply", a.Stage, a.Stage, string.Format(CultureInfo.CurrentCulture, T("Ev_Supplied"), wanted.MaterialName)));
            // Two supplies at once must not both think the other material is still missing: the version moves.
            db.Entry(a).Property(x => x.Version).IsModified = true;
        }
        db.AuditReason = $"deferred material {upload.MaterialCode} supplied for {app.Number}";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", T("Err_Stale")); }
        foreach (var a in touched.Distinct().Where(a => a.Materials.All(m => m.State != MaterialState.Deferred) && a.DeferredCaseId is not null))
        {
            try
            {
                await cases.CloseFollowUpAsync(a.ZoneId, a.DeferredCaseId!.Value, string.Format(CultureInfo.CurrentCulture, T("Case_Closed"), a.Number), ActorName(), ct);
            }
            catch (Exception e) when (e is PlatformException or DbUpdateException)
            {
                // The material is in; the case is closed by staff from the case page (its description names the application).
                log.LogWarning(e, "Follow-up case of {Number} was not closed after the last deferred material", a.Number);
            }
        }
        return await GetAsync(app.Id, ct);
    }

    private async Task JoinBundleAsync(Guid parentId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var parent = await db.Set<BundleApplication>().FirstAsync(b => b.Id == parentId, ct);
        if (parent.CompletedAt is not null) return;
        var open = await db.Set<Application>().AnyAsync(a => a.BundleApplicationId == parentId && (a.Stage == ApplicationStage.Submitted || a.Stage == ApplicationStage.Accepted || a.Stage == ApplicationStage.Decided), ct);
        if (open) return;
        parent.CompletedAt = time.GetUtcNow();
        db.AuditReason = $"bundle application {parent.Number}: every item completed";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { /* a sibling completing at the same moment joined it */ }
    }

    private static readonly string[] DurationFields = ["days", "durationDays"];

    private DateOnly? ValidUntil(Application app, ServiceItem item)
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, string?>>(app.FormJson, Json) ?? [];
        var days = DurationFields.Select(k => answers.GetValueOrDefault(k))
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : (int?)null).FirstOrDefault(d => d > 0);
        var start = answers.GetValueOrDefault("startDate") is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sd) ? sd : Today();
        // A duration past ten years is not a duration a certificate of these items has: fall back to the item's kind.
        return days is { } n && n <= 3650 ? start.AddDays(n - 1) : item.Kind == ItemKind.AdministrativeLicence ? Today().AddYears(1).AddDays(-1) : null;
    }

    private static List<KeyValuePair<string, string>> CertificateFields(Application app, ServiceItem item)
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, string?>>(app.FormJson, Json) ?? [];
        var list = new List<KeyValuePair<string, string>>
        {
            new("事项", item.Name),
            new("办件编号", app.Number),
            new("实施主体", item.DepartmentName),
        };
        foreach (var f in item.FormFields.Where(f => f.Prefill is null && answers.GetValueOrDefault(f.Key) is { Length: > 0 }))
        {
            var value = answers[f.Key]!;
            list.Add(new(f.Label, f.Kind == FieldKind.YesNo ? (value == "true" ? "是" : "否") : value));
        }
        return list;
    }

    private async Task SaveAsync(PlatformDbContext db, Application app, int? expectedVersion, string reason, CancellationToken ct)
    {
        db.Entry(app).Property(x => x.Version).OriginalValue = expectedVersion ?? app.Version;
        db.AuditReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", T("Err_Stale"));
        }
    }

    private bool IsApplicant(Application app) =>
        (app.EnterpriseId is { } e && user.EnterpriseId == e) || (app.EnterpriseId is null && app.SubmittedByUserId == user.UserId && user.UserId is not null);

    private bool MayRead(Application app) =>
        IsApplicant(app) || user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff);

    /// <summary>Administrators decide anything; department staff their own department's items (行政许可法 §22: within its competence).</summary>
    private bool MayDecide(Application app) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.DepartmentStaff) && user.UnitId is { } unit && unit == app.DepartmentId);
}
