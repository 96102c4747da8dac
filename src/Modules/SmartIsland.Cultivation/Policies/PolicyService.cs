using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Policies;

/// <summary>
/// Policies and 免申即享 (issue 4 §7): staff keep policies; a run finds every entitled enterprise of the zone;
/// staff confirm (or reject), notify and record the payment; an enterprise reads what it gets and what it is close to.
/// </summary>
public sealed class PolicyService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider clock, IEnterpriseProfiles profiles,
    IOrganisationDirectory organisation, IStringLocalizer<PolicyStrings> l)
{
    internal static readonly JsonSerializerOptions ExplanationJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Paged<PolicySummary>> SearchAsync(PolicyQuery query, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Policy>().AsNoTracking();
        if (query.Status is { } status) q = q.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            q = q.Where(p => p.Title.Contains(s) || p.Document.Contains(s) || p.IssuingDepartment.Contains(s) || p.Slug.Contains(s));
        }
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var rows = await q.OrderByDescending(p => p.Year).ThenBy(p => p.Title).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<PolicySummary>(await SummariesAsync(db, rows, ct), total, page, size);
    }

    public async Task<PolicyDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["PolicyNotFound"]);
        return Detail(p, (await SummariesAsync(db, [p], ct))[0]);
    }

    public async Task<PolicyDetail> CreateAsync(PolicyInput input, CancellationToken ct = default)
    {
        DemandEdit();
        var zone = ZoneOrThrow();
        var (departmentName, definition) = await ValidateAsync(input, null, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var slug = input.Slug!.Trim();
        if (await db.Set<Policy>().AnyAsync(p => p.Slug == slug, ct)) throw new ConflictException("slug", l["SlugTaken", slug]);
        var now = clock.GetUtcNow();
        var p = new Policy { ZoneId = zone, Slug = slug, Status = PolicyStatus.Draft, CreatedAt = now };
        Apply(p, input, departmentName, definition, now);
        db.Add(p);
        db.AuditReason = l["AuditCreate"];
        await SaveAsync(db, ct);
        return await GetAsync(p.Id, ct);
    }

    public async Task<PolicyDetail> UpdateAsync(Guid id, PolicyInput input, int? rowVersion, string? reason, CancellationToken ct = default)
    {
        DemandEdit();
        var errors = new ValidationErrors();
        if (rowVersion is null) errors.Add("rowVersion", l["RowVersionRequired"]);
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", l["ReasonRequired"]);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["PolicyNotFound"]);
        if (p.Status == PolicyStatus.Closed) throw new ConflictException("status", l["ClosedIsFinal"]);
        var (departmentName, definition) = await ValidateAsync(input, p, ct);
        db.Entry(p).Property(x => x.Version).OriginalValue = rowVersion!.Value;
        Apply(p, input, departmentName, definition, clock.GetUtcNow());
        db.AuditReason = reason!.Trim();
        await SaveAsync(db, ct);
        return await GetAsync(p.Id, ct);
    }

    /// <summary>Publishes a draft and runs 免申即享 at once, so the entitled list is there when the policy is.</summary>
    public async Task<(PolicyDetail Policy, RunSummary Run)> PublishAsync(Guid id, int? rowVersion, CancellationToken ct = default)
    {
        await ChangeStatusAsync(id, rowVersion, PolicyStatus.Draft, PolicyStatus.Published, l["AuditPublish"], ct);
        var run = await FindEntitledAsync(id, ct);
        return (await GetAsync(id, ct), run);
    }

    public async Task<PolicyDetail> CloseAsync(Guid id, int? rowVersion, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", l["ReasonRequired"]);
        await ChangeStatusAsync(id, rowVersion, PolicyStatus.Published, PolicyStatus.Closed, reason.Trim(), ct);
        return await GetAsync(id, ct);
    }

    private async Task ChangeStatusAsync(Guid id, int? rowVersion, PolicyStatus from, PolicyStatus to, string reason, CancellationToken ct)
    {
        DemandEdit();
        if (rowVersion is null) throw new ValidationFailedException("rowVersion", l["RowVersionRequired"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["PolicyNotFound"]);
        if (p.Status != from) throw new ConflictException("status", l["WrongPolicyStatus", l["Status_" + p.Status], l["Status_" + from]]);
        db.Entry(p).Property(x => x.Version).OriginalValue = rowVersion.Value;
        p.Status = to;
        p.UpdatedAt = clock.GetUtcNow();
        if (to == PolicyStatus.Published) p.PublishedAt = p.UpdatedAt;
        db.AuditReason = reason;
        await SaveAsync(db, ct);
    }

    /// <summary>
    /// 免申即享: evaluates every enterprise of the zone. Eligible ones are entitled (Found) with the computed amount
    /// and the explanation as it stands; undecidable ones are listed to confirm with what is missing. A row staff
    /// already acted on is never touched, and the unique index keeps one entitlement per enterprise and policy.
    /// </summary>
    public async Task<RunSummary> FindEntitledAsync(Guid policyId, CancellationToken ct = default)
    {
        DemandAct();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Policy>().FirstOrDefaultAsync(x => x.Id == policyId, ct) ?? throw new NotFoundException(l["PolicyNotFound"]);
        if (p.Status != PolicyStatus.Published) throw new ConflictException("status", l["RunNeedsPublished"]);
        var compiled = Compile(p);
        var existing = await db.Set<PolicyEntitlement>().Where(e => e.PolicyId == p.Id).ToDictionaryAsync(e => e.EnterpriseId, ct);
        var asOf = Today;
        var now = clock.GetUtcNow();
        int evaluated = 0, found = 0, toConfirm = 0, unchanged = 0, withdrawn = 0;
        await foreach (var profile in profiles.StreamZoneAsync(ct))
        {
            evaluated++;
            var check = compiled.Evaluate(profile, asOf);
            var status = check.Outcome switch
            {
                Outcome.Eligible => EntitlementStatus.Found,
                Outcome.NeedsConfirmation => EntitlementStatus.ToConfirm,
                _ => (EntitlementStatus?)null,
            };
            var missing = check.Missing.Count == 0 ? null : Truncate(string.Join(", ", check.Missing), 2000);
            var explanation = JsonSerializer.Serialize(check.Result, ExplanationJson);
            if (existing.TryGetValue(profile.Id, out var row))
            {
                if (row.Status is not (EntitlementStatus.Found or EntitlementStatus.ToConfirm))
                {
                    unchanged++;
                    continue;
                }
                if (status is null)
                {
                    db.Remove(row);
                    withdrawn++;
                    continue;
                }
                if (row.Status == status && row.ComputedAmount == check.Amount && row.Missing == missing && row.Explanation == explanation)
                {
                    unchanged++;
                    continue;
                }
                row.Status = status.Value;
                row.ComputedAmount = check.Amount;
                row.Missing = missing;
                row.Explanation = explanation;
                row.FoundAt = now;
            }
            else if (status is { } s)
            {
                db.Add(new PolicyEntitlement
                {
                    ZoneId = p.ZoneId, PolicyId = p.Id, EnterpriseId = profile.Id, EnterpriseName = Truncate(profile.Name, 200),
                    CreditCode = profile.CreditCode, Status = s, ComputedAmount = check.Amount, Missing = missing,
                    Explanation = explanation, FoundAt = now,
                });
            }
            else continue;
            if (status == EntitlementStatus.Found) found++;
            else toConfirm++;
        }
        p.LastRunAt = now;
        db.AuditReason = l["AuditRun"];
        await SaveAsync(db, ct);
        return new RunSummary(evaluated, found, toConfirm, unchanged, withdrawn);
    }

    public async Task<IReadOnlyList<EntitlementView>> EntitlementsAsync(Guid policyId, EntitlementStatus? status = null, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == policyId, ct) ?? throw new NotFoundException(l["PolicyNotFound"]);
        var q = db.Set<PolicyEntitlement>().AsNoTracking().Where(e => e.PolicyId == policyId);
        if (status is { } s) q = q.Where(e => e.Status == s);
        var rows = await q.OrderBy(e => e.EnterpriseName).ToListAsync(ct);
        return rows.Select(e => View(e, p.Title, withExplanation: true)).ToList();
    }

    public Task<EntitlementView> ConfirmAsync(Guid policyId, Guid id, EntitlementAction action, CancellationToken ct = default) =>
        StepAsync(policyId, id, action, [EntitlementStatus.Found, EntitlementStatus.ToConfirm], (e, errors) =>
        {
            var amount = action.Amount ?? e.ComputedAmount;
            if (amount is null) errors.Add("amount", l["AmountRequired"]);
            else if (amount < 0) errors.Add("amount", l["AmountNegative"]);
            // What the rules could not know was checked by a person: say what, for the audit log.
            if (e.Status == EntitlementStatus.ToConfirm && string.IsNullOrWhiteSpace(action.Reason)) errors.Add("reason", l["ConfirmNeedsNote"]);
            if (e.ComputedAmount is { } computed && amount is { } a && a != computed && string.IsNullOrWhiteSpace(action.Reason))
                errors.Add("reason", l["AmountDiffersReason"]);
            errors.ThrowIfAny();
            e.ConfirmedAmount = amount;
            e.ConfirmNote = Clean(action.Reason);
            e.ConfirmedAt = clock.GetUtcNow();
            e.Status = EntitlementStatus.Confirmed;
            return Clean(action.Reason) ?? l["AuditConfirm"];
        }, ct);

    public Task<EntitlementView> RejectAsync(Guid policyId, Guid id, EntitlementAction action, CancellationToken ct = default) =>
        StepAsync(policyId, id, action, [EntitlementStatus.Found, EntitlementStatus.ToConfirm, EntitlementStatus.Confirmed], (e, errors) =>
        {
            if (string.IsNullOrWhiteSpace(action.Reason)) errors.Add("reason", l["RejectNeedsReason"]);
            else if (action.Reason.Length > PolicyRules.NoteMax) errors.Add("reason", l["TooLong", PolicyRules.NoteMax]);
            errors.ThrowIfAny();
            e.RejectReason = action.Reason!.Trim();
            e.Status = EntitlementStatus.Rejected;
            return e.RejectReason;
        }, ct);

    public Task<EntitlementView> NotifyAsync(Guid policyId, Guid id, EntitlementAction action, CancellationToken ct = default) =>
        StepAsync(policyId, id, action, [EntitlementStatus.Confirmed], (e, _) =>
        {
            e.NotifiedAt = clock.GetUtcNow();
            e.Status = EntitlementStatus.Notified;
            return l["AuditNotify"];
        }, ct);

    public Task<EntitlementView> PayAsync(Guid policyId, Guid id, EntitlementAction action, CancellationToken ct = default) =>
        StepAsync(policyId, id, action, [EntitlementStatus.Notified], (e, errors) =>
        {
            if (action.Amount is null) errors.Add("amount", l["AmountRequired"]);
            else if (action.Amount < 0) errors.Add("amount", l["AmountNegative"]);
            if (action.PaidOn is null) errors.Add("paidOn", l["PaidOnRequired"]);
            else if (action.PaidOn > Today) errors.Add("paidOn", l["PaidOnFuture"]);
            if (string.IsNullOrWhiteSpace(action.VoucherNumber)) errors.Add("voucherNumber", l["VoucherRequired"]);
            else if (action.VoucherNumber.Trim().Length > 64) errors.Add("voucherNumber", l["TooLong", 64]);
            if (action.Amount is { } a && a != e.ConfirmedAmount && string.IsNullOrWhiteSpace(action.Reason)) errors.Add("reason", l["AmountDiffersReason"]);
            errors.ThrowIfAny();
            e.PaidAmount = action.Amount;
            e.PaidOn = action.PaidOn;
            e.VoucherNumber = action.VoucherNumber!.Trim();
            e.PaidReason = Clean(action.Reason);
            e.PaidAt = clock.GetUtcNow();
            e.Status = EntitlementStatus.Paid;
            return Clean(action.Reason) ?? l["AuditPay"];
        }, ct);

    private async Task<EntitlementView> StepAsync(
        Guid policyId, Guid id, EntitlementAction action, EntitlementStatus[] from, Func<PolicyEntitlement, ValidationErrors, string> step, CancellationToken ct)
    {
        DemandAct();
        if (action.RowVersion is null) throw new ValidationFailedException("rowVersion", l["RowVersionRequired"]);
        if (action.Reason?.Length > PolicyRules.NoteMax) throw new ValidationFailedException("reason", l["TooLong", PolicyRules.NoteMax]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == policyId, ct) ?? throw new NotFoundException(l["PolicyNotFound"]);
        var e = await db.Set<PolicyEntitlement>().FirstOrDefaultAsync(x => x.Id == id && x.PolicyId == policyId, ct)
            ?? throw new NotFoundException(l["EntitlementNotFound"]);
        if (!from.Contains(e.Status))
            throw new ConflictException("status", l["WrongEntitlementStatus", l["Entitlement_" + e.Status], string.Join(" / ", from.Select(s => l["Entitlement_" + s].Value))]);
        db.Entry(e).Property(x => x.Version).OriginalValue = action.RowVersion.Value;
        db.AuditReason = step(e, new ValidationErrors());
        await SaveAsync(db, ct);
        return View(e, p.Title, withExplanation: false);
    }

    /// <summary>
    /// An enterprise's entitlements across policies. Its own user sees only those notified or paid (what staff
    /// decided to tell it); staff see every step.
    /// </summary>
    public async Task<IReadOnlyList<EntitlementView>> EntitlementsOfEnterpriseAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        EnterpriseAccess.DemandRead(user, enterpriseId, l["ForbiddenEnterprise"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<PolicyEntitlement>().AsNoTracking().Where(e => e.EnterpriseId == enterpriseId).ToListAsync(ct);
        if (!PolicyRules.CanRead(user)) rows = rows.Where(e => PolicyRules.VisibleToEnterprise(e.Status)).ToList();
        var ids = rows.Select(r => r.PolicyId).Distinct().ToList();
        var titles = await db.Set<Policy>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return rows.OrderByDescending(r => r.FoundAt).Select(r => View(r, titles.GetValueOrDefault(r.PolicyId, ""), withExplanation: true)).ToList();
    }

    /// <summary>Published policies the enterprise is not entitled to yet but could be: undecided, or not met with closeness ≥ 0.8; with the gaps.</summary>
    public async Task<IReadOnlyList<CloseToView>> CloseToAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        EnterpriseAccess.DemandRead(user, enterpriseId, l["ForbiddenEnterprise"]);
        var profile = await profiles.GetAsync(enterpriseId, ct) ?? throw new NotFoundException(l["EnterpriseNotFound"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var published = await db.Set<Policy>().AsNoTracking().Where(p => p.Status == PolicyStatus.Published).ToListAsync(ct);
        var taken = await db.Set<PolicyEntitlement>().AsNoTracking().Where(e => e.EnterpriseId == enterpriseId).Select(e => e.PolicyId).ToListAsync(ct);
        var asOf = Today;
        var list = new List<CloseToView>();
        foreach (var p in published.Where(p => !taken.Contains(p.Id)).OrderByDescending(p => p.Year).ThenBy(p => p.Title))
        {
            var check = Compile(p).Evaluate(profile, asOf);
            var close = check.Outcome == Outcome.NeedsConfirmation
                || (check.Outcome == Outcome.NotEligible && check.Result.Closeness >= PolicyRules.CloseToThreshold);
            if (!close) continue;
            list.Add(new CloseToView(p.Id, p.Title, p.TitleEn, p.Document, p.Year, check.Outcome, check.Result.Closeness, check.Amount,
                check.Result.Gaps().ToList(), check.Missing));
        }
        return list;
    }

    /// <summary>Tries conditions and an amount on one enterprise before saving; validated like a save, stores nothing.</summary>
    public async Task<PreviewResult> PreviewAsync(PreviewRequest request, CancellationToken ct = default)
    {
        DemandEdit();
        var errors = new ValidationErrors();
        var year = request.Year ?? Today.Year;
        if (year < 2000 || year > Today.Year + 1) errors.Add("year", l["YearRange", Today.Year + 1]);
        if (request.EnterpriseId is null) errors.Add("enterpriseId", l["EnterpriseRequired"]);
        var definition = CheckConditions(request.Conditions, errors);
        CheckAmount(request.AmountFormula, definition, errors);
        errors.ThrowIfAny();
        var profile = await profiles.GetAsync(request.EnterpriseId!.Value, ct) ?? throw new NotFoundException(l["EnterpriseNotFound"]);
        PolicyRules.Normalise(definition!, "preview", "preview", null, "", year);
        var compiled = new CompiledPolicy(RuleSetLibrary.Compile(definition!), PolicyRules.CompileAmount(request.AmountFormula!, definition!.Settings), year);
        var check = compiled.Evaluate(profile, Today);
        return new PreviewResult(profile.Id, profile.Name, check.Outcome, check.Amount, check.Missing, check.Result);
    }

    /// <summary>The ledger (台账) of one policy: every entitlement with its amounts, payment and reasons.</summary>
    public async Task WriteLedgerAsync(Guid policyId, Stream output, CancellationToken ct = default)
    {
        DemandRead();
        var list = await EntitlementsAsync(policyId, null, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", nameof(PolicyEntitlement), policyId.ToString());
            await db.SaveChangesAsync(ct);
        }
        var rows = list.Select(e => new Dictionary<string, object?>
        {
            [l["Col_CreditCode"]] = e.CreditCode,
            [l["Col_Enterprise"]] = e.EnterpriseName,
            [l["Col_Status"]] = l["Entitlement_" + e.Status].Value,
            [l["Col_Computed"]] = e.ComputedAmount,
            [l["Col_Confirmed"]] = e.ConfirmedAmount,
            [l["Col_Paid"]] = e.PaidAmount,
            [l["Col_PaidOn"]] = e.PaidOn?.ToString("yyyy-MM-dd"),
            [l["Col_Voucher"]] = e.VoucherNumber,
            [l["Col_PaidReason"]] = e.PaidReason,
            [l["Col_RejectReason"]] = e.RejectReason,
            [l["Col_Missing"]] = string.Join(", ", e.Missing),
        }).ToList();
        if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { [l["Col_CreditCode"]] = null, [l["Col_Enterprise"]] = null });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }

    internal static CompiledPolicy Compile(Policy p)
    {
        var definition = PolicyRules.Normalise(RuleSetLibrary.Parse(p.Conditions), p.Slug, p.Title, p.TitleEn, p.Document, p.Year);
        return new CompiledPolicy(RuleSetLibrary.Compile(definition), PolicyRules.CompileAmount(p.AmountFormula, definition.Settings), p.Year);
    }

    private async Task<(string DepartmentName, RuleSetDefinition Definition)> ValidateAsync(PolicyInput input, Policy? existing, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var slug = input.Slug?.Trim();
        if (existing is null || slug != existing.Slug)
        {
            if (string.IsNullOrEmpty(slug)) errors.Add("slug", l["Required"]);
            else if (!PolicyRules.SlugPattern().IsMatch(slug)) errors.Add("slug", l["SlugFormat"]);
            else if (existing is not null && existing.Status != PolicyStatus.Draft) errors.Add("slug", l["SlugFixed"]);
        }
        Text(input.Title, "title", PolicyRules.TitleMax, errors, required: true);
        Text(input.TitleEn, "titleEn", PolicyRules.TitleMax, errors, required: false);
        Text(input.Document, "document", PolicyRules.DocumentMax, errors, required: true);
        Text(input.Note, "note", PolicyRules.NoteMax, errors, required: false);
        var maxYear = Today.Year + 1;
        if (input.Year is null) errors.Add("year", l["Required"]);
        else if (input.Year < 2000 || input.Year > maxYear) errors.Add("year", l["YearRange", maxYear]);
        if (input.Budget < 0) errors.Add("budget", l["AmountNegative"]);
        string departmentName = "";
        if (input.DepartmentId is null) errors.Add("departmentId", l["Required"]);
        else
        {
            var department = (await organisation.DepartmentsAsync(ct)).FirstOrDefault(d => d.Id == input.DepartmentId);
            if (department is null) errors.Add("departmentId", l["UnknownDepartment"]);
            else departmentName = department.Name;
        }
        var definition = CheckConditions(input.Conditions, errors);
        CheckAmount(input.AmountFormula, definition, errors);
        errors.ThrowIfAny();
        return (departmentName, definition!);
    }

    private RuleSetDefinition? CheckConditions(string? json, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors.Add("conditions", l["Required"]);
            return null;
        }
        try
        {
            var d = RuleSetLibrary.Parse(json);
            if (d.Conditions.Count == 0)
            {
                errors.Add("conditions", l["NoConditions"]);
                return null;
            }
            // Code and version follow the policy; placeholders let the rest be checked before they are known.
            var probe = RuleSetLibrary.Parse(json);
            probe.Code = "policy";
            probe.Version = "1";
            probe.EffectiveUntil = null;
            RuleSetLibrary.Compile(probe);
            return d;
        }
        catch (RuleSetFormatException e)
        {
            errors.Add("conditions", l["InvalidConditions", e.Where, e.Why]);
        }
        catch (FormatException e)
        {
            errors.Add("conditions", l["InvalidConditions", "$", e.Message]);
        }
        return null;
    }

    private void CheckAmount(string? formula, RuleSetDefinition? definition, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(formula))
        {
            errors.Add("amountFormula", l["Required"]);
            return;
        }
        if (formula.Length > PolicyRules.FormulaMax)
        {
            errors.Add("amountFormula", l["TooLong", PolicyRules.FormulaMax]);
            return;
        }
        try
        {
            PolicyRules.CompileAmount(formula, definition?.Settings ?? []);
        }
        catch (RuleSetFormatException e)
        {
            errors.Add("amountFormula", l["InvalidAmount", e.Why]);
        }
        catch (FormatException e)
        {
            errors.Add("amountFormula", l["InvalidAmount", e.Message]);
        }
    }

    private void Text(string? value, string field, int max, ValidationErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, l["Required"]);
        }
        else if (value.Trim().Length > max) errors.Add(field, l["TooLong", max]);
    }

    private void Apply(Policy p, PolicyInput input, string departmentName, RuleSetDefinition definition, DateTimeOffset now)
    {
        p.Slug = input.Slug!.Trim();
        p.Title = input.Title!.Trim();
        p.TitleEn = Clean(input.TitleEn);
        p.DepartmentId = input.DepartmentId;
        p.IssuingDepartment = departmentName;
        p.Document = input.Document!.Trim();
        p.Year = input.Year!.Value;
        p.Budget = input.Budget;
        p.AmountFormula = input.AmountFormula!.Trim();
        p.Note = Clean(input.Note);
        p.Conditions = RuleSetLibrary.ToJson(PolicyRules.Normalise(definition, p.Slug, p.Title, p.TitleEn, p.Document, p.Year));
        p.UpdatedAt = now;
    }

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("rowVersion", l["ConcurrencyConflict"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("slug", l["ConcurrencyConflict"]);
        }
    }

    private static async Task<List<PolicySummary>> SummariesAsync(PlatformDbContext db, List<Policy> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var counts = (await db.Set<PolicyEntitlement>().AsNoTracking().Where(e => ids.Contains(e.PolicyId))
                .Select(e => new { e.PolicyId, e.Status, e.ComputedAmount, e.ConfirmedAmount }).ToListAsync(ct))
            .ToLookup(e => e.PolicyId);
        return rows.Select(p =>
        {
            var c = counts[p.Id].ToList();
            var entitled = c.Where(e => e.Status is not (EntitlementStatus.ToConfirm or EntitlementStatus.Rejected)).ToList();
            return new PolicySummary(p.Id, p.Slug, p.Title, p.TitleEn, p.IssuingDepartment, p.Document, p.Year, p.Budget, p.Status, p.Illustrative,
                entitled.Count, c.Count(e => e.Status == EntitlementStatus.ToConfirm),
                entitled.Sum(e => e.ConfirmedAmount ?? e.ComputedAmount ?? 0m), p.LastRunAt, p.Version);
        }).ToList();
    }

    private static PolicyDetail Detail(Policy p, PolicySummary s) => new(s, p.DepartmentId, p.Conditions, p.AmountFormula, p.Note, p.PublishedAt);

    private static EntitlementView View(PolicyEntitlement e, string policyTitle, bool withExplanation) => new(
        e.Id, e.PolicyId, policyTitle, e.EnterpriseId, e.EnterpriseName, e.CreditCode, e.Status, e.ComputedAmount, e.ConfirmedAmount,
        e.PaidAmount, e.PaidOn, e.VoucherNumber, e.PaidReason, e.RejectReason, e.ConfirmNote,
        string.IsNullOrEmpty(e.Missing) ? [] : e.Missing.Split(", "), e.FoundAt, e.ConfirmedAt, e.NotifiedAt, e.PaidAt, e.Version,
        withExplanation && !string.IsNullOrEmpty(e.Explanation) ? JsonDocument.Parse(e.Explanation).RootElement.Clone() : null);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private void DemandRead()
    {
        if (!PolicyRules.CanRead(user)) throw new ForbiddenException(PolicyRules.ReadRule, l["ForbiddenRead"]);
    }

    private void DemandEdit()
    {
        if (!PolicyRules.CanEdit(user)) throw new ForbiddenException(PolicyRules.EditRule, l["ForbiddenEdit"]);
    }

    private void DemandAct()
    {
        if (!PolicyRules.CanEdit(user)) throw new ForbiddenException(PolicyRules.ActRule, l["ForbiddenAct"]);
    }

    private Guid ZoneOrThrow() => user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);
}
