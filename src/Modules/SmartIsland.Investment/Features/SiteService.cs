using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Investment.Domain;
using SmartIsland.Investment.Resources;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Investment.Features;

/// <summary>
/// The inventory of idle plants and land (闲置厂房 / 土地), the parks' leading industries, and the sites that suit a lead
/// (<see cref="SiteMatching"/>), each with the reasons it was offered.
/// </summary>
public sealed class SiteService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IOrganisationDirectory organisation, IStringLocalizer<InvestmentStrings> l)
{
    /// <summary>The inventory with the page's filters; <paramref name="search"/> finds a site by its name, location or holder.</summary>
    public async Task<IReadOnlyList<SiteView>> ListAsync(SiteKind? kind, SiteStatus? status, string? search = null, CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<IdleSite>().AsNoTracking();
        if (kind is { } k) q = q.Where(s => s.Kind == k);
        if (status is { } st) q = q.Where(s => s.Status == st);
        if (InvestmentAccess.Trimmed(search) is { } term) q = q.Where(s => s.Name.Contains(term) || s.Location.Contains(term) || s.OwnerName.Contains(term));
        var parks = await ParkNamesAsync(ct);
        return (await q.OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(ct)).Select(s => View(s, parks)).ToList();
    }

    public async Task<SiteView> GetAsync(Guid id, CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var site = await db.Set<IdleSite>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(l["Err_SiteNotFound"]);
        return View(site, await ParkNamesAsync(ct));
    }

    public async Task<SiteView> CreateAsync(SiteInput input, CancellationToken ct = default)
    {
        var zone = InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var site = new IdleSite { ZoneId = zone };
        await ApplyAsync(site, input, ct);
        db.Add(site);
        db.AuditReason = $"idle site {site.Name} listed";
        await db.SaveChangesAsync(ct);
        return await GetAsync(site.Id, ct);
    }

    public async Task<SiteView> UpdateAsync(Guid id, SiteInput input, int? expectedVersion, CancellationToken ct = default)
    {
        InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var site = await db.Set<IdleSite>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(l["Err_SiteNotFound"]);
        InvestmentAccess.CheckVersion(expectedVersion, site.Version, l["Err_VersionRequired"], l["Err_Stale"]);
        var was = site.Status;
        await ApplyAsync(site, input, ct);
        // The note is the site's own remark, not why it was edited; a status change is what the log is read for.
        db.AuditReason = was == site.Status ? $"idle site {site.Name} edited" : $"idle site {site.Name}: {was} → {site.Status}";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Concurrent"]); }
        return await GetAsync(id, ct);
    }

    public async Task<IReadOnlyList<ParkIndustriesView>> ParksAsync(CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<ParkIndustries>().AsNoTracking().ToDictionaryAsync(p => p.ParkId, ct);
        return (await organisation.ParksAsync(ct)).Select(p => rows.TryGetValue(p.Id, out var r)
            ? new ParkIndustriesView(p.Id, p.Name, r.DivisionList, r.Version) : new ParkIndustriesView(p.Id, p.Name, [], 0)).ToList();
    }

    /// <summary>
    /// Replaces a park's leading industries. Each entry may hold several divisions separated as staff type them
    /// ("C38, C34；C40"); every one must be a GB/T 4754 division (<see cref="IndustryDivisions"/>), else a 400 on
    /// <c>divisions</c> naming the codes refused.
    /// </summary>
    public async Task<ParkIndustriesView> SetParkAsync(Guid parkId, ParkIndustriesInput input, int? expectedVersion, CancellationToken ct = default)
    {
        var zone = InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        var park = (await organisation.ParksAsync(ct)).FirstOrDefault(p => p.Id == parkId) ?? throw new NotFoundException(l["Err_UnknownPark"]);
        var divisions = (input.Divisions ?? [])
            .SelectMany(d => (d ?? "").Split(DivisionSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(d => d.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var refused = divisions.Where(d => !IndustryDivisions.IsDivision(d)).ToList();
        if (refused.Count > 0) throw new ValidationFailedException("divisions", l["Err_DivisionCodes", string.Join(", ", refused)]);
        if (divisions.Count > MaxLeadingIndustries) throw new ValidationFailedException("divisions", l["Err_DivisionCount", MaxLeadingIndustries]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<ParkIndustries>().FirstOrDefaultAsync(p => p.ParkId == parkId, ct);
        InvestmentAccess.CheckVersion(expectedVersion, row?.Version ?? 0, l["Err_VersionRequired"], l["Err_Stale"]);
        // A park without a row reads as version 0, so its first row starts at 1: a second writer who read "none" is stale.
        if (row is null) db.Add(row = new ParkIndustries { ZoneId = zone, ParkId = parkId, Version = 1 });
        var before = row.Divisions;
        row.Divisions = string.Join(',', divisions);
        db.AuditReason = $"leading industries of {park.Name}: {before} → {row.Divisions}";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Concurrent"]); }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e)) { throw new ConflictException("version", l["Err_Concurrent"]); } // two first saves of one park
        return new ParkIndustriesView(park.Id, park.Name, row.DivisionList, row.Version);
    }

    /// <summary>Enough for any park's guide (the zone's list up to four); the column holds 200 characters.</summary>
    private const int MaxLeadingIndustries = 20;

    private static readonly char[] DivisionSeparators = [',', '，', '、', ';', '；', ' '];

    /// <summary>Available and reserved sites that suit the lead, best first, each with why (<see cref="SiteMatching"/>).</summary>
    public async Task<IReadOnlyList<SiteMatchView>> MatchesAsync(Guid leadId, CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await db.Set<Lead>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == leadId, ct) ?? throw new NotFoundException(l["Err_LeadNotFound"]);
        var sites = await db.Set<IdleSite>().AsNoTracking().Where(s => s.Status != SiteStatus.Taken).ToListAsync(ct);
        var leading = await db.Set<ParkIndustries>().AsNoTracking().ToDictionaryAsync(p => p.ParkId, p => p.DivisionList, ct);
        var candidates = sites.Select(s => new SiteCandidate(s.Id, s.Kind, s.Area, s.IndustryCode,
            s.ParkId is { } p && leading.TryGetValue(p, out var d) ? [.. d] : Array.Empty<string>()));
        var matches = SiteMatching.Rank(lead.NeedKind, lead.NeedArea, lead.IndustryCode, candidates);
        var parks = await ParkNamesAsync(ct);
        var byId = sites.ToDictionary(s => s.Id);
        return matches.Select((m, i) =>
        {
            var site = View(byId[m.SiteId], parks);
            return new SiteMatchView(i + 1, site, m.AreaDeviation, m.Industry, Reasons(m, site, lead.NeedArea!.Value));
        }).ToList();
    }

    private List<string> Reasons(SiteMatch m, SiteView site, decimal need)
    {
        var c = CultureInfo.CurrentCulture;
        var area = m.AreaDeviation == 0 ? l["Reason_AreaEqual", site.Area.ToString("N0", c)].Value
            : l["Reason_Area", site.Area.ToString("N0", c), need.ToString("N0", c), Math.Abs(m.AreaDeviation).ToString("P1", c),
                m.AreaDeviation > 0 ? l["Larger"].Value : l["Smaller"].Value].Value;
        var industry = m.Industry == IndustryBasis.SameDivision
            ? l["Reason_SameDivision", m.Division, site.IndustryCode ?? ""].Value
            : l["Reason_ParkIndustry", site.ParkName ?? "", m.Division].Value;
        return [l["Reason_Kind", l["Kind_" + site.Kind]].Value, area, industry];
    }

    private async Task ApplyAsync(IdleSite site, SiteInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", l["Err_Kind"]);
        var name = InvestmentAccess.Trimmed(input.Name);
        if (name is null) errors.Add("name", l["Err_Required"]);
        else if (name.Length > 200) errors.Add("name", l["Err_TooLong"]);
        if (input.Area is not { } area || area <= 0 || area > 100_000_000m) errors.Add("area", l["Err_Area"]);
        if (input.Price is not { } price) errors.Add("price", l["Err_Required"]);
        else if (price < 0 || price > 100_000_000m) errors.Add("price", l["Err_Price"]);
        if (input.ParkId is { } park && (await organisation.ParksAsync(ct)).All(p => p.Id != park)) errors.Add("parkId", l["Err_UnknownPark"]);
        var location = InvestmentAccess.Trimmed(input.Location);
        if (location is null) errors.Add("location", l["Err_Required"]);
        else if (location.Length > 200) errors.Add("location", l["Err_TooLong"]);
        var owner = InvestmentAccess.Trimmed(input.OwnerName);
        if (owner is null) errors.Add("ownerName", l["Err_Required"]);
        else if (owner.Length > 200) errors.Add("ownerName", l["Err_TooLong"]);
        if (input.AvailableFrom is null) errors.Add("availableFrom", l["Err_Required"]);
        if (input.Status is { } status && !Enum.IsDefined(status)) errors.Add("status", l["Err_Status"]);
        var industry = InvestmentAccess.Trimmed(input.IndustryCode)?.ToUpperInvariant();
        if (industry is not null && !IndustryDivisions.IsCode(industry)) errors.Add("industryCode", l["Err_Industry"]);
        if (input.Note?.Trim().Length > 500) errors.Add("note", l["Err_TooLong"]);
        errors.ThrowIfAny();

        site.Kind = input.Kind!.Value;
        site.Name = name!;
        site.Area = input.Area!.Value;
        site.ParkId = input.ParkId;
        site.Location = location!;
        site.OwnerName = owner!;
        site.Price = input.Price!.Value;
        site.AvailableFrom = input.AvailableFrom!.Value;
        site.Status = input.Status ?? SiteStatus.Available;
        site.IndustryCode = industry;
        site.Note = InvestmentAccess.Trimmed(input.Note);
    }

    private async Task<Dictionary<Guid, string>> ParkNamesAsync(CancellationToken ct) =>
        (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);

    private static SiteView View(IdleSite s, Dictionary<Guid, string> parks) =>
        new(s.Id, s.Kind, s.Name, s.Area, s.ParkId, s.ParkId is { } p && parks.TryGetValue(p, out var n) ? n : null, s.Location, s.OwnerName, s.Price,
            s.AvailableFrom, s.Status, s.IndustryCode, s.Note, s.Version);
}
