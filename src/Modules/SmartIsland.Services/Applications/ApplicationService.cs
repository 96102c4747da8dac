using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Codes.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Applications;

/// <summary>
/// 办件 from submission to 办结. Submission is acceptance (受理) when every material that may not be deferred is
/// there, uploaded or proved by an e-licence (行政许可法 §32: materials complete → accepted); deadlines count in
/// working days from the day after acceptance (§82). Deferrable materials missing → 容缺受理 with a promise date,
/// tracked as a follow-up case. Items with approval rules are decided by the rules engine when it says Eligible
/// (秒批); every other decision is a person's, and a refusal cites the item's condition or prohibited situation.
/// </summary>
public sealed partial class ApplicationService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IWorkingDayCalendarProvider calendars,
    IEnterpriseDirectory enterprises, ILicenceRegistry licences, CaseService cases, IStringLocalizer<ApplicationStrings> l,
    ILogger<ApplicationService> log)
{
    public const string DeferredCaseType = "deferred-materials";
    public const string ApplyRule = "services.apply: enterprises apply for themselves, citizens for themselves, window staff (Admin, DepartmentStaff) for an applicant they name";
    public const string OwnRule = "services.apply.own: an enterprise applies only in its own name";
    public const string DecideRule = "services.decide: administrators and the implementing department's staff decide applications";
    public const string ReadRule = "services.read: an applicant sees its own applications; staff see their zone's";
    public const string FileRule = "services.files: a material's file is for the applicant and the staff who decide the item";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private string T(string key) => l[key];

    // ---- Prepare: the form as the applicant will see it ---------------------------------------------------------

    public async Task<PreparedApplication> PrepareAsync(string? itemCode, string? bundleCode, string? applicantKey, CancellationToken ct = default)
    {
        // The registry's values and the applicant's e-licences are shown only to whoever may apply for that applicant.
        if (!user.IsInAnyRole(Roles.EnterpriseUser, Roles.Citizen, Roles.Admin, Roles.DepartmentStaff)) throw new ForbiddenException(ApplyRule, T("Err_MayNotApply"));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (items, bundle) = await ItemsAsync(db, itemCode, bundleCode, ct);
        // At the window a clerk types either a credit code or an ID number: the number itself says which.
        var kind = applicantKey?.Trim() is { Length: 18 } k && IdCardNumber.Check(k.ToUpperInvariant(), Today()).Valid ? ApplicantKind.Person : ApplicantKind.Organisation;
        var applicant = await ApplicantForAsync(applicantKey, kind, null, new ValidationErrors(), lenient: true, ct);
        var fields = FormAnswers.Merge(items);
        var merged = BundleMerge.Merge(items);
        var lookup = applicant is null || !IdentityVerified() ? new LicenceLookup([], []) : await LookupAsync(applicant.Key, merged, ct);
        var today = Today();
        var anyDeferrable = merged.Materials.Any(m => m.Deferrable && m.Required);
        DateOnly? deferredBy = null;
        if (anyDeferrable)
        {
            try { deferredBy = (await calendars.GetAsync(ct)).AddWorkingDays(today, items.Max(i => i.DeferralDays)); }
            catch (CalendarYearNotLoadedException) { deferredBy = null; }
        }
        return new PreparedApplication(
            bundle?.Code ?? items[0].Code, bundle?.Name ?? items[0].Name, bundle is not null,
            items.Select(i => new PreparedItem(i.Code, i.Name, i.DepartmentName, i.PromisedLimitDays, i.StatutoryLimitDays, i.AutoApprovalRules is not null)).ToList(),
            applicant is null ? null : new PreparedApplicant(applicant.Key, applicant.Name, applicant.Registry is not null),
            fields.Select(f => new PreparedField(f, FormAnswers.RegistryValue(f.Prefill, applicant?.Registry), FormAnswers.RegistryValue(f.Prefill, applicant?.Registry))).ToList(),
            merged.Materials.Select(m => new PreparedMaterial(m.Code, m.Name, m.Required, m.Deferrable, FormOf(items, m.MaterialId), m.Count, m.ItemCodes,
                Exempting(lookup, m))).ToList(),
            lookup.Unavailable, deferredBy);
    }

    // ---- Submit ---------------------------------------------------------------------------------------------------

    public async Task<ApplicationView> SubmitAsync(ApplicationRequest request, IReadOnlyList<MaterialUpload> uploads, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(request.BundleCode)) throw new ValidationFailedException("bundleCode", T("Err_BundleOnItemRoute"));
        var ids = await SubmitCoreAsync(request, uploads, ct);
        return await GetAsync(ids.Applications[0], ct);
    }

    public async Task<BundleApplicationView> SubmitBundleAsync(ApplicationRequest request, IReadOnlyList<MaterialUpload> uploads, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.BundleCode)) throw new ValidationFailedException("bundleCode", T("Err_BundleRequired"));
        request.ItemCode = null;
        var ids = await SubmitCoreAsync(request, uploads, ct);
        return await GetBundleAsync(ids.Bundle!.Value, ct);
    }

    private sealed record Applicant(ApplicantKind Kind, string Key, string Name, EnterpriseIdentity? Registry);

    private async Task<(List<Guid> Applications, Guid? Bundle)> SubmitCoreAsync(ApplicationRequest request, IReadOnlyList<MaterialUpload> uploads, CancellationToken ct)
    {
        var zoneId = user.ZoneId ?? throw new ForbiddenException(ApplyRule, T("Err_SignIn"));
        if (!user.IsInAnyRole(Roles.EnterpriseUser, Roles.Citizen, Roles.Admin, Roles.DepartmentStaff)) throw new ForbiddenException(ApplyRule, T("Err_MayNotApply"));
        var window = user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (items, bundle) = await ItemsAsync(db, request.ItemCode, request.BundleCode, ct);

        var errors = new ValidationErrors();
        var applicant = await ApplicantForAsync(request.ApplicantKey, request.ApplicantKind, request.ApplicantName, errors, lenient: false, ct);
        if (request.ContactPhone is { Length: > 0 } phone && !PhoneNumbers.IsPlausible(phone)) errors.Add("contactPhone", T("Err_Phone"));
        if (request.ContactName?.Length > 64) errors.Add("contactName", T("Err_FieldTooLong"));

        var fields = FormAnswers.Merge(items);
        var answers = FormAnswers.Check(fields, request.Fields ?? [], errors, T);
        var discrepancies = FormAnswers.Compare(fields, answers, applicant?.Registry);

        var merged = BundleMerge.Merge(items);
        var checkedFiles = CheckUploads(uploads, merged, errors);
        var lookup = applicant is null || !IdentityVerified() ? new LicenceLookup([], []) : await LookupAsync(applicant.Key, merged, ct);
        var states = new Dictionary<Guid, (MaterialState State, HeldLicence? Licence)>();
        foreach (var m in merged.Materials)
        {
            if (checkedFiles.ContainsKey(m.Code)) states[m.MaterialId] = (MaterialState.Provided, null);
            else if (lookup.Valid.FirstOrDefault(v => m.LicenceTypes.Contains(v.TypeCode)) is { } licence) states[m.MaterialId] = (MaterialState.Exempt, licence);
            else if (!m.Required) states[m.MaterialId] = (MaterialState.NotGiven, null);
            else if (m.Deferrable) states[m.MaterialId] = (MaterialState.Deferred, null);
            else errors.Add($"materials.{m.Code}", string.Format(CultureInfo.CurrentCulture, T("Err_MaterialMissing"), m.Name));
        }
        errors.ThrowIfAny();

        var calendar = await calendars.GetAsync(ct);
        var clock = new WorkingClock(calendar);
        var now = time.GetUtcNow();
        var today = Today();
        var anyDeferred = states.Values.Any(s => s.State == MaterialState.Deferred);
        DateOnly? promisedBy = null;
        if (anyDeferred)
        {
            try { promisedBy = calendar.AddWorkingDays(today, items.Max(i => i.DeferralDays)); }
            catch (CalendarYearNotLoadedException e) { throw new ValidationFailedException("materials", string.Format(CultureInfo.CurrentCulture, T("Err_CalendarNotLoaded"), e.Year)); }
        }

        var files = checkedFiles.ToDictionary(f => f.Key, f => new StoredFile { ZoneId = zoneId, Content = f.Value.Content });
        foreach (var f in files.Values) db.Add(f);
        BundleApplication? parent = null;
        if (bundle is not null)
        {
            parent = new BundleApplication
            {
                ZoneId = zoneId, Number = NewNumber("YJS", now), BundleId = bundle.Id, BundleName = bundle.Name,
                ApplicantKey = applicant!.Key, ApplicantName = applicant.Name, EnterpriseId = applicant.Registry?.Id, SubmittedAt = now,
            };
            db.Add(parent);
        }
        var made = new List<Application>();
        foreach (var item in items)
        {
            var app = new Application
            {
                ZoneId = zoneId, Number = NewNumber("BJ", now), ItemId = item.Id, ItemCode = item.Code, ItemName = item.Name,
                DepartmentId = item.DepartmentId, DepartmentName = item.DepartmentName, BundleApplicationId = parent?.Id,
                ApplicantKind = applicant!.Kind, ApplicantKey = applicant.Key, ApplicantName = applicant.Name, EnterpriseId = applicant.Registry?.Id,
                ContactName = request.ContactName?.Trim(), ContactPhone = request.ContactPhone?.Trim(),
                Channel = window ? ApplicationChannel.Window : ApplicationChannel.Online, SubmittedByUserId = user.UserId,
                Stage = ApplicationStage.Accepted, SubmittedAt = now, AcceptedAt = now,
                DueAt = Due(clock, now, item.PromisedLimitDays),
                StatutoryDueAt = TryDue(clock, now, item.StatutoryLimitDays),
                FormJson = JsonSerializer.Serialize(answers.Where(a => item.FormFields.Any(f => f.Key == a.Key)).ToDictionary(a => a.Key, a => a.Value), Json),
            };
            var own = Discrepancies(item, discrepancies);
            app.DiscrepanciesJson = JsonSerializer.Serialize(own, Json);
            app.NeedsDiscrepancyReview = own.Count > 0;
            foreach (var im in item.Materials.OrderBy(m => m.SortOrder))
            {
                var (state, licence) = states[im.MaterialId];
                var file = checkedFiles.GetValueOrDefault(im.Material!.Code);
                app.Materials.Add(new ApplicationMaterial
                {
                    ZoneId = zoneId, ApplicationId = app.Id, MaterialId = im.MaterialId, MaterialCode = im.Material.Code, MaterialName = im.Material.Name,
                    State = state, LicenceNumber = licence?.Number, LicenceSource = licence?.SourceSystem,
                    FileName = file?.FileName, ContentType = file?.ContentType, Size = file?.Content.Length, Sha256 = file?.Sha256,
                    FileId = files.GetValueOrDefault(im.Material.Code)?.Id, SuppliedAt = file is null ? null : now,
                });
            }
            if (app.Materials.Any(m => m.State == MaterialState.Deferred))
            {
                app.DeferredAcceptance = true;
                app.PromisedBy = promisedBy;
            }
            var actor = ActorName();
            app.Events.Add(Event(app, now, actor, "Submit", null, ApplicationStage.Submitted, window ? T("Ev_Window") : T("Ev_Online")));
            app.Events.Add(Event(app, now, actor, "Accept", ApplicationStage.Submitted, ApplicationStage.Accepted,
                app.DeferredAcceptance ? string.Format(CultureInfo.CurrentCulture, T("Ev_AcceptedDeferred"), Deferred(app), app.PromisedBy) : T("Ev_Accepted")));
            Notify(db, app, now, app.DeferredAcceptance
                ? string.Format(CultureInfo.CurrentCulture, T("Notice_AcceptedDeferred"), app.Number, app.ItemName, Deferred(app), app.PromisedBy)
                : string.Format(CultureInfo.CurrentCulture, T("Notice_Accepted"), app.Number, app.ItemName, Local(app.DueAt)));
            db.Add(app);
            made.Add(app);
        }
        db.AuditReason = bundle is null ? $"application {made[0].Number} submitted and accepted" : $"bundle application {parent!.Number} submitted ({made.Count} items)";
        await db.SaveChangesAsync(ct);

        // The submission is stored and accepted: what follows must not turn it into an error the applicant would
        // answer by submitting again. A step that fails leaves the application with a person.
        foreach (var app in made)
        {
            var item = items.First(i => i.Id == app.ItemId);
            try
            {
                if (app.DeferredAcceptance) await TrackDeferredAsync(app, ct);
                // Without a verified identity (a citizen's account names nobody) the machine does not approve.
                if (AutoApproval.RulesOf(item) is not null && IdentityVerified()) await TryAutoApproveAsync(app.Id, item, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "After accepting {Number}: follow-up or automatic approval failed; it waits for a person", app.Number);
            }
        }
        return (made.Select(a => a.Id).ToList(), parent?.Id);
    }

    private async Task<(List<ServiceItem> Items, Bundle? Bundle)> ItemsAsync(PlatformDbContext db, string? itemCode, string? bundleCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(bundleCode))
        {
            var bundle = await db.Set<Bundle>().AsNoTracking().Include(b => b.Items).FirstOrDefaultAsync(b => b.Code == bundleCode.Trim() && b.Published, ct)
                ?? throw new ValidationFailedException("bundleCode", T("Err_UnknownBundle"));
            var ids = bundle.Items.OrderBy(i => i.SortOrder).Select(i => i.ItemId).ToList();
            var list = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Materials).ThenInclude(m => m.Material)
                .Where(i => ids.Contains(i.Id) && i.Published).ToListAsync(ct);
            if (list.Count == 0) throw new ValidationFailedException("bundleCode", T("Err_UnknownBundle"));
            return (list.OrderBy(i => ids.IndexOf(i.Id)).ToList(), bundle);
        }
        if (string.IsNullOrWhiteSpace(itemCode)) throw new ValidationFailedException("itemCode", T("Err_ItemRequired"));
        var item = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Materials).ThenInclude(m => m.Material)
            .FirstOrDefaultAsync(i => i.Code == itemCode.Trim() && i.Published, ct)
            ?? throw new ValidationFailedException("itemCode", string.Format(CultureInfo.CurrentCulture, T("Err_UnknownItem"), itemCode));
        if (item.Kind == ItemKind.AdministrativePenalty) throw new ValidationFailedException("itemCode", T("Err_NotApplicable"));
        return ([item], null);
    }

    /// <summary>Who applies: an enterprise user for its own enterprise; a citizen with an ID number; window staff for whom they name.</summary>
    private async Task<Applicant?> ApplicantForAsync(string? key, ApplicantKind kind, string? name, ValidationErrors errors, bool lenient, CancellationToken ct)
    {
        key = key?.Trim().ToUpperInvariant();
        if (user.IsInRole(Roles.EnterpriseUser))
        {
            var own = await enterprises.IdentityAsync(user.EnterpriseId ?? Guid.Empty, null, ct) ?? throw new ForbiddenException(OwnRule, T("Err_NoEnterprise"));
            if (!string.IsNullOrEmpty(key) && key != own.CreditCode) throw new ForbiddenException(OwnRule, T("Err_OtherEnterprise"));
            return new Applicant(ApplicantKind.Organisation, own.CreditCode, own.Name, own);
        }
        if (string.IsNullOrEmpty(key))
        {
            if (!lenient) errors.Add("applicantKey", T("Err_ApplicantRequired"));
            return null;
        }
        if (kind == ApplicantKind.Person || user.IsInRole(Roles.Citizen))
        {
            if (!IdCardNumber.Check(key, Today()).Valid) { errors.Add("applicantKey", T("Err_IdNumber")); return null; }
            if (string.IsNullOrWhiteSpace(name)) { if (!lenient) errors.Add("applicantName", T("Err_ApplicantName")); return lenient ? new Applicant(ApplicantKind.Person, key, "", null) : null; }
            return new Applicant(ApplicantKind.Person, key, name.Trim(), null);
        }
        if (!CreditCode.IsValid(key)) { errors.Add("applicantKey", T("Err_CreditCode")); return null; }
        var registry = await enterprises.IdentityAsync(null, key, ct);
        if (registry is null && string.IsNullOrWhiteSpace(name))
        {
            if (!lenient) errors.Add("applicantName", T("Err_ApplicantName"));
            return lenient ? new Applicant(ApplicantKind.Organisation, key, "", null) : null;
        }
        return new Applicant(ApplicantKind.Organisation, key, registry?.Name ?? name!.Trim(), registry);
    }

    private sealed record CheckedFile(string FileName, string ContentType, byte[] Content, string Sha256);

    private Dictionary<string, CheckedFile> CheckUploads(IReadOnlyList<MaterialUpload> uploads, BundleMergeResult merged, ValidationErrors errors)
    {
        var result = new Dictionary<string, CheckedFile>(StringComparer.Ordinal);
        if (uploads.Sum(u => (long)u.Content.Length) > MaterialFileCheck.MaxTotalBytes)
            throw new PayloadTooLargeException("materials", string.Format(CultureInfo.CurrentCulture, T("Err_TotalTooLarge"), MaterialFileCheck.MaxTotalBytes / 1024 / 1024));
        foreach (var u in uploads)
        {
            var field = $"materials.{u.MaterialCode}";
            var material = merged.Materials.FirstOrDefault(m => m.Code == u.MaterialCode);
            if (material is null) { errors.Add(field, T("Err_MaterialNotAsked")); continue; }
            if (result.ContainsKey(u.MaterialCode)) { errors.Add(field, T("Err_MaterialTwice")); continue; }
            if (u.Content.Length == 0) { errors.Add(field, string.Format(CultureInfo.CurrentCulture, T("Err_FileEmpty"), material.Name)); continue; }
            if (u.Content.Length > MaterialFileCheck.MaxBytes) { errors.Add(field, string.Format(CultureInfo.CurrentCulture, T("Err_FileTooLarge"), material.Name, MaterialFileCheck.MaxBytes / 1024 / 1024)); continue; }
            if (MaterialFileCheck.Sniff(u.Content) is not { } type) { errors.Add(field, string.Format(CultureInfo.CurrentCulture, T("Err_FileType"), material.Name)); continue; }
            var name = Path.GetFileName(u.FileName ?? "");
            result[u.MaterialCode] = new CheckedFile(name.Length is 0 or > 200 ? material.Code : name, type, u.Content, Convert.ToHexStringLower(SHA256.HashData(u.Content)));
        }
        return result;
    }

    private async Task<LicenceLookup> LookupAsync(string holder, BundleMergeResult merged, CancellationToken ct)
    {
        var types = merged.Materials.SelectMany(m => m.LicenceTypes).Distinct().ToList();
        return types.Count == 0 ? new LicenceLookup([], []) : await licences.FindValidAsync(holder, types, ct);
    }

    private static ExemptingLicence? Exempting(LicenceLookup lookup, MergedMaterial m) =>
        lookup.Valid.FirstOrDefault(v => m.LicenceTypes.Contains(v.TypeCode)) is { } v ? new ExemptingLicence(v.Number, v.TypeCode, v.TypeName, v.SourceSystem) : null;

    private static MaterialForm FormOf(IEnumerable<ServiceItem> items, Guid materialId) =>
        items.SelectMany(i => i.Materials).First(m => m.MaterialId == materialId).Form;

    private static List<Discrepancy> Discrepancies(ServiceItem item, List<Discrepancy> all) =>
        all.Where(d => item.FormFields.Any(f => f.Key == d.Field)).ToList();

    private static string Deferred(Application app) => string.Join("、", app.Materials.Where(m => m.State == MaterialState.Deferred).Select(m => m.MaterialName));

    /// <summary>The promised limit from the day after acceptance; a date past the loaded calendar is refused, not guessed.</summary>
    private DateTimeOffset Due(WorkingClock clock, DateTimeOffset from, int days)
    {
        try { return clock.AddWorkingDays(from, days); }
        catch (CalendarYearNotLoadedException e) { throw new ValidationFailedException("itemCode", string.Format(CultureInfo.CurrentCulture, T("Err_CalendarNotLoaded"), e.Year)); }
    }

    private static DateTimeOffset? TryDue(WorkingClock clock, DateTimeOffset from, int days)
    {
        try { return clock.AddWorkingDays(from, days); }
        catch (CalendarYearNotLoadedException) { return null; }
    }

    private static string NewNumber(string prefix, DateTimeOffset now) =>
        prefix + now.ToOffset(WorkingClock.ChinaOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the platform knows who the applicant is: an enterprise user is bound to its enterprise and window staff
    /// check the applicant in person. A citizen's account carries no verified ID number, so the person it names gets
    /// neither e-licence exemptions nor automatic approval (ADR 0014).
    /// </summary>
    private bool IdentityVerified() => !user.IsInRole(Roles.Citizen) || user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(WorkingClock.ChinaOffset).DateTime);

    private static string Local(DateTimeOffset? at) => at?.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private string ActorName() => user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName ?? "";

    private static ApplicationEvent Event(Application app, DateTimeOffset at, string? actor, string action, ApplicationStage? from, ApplicationStage to, string? note) =>
        new() { ZoneId = app.ZoneId, ApplicationId = app.Id, At = at, ActorName = actor, Action = action, From = from, To = to, Note = note };

    private void Notify(PlatformDbContext db, Application app, DateTimeOffset at, string text) =>
        db.Add(new ApplicationNotice
        {
            ZoneId = app.ZoneId, ApplicationId = app.Id, ApplicationNumber = app.Number, EnterpriseId = app.EnterpriseId,
            RecipientUserId = app.EnterpriseId is null && app.Channel == ApplicationChannel.Online ? app.SubmittedByUserId : null, At = at, Text = text,
        });
}
