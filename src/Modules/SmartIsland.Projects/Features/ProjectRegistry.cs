using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Features;

/// <summary>
/// The key-project register: opening a project (from the project list or from a signed lead) and finding projects.
/// Who may open one: Admin, zone leaders, department staff and park staff (a park clerk for its own park only).
/// </summary>
internal sealed class ProjectRegistry(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IOrganisationDirectory organisation,
    IEnterpriseDirectory enterprises, IStringLocalizer<ProjectStrings> l) : IProjectRegistry
{
    public const string EditRule = "projects.edit: Admin, zone leaders, department staff and park staff (their own park) keep the project register";

    public async Task<ProjectRef> CreateAsync(NewProject input, CancellationToken ct = default)
    {
        if (!user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff)) throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        var zoneId = user.ZoneId ?? throw new ForbiddenException(EditRule, l["Err_MayNotEdit"]);
        var (name, ownerName, leaderName) = await ValidateAsync(input, ct);

        // Two projects opened at once may draw the same next code: the unique index refuses the second, which draws again.
        // A lead opens one project only: the unique (zone, source lead) index makes a second conversion a 409.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var project = new Project
            {
                ZoneId = zoneId, Code = await NextCodeAsync(db, input.SignedOn.Year, ct), Name = name, Level = input.Level, Category = input.Category,
                ParkId = input.ParkId, OwnerEnterpriseId = input.OwnerEnterpriseId, OwnerName = ownerName, Description = input.Description?.Trim(),
                TotalInvestment = input.TotalInvestment, Phase = ProjectPhase.Signed, SignedOn = input.SignedOn,
                ResponsibleLeader = leaderName, ResponsibleLeaderUserId = input.ResponsibleLeaderUserId, SourceLeadId = input.SourceLeadId, CreatedAt = time.GetUtcNow(),
            };
            db.Add(project);
            db.AuditReason = input.SourceLeadId is null ? $"project {project.Code} opened" : $"project {project.Code} opened from lead {input.SourceLeadId}";
            try
            {
                await db.SaveChangesAsync(ct);
                return new ProjectRef(project.Id, project.Code, project.Name, project.Phase, project.SourceLeadId);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                if (input.SourceLeadId is { } lead && await db.Set<Project>().AsNoTracking().AnyAsync(p => p.SourceLeadId == lead && p.Id != project.Id, ct))
                    throw new ConflictException("sourceLeadId", l["Err_LeadConverted"]);
                if (attempt >= 5) throw;
            }
        }
    }

    /// <summary>
    /// The checks every new or edited project passes (all field errors at once; a park clerk naming another park is a
    /// 403); returns the trimmed name, the owner's name (the registry's, when the owner is registered) and the leader's name
    /// (the account's, when the leader is picked as an account).
    /// </summary>
    internal async Task<(string Name, string? OwnerName, string? LeaderName)> ValidateAsync(NewProject input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", l["Err_NameRequired"]);
        else if (name.Length > 200) errors.Add("name", l["Err_TooLong"]);
        if (input.TotalInvestment < 0) errors.Add("totalInvestment", l["Err_NegativeInvestment"]);
        if (input.TotalInvestment > 100_000_000) errors.Add("totalInvestment", l["Err_InvestmentTooLarge"]);
        if (!Enum.IsDefined(input.Level)) errors.Add("level", l["Err_Level"]);
        if (!Enum.IsDefined(input.Category)) errors.Add("category", l["Err_Category"]);
        if (input.Description?.Length > 2000) errors.Add("description", l["Err_TooLong"]);
        if (input.ResponsibleLeader?.Length > 64) errors.Add("responsibleLeader", l["Err_TooLong"]);
        if (input.ParkId is { } park && (await organisation.ParksAsync(ct)).All(p => p.Id != park)) errors.Add("parkId", l["Err_UnknownPark"]);
        if (user.IsInRole(Roles.ParkStaff) && !user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff) && input.ParkId != user.UnitId)
            throw new ForbiddenException(EditRule, l["Err_OwnPark"]);
        string? ownerName = input.OwnerName?.Trim();
        if (input.OwnerEnterpriseId is { } owner)
        {
            // The directory reads across zones: an enterprise of another zone is as unknown here as a made-up id.
            var found = await enterprises.FindAsync(owner, ct);
            if (found is null || found.ZoneId != user.ZoneId) errors.Add("ownerEnterpriseId", l["Err_UnknownEnterprise"]);
            else ownerName = found.Name;
        }
        if (ownerName?.Length > 200) errors.Add("ownerName", l["Err_TooLong"]);
        var leaderName = string.IsNullOrWhiteSpace(input.ResponsibleLeader) ? null : input.ResponsibleLeader.Trim();
        if (input.ResponsibleLeaderUserId is { } leader)
        {
            var accounts = await LeadersAsync(null, leader, ct);
            if (accounts.Count > 0) leaderName = accounts[0].Name;
            else errors.Add("responsibleLeaderUserId", l["Err_UnknownLeader"]);
        }
        errors.ThrowIfAny();
        return (name, ownerName, leaderName);
    }

    /// <summary>The roles a 分包领导 account may have: the zone's leaders and the department staff who follow projects for them.</summary>
    internal static readonly string[] LeaderRoles = [Roles.ZoneLeader, Roles.DepartmentStaff];

    /// <summary>
    /// Accounts of the current zone that may be a project's responsible leader (<see cref="LeaderRoles"/>), by name; names
    /// only, no contact data. <paramref name="only"/> narrows to one account (the check of a picked leader).
    /// </summary>
    internal async Task<IReadOnlyList<(Guid Id, string Name, IReadOnlyList<string> Roles)>> LeadersAsync(string? search, Guid? only, CancellationToken ct)
    {
        if (user.ZoneId is not { } zone) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.ZoneId == zone && LeaderRoles.Contains(r.Name!)
                select new { u.Id, u.DisplayName, Role = r.Name! };
        if (only is { } id) q = q.Where(x => x.Id == id);
        var rows = await q.ToListAsync(ct);
        var s = search?.Trim();
        return rows.GroupBy(r => r.Id)
            .Select(g => (g.Key, g.First().DisplayName, (IReadOnlyList<string>)g.Select(x => x.Role).Order(StringComparer.Ordinal).ToList()))
            .Where(p => string.IsNullOrEmpty(s) || p.DisplayName.Contains(s, StringComparison.Ordinal))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal).Take(50).ToList();
    }

    public async Task<IReadOnlyList<ProjectRef>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Project>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new ProjectRef(p.Id, p.Code, p.Name, p.Phase, p.SourceLeadId)).ToListAsync(ct);
    }

    /// <summary>XM + signing year + a three-digit serial within the zone and year (XM2026-007).</summary>
    private static async Task<string> NextCodeAsync(PlatformDbContext db, int year, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"XM{year}-");
        var taken = await db.Set<Project>().Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        var next = taken.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return prefix + next.ToString("D3", CultureInfo.InvariantCulture);
    }
}
