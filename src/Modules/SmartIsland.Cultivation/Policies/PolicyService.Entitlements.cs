using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Platform.Problems;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Policies;

/// <summary>免申即享: the run that finds entitled enterprises, the staff steps after it, and what an enterprise reads.</summary>
public sealed partial class PolicyService
{
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
        await SaveAsync(db, "enterpriseId", ct);
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

    /// <summary>
    /// 知道了: the enterprise's own user answers the notice of an entitlement staff told it of (notified or already
    /// paid), so staff know it was read (issue 4 §7, "the enterprise is notified"). The version read is checked
    /// (If-Match stale → 412, a stale body version → 409); acknowledging again keeps the first time and writes nothing.
    /// </summary>
    public async Task<EntitlementView> AcknowledgeAsync(Guid policyId, Guid id, int? rowVersion, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The zone filter hides another zone's rows (404); the enterprise user reads no policy, so only its title is read here.
        var e = await db.Set<PolicyEntitlement>().FirstOrDefaultAsync(x => x.Id == id && x.PolicyId == policyId, ct)
            ?? throw new NotFoundException(l["EntitlementNotFound"]);
        if (!PolicyRules.CanAcknowledge(user, e.EnterpriseId)) throw new ForbiddenException(PolicyRules.AcknowledgeRule, l["ForbiddenAcknowledge"]);
        if (!PolicyRules.VisibleToEnterprise(e.Status))
            throw new ConflictException("status", l["WrongEntitlementStatus", l["Entitlement_" + e.Status],
                $"{l["Entitlement_" + EntitlementStatus.Notified]} / {l["Entitlement_" + EntitlementStatus.Paid]}"]);
        var title = await db.Set<Policy>().AsNoTracking().Where(p => p.Id == policyId).Select(p => p.Title).FirstAsync(ct);
        if (e.AcknowledgedAt is not null) return View(e, title, withExplanation: false);
        if (ifMatch is { } m && m != e.Version) throw new PreconditionFailedException(l["ConcurrencyConflict"]);
        var expected = ifMatch ?? rowVersion ?? throw new ValidationFailedException("rowVersion", l["RowVersionRequired"]);
        db.Entry(e).Property(x => x.Version).OriginalValue = expected;
        e.AcknowledgedAt = clock.GetUtcNow();
        e.AcknowledgedBy = user.UserId;
        db.AuditReason = l["AuditAcknowledge"];
        await SaveAsync(db, ct);
        return View(e, title, withExplanation: false);
    }

    /// <summary>How many notices the enterprise has not answered yet (the count on its portal link).</summary>
    public async Task<int> AwaitingAcknowledgementAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        EnterpriseAccess.DemandRead(user, enterpriseId, l["ForbiddenEnterprise"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<PolicyEntitlement>().AsNoTracking()
            .CountAsync(e => e.EnterpriseId == enterpriseId && e.AcknowledgedAt == null
                && (e.Status == EntitlementStatus.Notified || e.Status == EntitlementStatus.Paid), ct);
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
            [l["Col_Acknowledged"]] = e.AcknowledgedAt?.ToOffset(PolicyRules.ZoneOffset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { [l["Col_CreditCode"]] = null, [l["Col_Enterprise"]] = null });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }
}
