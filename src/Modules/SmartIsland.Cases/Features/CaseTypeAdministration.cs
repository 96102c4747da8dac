using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Features;

public sealed record CategoryRoute(string Code, string Name, string NameEn, Guid? RouteToUnitId, string? RouteToUnitName, int Version);

public sealed record CaseTypeDetail(string Code, CaseKind Kind, string Name, string NameEn, bool Public, DeadlinePolicyData Policy, IReadOnlyList<CategoryRoute> Categories, IReadOnlyList<FormField> Fields, int Version)
{
    /// <summary>The state machine the type follows, with its transitions (for the page and for API clients).</summary>
    public string Workflow { get; init; } = "default";
    public IReadOnlyList<TransitionRule> Transitions { get; init; } = [];
}

public sealed class CategoryInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public Guid? RouteToUnitId { get; set; }
}

/// <summary>
/// Case types are data a zone's administrator keeps: deadlines per priority, pauses, reminders and
/// escalation, keep-in-loop, and which unit each category goes to. Every change is audited; a stale
/// edit is refused (optimistic concurrency), and a policy that could not be applied is refused whole.
/// </summary>
public sealed class CaseTypeAdministration(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IOrganisationDirectory organisation,
    CaseTypeCache intakeTypes)
{
    public async Task<IReadOnlyList<CaseTypeDetail>> ListAsync(CancellationToken ct = default)
    {
        DemandStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var types = await db.Set<CaseType>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var result = new List<CaseTypeDetail>();
        foreach (var t in types) result.Add(await DetailAsync(db, t, ct));
        return result;
    }

    public async Task<CaseTypeDetail> GetAsync(string code, CancellationToken ct = default)
    {
        DemandStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var type = await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundException("Unknown case type.");
        return await DetailAsync(db, type, ct);
    }

    public async Task<CaseTypeDetail> UpdatePolicyAsync(string code, DeadlinePolicyData? policy, int? expectedVersion, CancellationToken ct = default)
    {
        DemandAdmin();
        Check(policy).ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var type = await db.Set<CaseType>().FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundException("Unknown case type.");
        type.PolicyJson = JsonSerializer.Serialize(policy, CaseJson.Options);
        await SaveAsync(db, type, expectedVersion, $"deadline policy of {code} changed", ct);
        intakeTypes.Forget(type.ZoneId); // intake reads the new version at once on this node
        return await DetailAsync(db, type, ct);
    }

    /// <summary>Adds a category, or changes an existing one's names and unit (by its code).</summary>
    public async Task<CaseTypeDetail> SaveCategoryAsync(string typeCode, CategoryInput input, int? expectedVersion, CancellationToken ct = default)
    {
        DemandAdmin();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Length > 40 || !input.Code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            errors.Add("code", "A code of letters, digits and '-' (at most 40).");
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100) errors.Add("name", "A name (at most 100 characters).");
        if (input.NameEn?.Length > 100) errors.Add("nameEn", "At most 100 characters.");
        if (input.RouteToUnitId is { } unit && user.ZoneId is { } zone && (await organisation.UnitsAsync(zone, ct)).All(u => u.Id != unit))
            errors.Add("routeToUnitId", "Unknown unit.");
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var type = await db.Set<CaseType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == typeCode, ct) ?? throw new NotFoundException("Unknown case type.");
        var category = await db.Set<CaseCategory>().FirstOrDefaultAsync(c => c.CaseTypeId == type.Id && c.Code == input.Code, ct);
        if (category is null)
        {
            var order = await db.Set<CaseCategory>().Where(c => c.CaseTypeId == type.Id).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? -1;
            category = new CaseCategory { ZoneId = type.ZoneId, CaseTypeId = type.Id, Code = input.Code!, SortOrder = order + 1 };
            db.Add(category);
        }
        else if (expectedVersion is { } v && v != category.Version)
        {
            throw new PreconditionFailedException("The category changed since you read it; reload and try again.");
        }
        category.Name = input.Name!.Trim();
        category.NameEn = input.NameEn?.Trim() ?? "";
        category.RouteToUnitId = input.RouteToUnitId;
        db.AuditReason = $"category {typeCode}/{input.Code} saved";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "Someone else changed this category; reload and try again.");
        }
        intakeTypes.Forget(type.ZoneId); // intake routes by the new unit at once on this node
        return await DetailAsync(db, type, ct);
    }

    /// <summary>What makes a policy unusable, field by field (targets per priority, sane amounts, an ordered escalation ladder).</summary>
    public static ValidationErrors Check(DeadlinePolicyData? policy)
    {
        var errors = new ValidationErrors();
        if (policy is null)
        {
            errors.Add("policy", "A policy is required.");
            return errors;
        }
        foreach (var priority in Enum.GetValues<CasePriority>())
        {
            var row = policy.Targets?.FirstOrDefault(t => t.Priority == priority);
            if (row is null)
            {
                errors.Add($"targets[{priority}]", "Every priority needs a response and a resolution target.");
                continue;
            }
            foreach (var (name, target) in new[] { ("response", row.Response), ("resolution", row.Resolution) })
            {
                if (target is null || !Enum.IsDefined(target.Unit) || target.Amount < 1 || target.Amount > (target.Unit == DeadlineUnit.WorkingDays ? 60 : 420))
                    errors.Add($"targets[{priority}].{name}", "1–60 working days or 1–420 working hours.");
            }
            if (row.Response is { } r && row.Resolution is { } s && Hours(r) > Hours(s))
                errors.Add($"targets[{priority}].response", "The response target cannot be later than the resolution target.");
        }
        if (policy.PausedIn?.Any(s => s is CaseState.Closed or CaseState.Rejected or CaseState.Resolved) == true)
            errors.Add("pausedIn", "The clock pauses only in open, unresolved states.");
        if (policy.ProgressEveryWorkingDays is < 1 or > 30) errors.Add("progressEveryWorkingDays", "1–30 working days, or empty for none.");
        if (policy.Escalation is { } e)
        {
            if (e.RemindBeforeWorkingHours is < 0 or > 70) errors.Add("escalation.remindBeforeWorkingHours", "0–70 working hours.");
            var steps = e.Steps ?? [];
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i].Level != i + 1) errors.Add($"escalation.steps[{i}].level", "Levels count 1, 2, … in order.");
                if (steps[i].AfterOverdueWorkingHours < 0 || (i > 0 && steps[i].AfterOverdueWorkingHours <= steps[i - 1].AfterOverdueWorkingHours))
                    errors.Add($"escalation.steps[{i}].afterOverdueWorkingHours", "Each level comes later than the one before.");
                if (!Enum.IsDefined(steps[i].To)) errors.Add($"escalation.steps[{i}].to", "Unknown target.");
            }
        }
        return errors;
    }

    private static double Hours(DeadlineTarget t) => t.Unit == DeadlineUnit.WorkingDays ? t.Amount * WorkingHours.Default.PerDay.TotalHours : t.Amount;

    private async Task<CaseTypeDetail> DetailAsync(PlatformDbContext db, CaseType type, CancellationToken ct)
    {
        var units = await organisation.UnitsAsync(type.ZoneId, ct);
        var categories = await db.Set<CaseCategory>().AsNoTracking().Where(c => c.CaseTypeId == type.Id).OrderBy(c => c.SortOrder).ToListAsync(ct);
        return new CaseTypeDetail(type.Code, type.Kind, type.Name, type.NameEn, type.Public,
            JsonSerializer.Deserialize<DeadlinePolicyData>(type.PolicyJson, CaseJson.Options)!,
            categories.Select(c => new CategoryRoute(c.Code, c.Name, c.NameEn, c.RouteToUnitId, units.FirstOrDefault(u => u.Id == c.RouteToUnitId)?.Name, c.Version)).ToList(),
            await CaseService.FormAsync(db, type, ct), type.Version)
        {
            Workflow = type.Workflow,
            Transitions = CaseWorkflow.Named(type.Workflow).Rules,
        };
    }

    private static async Task SaveAsync(PlatformDbContext db, CaseType type, int? expectedVersion, string reason, CancellationToken ct)
    {
        if (expectedVersion is { } v && v != type.Version) throw new PreconditionFailedException("The case type changed since you read it; reload and try again.");
        db.AuditReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "Someone else changed this case type; reload and try again.");
        }
    }

    private void DemandStaff()
    {
        if (!user.IsInAnyRole([.. Roles.Staff])) throw new ForbiddenException("cases.types.read: case types are for staff", "Only staff may see this.");
    }

    private void DemandAdmin()
    {
        if (!user.IsInRole(Roles.Admin)) throw new ForbiddenException("cases.types.edit: only the zone's administrator changes case types", "Only an administrator may change case types.");
    }
}
