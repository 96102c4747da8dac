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
public sealed partial class PolicyService(
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

    private Task SaveAsync(PlatformDbContext db, CancellationToken ct) => SaveAsync(db, "slug", ct);

    /// <param name="duplicateField">What a unique-index refusal is about: the slug of a new policy, or the entitlement two runs raced to add.</param>
    private async Task SaveAsync(PlatformDbContext db, string duplicateField, CancellationToken ct)
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
            throw new ConflictException(duplicateField, l["ConcurrencyConflict"]);
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
        string.IsNullOrEmpty(e.Missing) ? [] : e.Missing.Split(", "), e.FoundAt, e.ConfirmedAt, e.NotifiedAt, e.PaidAt, e.AcknowledgedAt, e.Version,
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
