using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Discretion;

public sealed class ViolationInput
{
    public string? ItemCode { get; set; }
    public string? Plate { get; set; }
    public string? Place { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public bool? Minor { get; set; }
    public string? Note { get; set; }
}

public sealed class OverrideInput
{
    public PenaltyDecision? Decision { get; set; }
    public decimal? Fine { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

public sealed record ViolationQuery(string? Plate = null, string? Cycle = null, PenaltyDecision? Decision = null, int Page = 1, int PageSize = 20);

/// <summary>A record as a role may see it: the plate masked (豫D***45) for roles that do not enforce the item.</summary>
public sealed record ViolationView(
    Guid Id, string Number, string ItemCode, string ItemName, string RuleCode, string RuleSource,
    string Plate, bool PlateMasked, string Place, DateTimeOffset OccurredAt, bool Minor, string? Note,
    string OfficerName, DateTimeOffset RecordedAt, string Cycle, string CycleLabel, int OrdinalInCycle,
    PenaltyDecision PlatformDecision, decimal? PlatformFine, string PlatformReason,
    PenaltyDecision FinalDecision, decimal? FinalFine, bool Overridden, string? OverriddenByName, string? OverrideReason, DateTimeOffset? OverriddenAt,
    int Version);

public sealed record ViolationPage(IReadOnlyList<ViolationView> Items, int Total, int Page, int PageSize);

/// <summary>A penalty item that carries a discretion rule the platform knows, for the record form.</summary>
public sealed record DiscretionItem(string Code, string Name, string RuleCode, string RuleName, string RuleSource, decimal Fine);

/// <summary>
/// Bounded discretion (issue 5 §6; ADR 0013): an officer records what happened, the item's rule decides, and an
/// officer who disagrees overrides with a reason that goes to the audit log. Records and overrides: Admin and the
/// item's department's staff (城管 officers); zone leaders read with plates masked.
/// </summary>
public sealed class DiscretionService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IConfiguration config, IStringLocalizer<DiscretionStrings> l)
{
    public static readonly string[] Writers = [Roles.Admin, Roles.DepartmentStaff];
    public static readonly string[] Readers = [Roles.Admin, Roles.DepartmentStaff, Roles.ZoneLeader];
    /// <summary>"≥ a few characters": a reason a reviewer can follow, not "ok".</summary>
    public const int MinReasonLength = 5;

    public bool MayRead => user.IsInAnyRole(Readers);
    public bool MayWrite => user.IsInAnyRole(Writers);

    public async Task<IReadOnlyList<DiscretionItem>> ItemsAsync(CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var items = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.DiscretionRule != null).OrderBy(i => i.Code).ToListAsync(ct);
        return items.Select(i => (Item: i, Rule: DiscretionRules.Find(i.DiscretionRule))).Where(x => x.Rule is not null)
            .Select(x => new DiscretionItem(x.Item.Code, x.Item.Name, x.Rule!.Code, x.Rule.Name, x.Rule.Source, FineFor(x.Rule))).ToList();
    }

    public async Task<ViolationView> RecordAsync(ViolationInput input, CancellationToken ct = default)
    {
        DemandWrite();
        var errors = new ValidationErrors();
        var plate = NormalisePlate(input.Plate);
        if (string.IsNullOrWhiteSpace(input.Plate)) errors.Add("plate", l["Err_PlateRequired"]);
        else if (plate.Length is < 6 or > 10 || !plate.All(c => char.IsAsciiLetterOrDigit(c) || c >= '\u4e00'))
            errors.Add("plate", l["Err_PlateFormat"]);
        var place = input.Place?.Trim();
        if (string.IsNullOrEmpty(place)) errors.Add("place", l["Err_PlaceRequired"]);
        else if (place.Length > 200) errors.Add("place", l["Err_TooLong", 200]);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > 1000 }) errors.Add("note", l["Err_TooLong", 1000]);
        if (input.Minor is null) errors.Add("minor", l["Err_MinorRequired"]);
        var now = time.GetUtcNow();
        if (input.OccurredAt is not { } occurred) errors.Add("occurredAt", l["Err_OccurredRequired"]);
        else if (occurred > now.AddMinutes(5)) errors.Add("occurredAt", l["Err_OccurredFuture"]);
        // 行政处罚法 第三十六条: a violation not found within two years is no longer punished.
        else if (occurred < now.AddYears(-2)) errors.Add("occurredAt", l["Err_OccurredTooOld"]);

        await using var db = await dbs.CreateDbContextAsync(ct);
        ServiceItem? item = null;
        IDiscretionRule? rule = null;
        if (string.IsNullOrWhiteSpace(input.ItemCode)) errors.Add("itemCode", l["Err_ItemRequired"]);
        else
        {
            var code = input.ItemCode.Trim();
            item = await db.Set<ServiceItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
            rule = DiscretionRules.Find(item?.DiscretionRule);
            if (item is null) errors.Add("itemCode", l["Err_ItemUnknown", code]);
            else if (rule is null) errors.Add("itemCode", l["Err_ItemNoRule", code]);
        }
        errors.ThrowIfAny();
        DemandDepartment(item!);

        var at = input.OccurredAt!.Value.ToOffset(HalfYear.ZoneOffset);
        var cycle = rule!.CycleOf(at);
        var prior = await db.Set<Violation>().CountAsync(v => v.RuleCode == rule.Code && v.PlateKey == plate && v.Cycle == cycle && v.Minor, ct);
        var outcome = rule.Decide(new DiscretionFacts(input.Minor!.Value, at, prior, FineFor(rule)));
        var violation = new Violation
        {
            ZoneId = user.ZoneId!.Value,
            Number = NewNumber(now),
            ItemId = item!.Id, ItemCode = item.Code, ItemName = item.Name, DepartmentId = item.DepartmentId, RuleCode = rule.Code,
            Plate = input.Plate!.Trim().ToUpperInvariant(), PlateKey = plate, Place = place!, OccurredAt = at, Minor = input.Minor.Value, Note = note,
            OfficerUserId = user.UserId, OfficerName = OfficerName, RecordedAt = now.ToOffset(HalfYear.ZoneOffset),
        };
        Apply(violation, outcome, rule);
        db.Add(violation);
        db.AuditReason = "Violation recorded; platform decision: " + outcome.Reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && violation.ExemptionKey is not null)
        {
            // Another officer granted this vehicle's exemption for the cycle a moment ago: this one is the second.
            Apply(violation, rule.Decide(new DiscretionFacts(violation.Minor, at, Math.Max(prior, 1), FineFor(rule))), rule);
            db.AuditReason = "Violation recorded; platform decision: " + violation.PlatformReason;
            await db.SaveChangesAsync(ct);
        }
        return View(violation, rule);
    }

    private static void Apply(Violation v, DiscretionOutcome outcome, IDiscretionRule rule)
    {
        v.Cycle = outcome.Cycle;
        v.OrdinalInCycle = outcome.OrdinalInCycle;
        v.PlatformDecision = v.FinalDecision = outcome.Decision;
        v.PlatformFine = v.FinalFine = outcome.Fine;
        v.PlatformReason = outcome.Reason;
        v.ExemptionKey = outcome.Decision == PenaltyDecision.Exempt ? $"{rule.Code}|{v.PlateKey}|{outcome.Cycle}" : null;
    }

    public async Task<ViolationView> GetAsync(Guid id, CancellationToken ct = default)
    {
        DemandRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var v = await db.Set<Violation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["Err_NotFound"]);
        return View(v, DiscretionRules.Find(v.RuleCode));
    }

    public async Task<ViolationPage> ListAsync(ViolationQuery query, CancellationToken ct = default)
    {
        DemandRead();
        var errors = new ValidationErrors();
        string? cycle = null;
        if (!string.IsNullOrWhiteSpace(query.Cycle))
        {
            if (HalfYear.Parse(query.Cycle) is { } h) cycle = h.Code;
            else errors.Add("cycle", l["Err_Cycle"]);
        }
        if (query.Decision is { } d && !Enum.IsDefined(d)) errors.Add("decision", l["Err_Decision"]);
        if (query.Page < 1) errors.Add("page", l["Err_Page"]);
        if (query.PageSize is < 1 or > 200) errors.Add("pageSize", l["Err_PageSize"]);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Violation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Plate))
        {
            var plate = NormalisePlate(query.Plate);
            q = q.Where(v => v.PlateKey == plate);
        }
        if (cycle is not null) q = q.Where(v => v.Cycle == cycle);
        if (query.Decision is { } decision) q = q.Where(v => v.FinalDecision == decision);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(v => v.RecordedAt).ThenByDescending(v => v.Number)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new ViolationPage(rows.Select(v => View(v, DiscretionRules.Find(v.RuleCode))).ToList(), total, query.Page, query.PageSize);
    }

    /// <summary>
    /// An officer replaces the platform's decision. The reason is required and is the audit entry's reason; the
    /// record keeps the platform's decision beside the final one. <paramref name="expectedVersion"/> (If-Match) that
    /// is stale is a 412; a version in the body that is stale, a 409.
    /// </summary>
    public async Task<ViolationView> OverrideAsync(Guid id, OverrideInput input, int? expectedVersion = null, CancellationToken ct = default)
    {
        DemandWrite();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var v = await db.Set<Violation>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["Err_NotFound"]);
        var item = await db.Set<ServiceItem>().AsNoTracking().FirstAsync(i => i.Id == v.ItemId, ct);
        DemandDepartment(item);

        var errors = new ValidationErrors();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors.Add("reason", l["Err_ReasonRequired"]);
        else if (reason.Length < MinReasonLength) errors.Add("reason", l["Err_ReasonShort", MinReasonLength]);
        else if (reason.Length > 1000) errors.Add("reason", l["Err_TooLong", 1000]);
        if (input.Decision is not { } decision || !Enum.IsDefined(decision)) errors.Add("decision", l["Err_Decision"]);
        else if (decision == PenaltyDecision.Fine && input.Fine is not > 0) errors.Add("fine", l["Err_FineRequired"]);
        else if (decision == PenaltyDecision.Fine && input.Fine > 100_000) errors.Add("fine", l["Err_FineTooHigh"]);
        else if (decision == PenaltyDecision.Exempt && input.Fine is not null and not 0) errors.Add("fine", l["Err_FineWithExempt"]);
        else if (decision == v.FinalDecision && (decision == PenaltyDecision.Exempt || input.Fine == v.FinalFine)) errors.Add("decision", l["Err_SameDecision"]);
        var version = expectedVersion ?? input.Version;
        if (version is null) errors.Add("version", l["Err_VersionRequired"]);
        errors.ThrowIfAny();
        if (expectedVersion is { } ev && ev != v.Version) throw new PreconditionFailedException(l["Err_Stale"]);

        db.Entry(v).Property(x => x.Version).OriginalValue = version!.Value;
        v.FinalDecision = input.Decision!.Value;
        v.FinalFine = v.FinalDecision == PenaltyDecision.Fine ? input.Fine : null;
        v.Overridden = v.FinalDecision != v.PlatformDecision || v.FinalFine != v.PlatformFine;
        v.OverriddenByUserId = user.UserId;
        v.OverriddenByName = OfficerName;
        v.OverrideReason = reason;
        v.OverriddenAt = time.GetUtcNow().ToOffset(HalfYear.ZoneOffset);
        db.AuditReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Err_Stale"]);
        }
        return View(v, DiscretionRules.Find(v.RuleCode));
    }

    private ViolationView View(Violation v, IDiscretionRule? rule)
    {
        var full = SeesPlate(v.DepartmentId);
        var cycle = HalfYear.Parse(v.Cycle);
        return new ViolationView(v.Id, v.Number, v.ItemCode, v.ItemName, v.RuleCode, rule?.Source ?? "",
            full ? v.Plate : MaskPlate(v.Plate), !full, v.Place, v.OccurredAt.ToOffset(HalfYear.ZoneOffset), v.Minor, full ? v.Note : null,
            v.OfficerName, v.RecordedAt.ToOffset(HalfYear.ZoneOffset), v.Cycle, cycle?.Label ?? v.Cycle, v.OrdinalInCycle,
            v.PlatformDecision, v.PlatformFine, v.PlatformReason, v.FinalDecision, v.FinalFine, v.Overridden, v.OverriddenByName, v.OverrideReason,
            v.OverriddenAt?.ToOffset(HalfYear.ZoneOffset), v.Version);
    }

    /// <summary>The full plate is for whoever enforces the item: Admin, and the staff of the item's department.</summary>
    private bool SeesPlate(Guid? departmentId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.DepartmentStaff) && (departmentId is null || departmentId == user.UnitId));

    private decimal FineFor(IDiscretionRule rule) =>
        decimal.TryParse(config[$"Discretion:Fines:{rule.Code}"], NumberStyles.Number, CultureInfo.InvariantCulture, out var fine) && fine > 0 ? fine : rule.DefaultFine;

    private string OfficerName => user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName ?? "";

    private void DemandRead()
    {
        if (!MayRead) throw new ForbiddenException("discretion.read: administrators, departments and zone leaders read violation records", l["Err_Forbidden"]);
        if (user.ZoneId is null) throw new ForbiddenException("discretion.zone: records belong to a zone", l["Err_Forbidden"]);
    }

    private void DemandWrite()
    {
        if (!MayWrite) throw new ForbiddenException("discretion.write: administrators and department officers record and override", l["Err_Forbidden"]);
        if (user.ZoneId is null) throw new ForbiddenException("discretion.zone: records belong to a zone", l["Err_Forbidden"]);
    }

    /// <summary>A department's officers act only on their own department's penalty items (行政处罚法 第十七条: 在法定职权范围内实施).</summary>
    private void DemandDepartment(ServiceItem item)
    {
        if (user.IsInRole(Roles.Admin) || item.DepartmentId is null || item.DepartmentId == user.UnitId) return;
        throw new ForbiddenException("discretion.department: an officer acts on the penalty items of their own department", l["Err_OtherDepartment", item.DepartmentName]);
    }

    /// <summary>"豫d 12345" and "豫D·12345" are the same vehicle.</summary>
    public static string NormalisePlate(string? plate) =>
        new((plate ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '.' or '-' or '•')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Keeps the province and issuing letter and the last two characters: 豫D12345 → 豫D***45.</summary>
    public static string MaskPlate(string? plate)
    {
        var p = NormalisePlate(plate);
        return p.Length <= 4 ? new string('*', p.Length) : p[..2] + new string('*', p.Length - 4) + p[^2..];
    }

    private static string NewNumber(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"WT{now.ToOffset(HalfYear.ZoneOffset):yyyyMMdd}{Random.Shared.Next(0, 1_000_000):D6}");
}
