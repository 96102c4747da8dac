using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Codes.Domain;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Features;

/// <summary>
/// The registry's use cases — list, read, register, edit — shared by the pages and the API so both
/// apply the same validation, access rules and masking.
/// </summary>
public sealed class EnterpriseRegistry(
    IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user,
    IOrganisationDirectory organisation,
    IStringLocalizer<EnterpriseStrings> l,
    IStringLocalizer<FigureStrings> f,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;


    public async Task<Paged<EnterpriseListItem>> SearchAsync(EnterpriseQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(query.Page, 1, 100_000);
        // The count, the page and the park names are independent reads: run them side by side, each on
        // its own connection (SQLite in WAL mode and PostgreSQL both serve concurrent readers).
        var totalTask = CountAsync();
        var rowsTask = PageAsync();
        var parksTask = ParkNamesAsync(ct);
        await Task.WhenAll(totalTask, rowsTask, parksTask);
        var (total, rows, parks) = (totalTask.Result, rowsTask.Result, parksTask.Result);
        var items = rows.Select(r => ToListItem(r, parks)).ToList();
        return new Paged<EnterpriseListItem>(items, total, page, pageSize);

        async Task<int> CountAsync()
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await Filter(db, query).CountAsync(ct);
        }

        async Task<List<ListRow>> PageAsync()
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await Sort(Filter(db, query), query)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Select(e => new ListRow(e.Id, e.CreditCode, e.Name, e.LegalRepresentative, e.IndustryCode, e.ParkId, e.RegisteredOn,
                    e.Qualifications.Select(x => x.Kind).ToList()))
                .ToListAsync(ct);
        }
    }

    private sealed record ListRow(
        Guid Id, string CreditCode, string Name, string? LegalRepresentative, string IndustryCode, Guid? ParkId,
        DateOnly? RegisteredOn, List<QualificationKind>? Kinds);

    /// <summary>One list row as this user may see it (the list, the API and the export all use it).</summary>
    private EnterpriseListItem ToListItem(ListRow r, Dictionary<Guid, string> parks) => new(
        r.Id, r.CreditCode, r.Name,
        EnterpriseAccess.CanSeePersonalData(user, r.Id) ? r.LegalRepresentative : Masking.PersonName(r.LegalRepresentative),
        r.IndustryCode, r.ParkId, r.ParkId is { } p ? parks.GetValueOrDefault(p) : null, r.RegisteredOn,
        r.Kinds?.Distinct().Order().ToList() ?? []);

    /// <summary>Every row of the filtered list, in order, for the Excel export (streams; no paging).</summary>
    public async IAsyncEnumerable<EnterpriseListItem> ExportAsync(EnterpriseQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var parks = await ParkNamesAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = Sort(Filter(db, query), query)
            .Select(e => new ListRow(e.Id, e.CreditCode, e.Name, e.LegalRepresentative, e.IndustryCode, e.ParkId, e.RegisteredOn, null))
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            yield return ToListItem(r, parks);
        }
    }

    public async Task<EnterpriseDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.Set<Enterprise>().AsNoTracking()
            .Include(x => x.Qualifications).Include(x => x.Indicators).Include(x => x.Facts)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        EnterpriseAccess.DemandRead(user, id, l["ForbiddenRead"]);
        var pending = (await db.Set<IndicatorCorrection>().AsNoTracking()
            .Where(c => c.EnterpriseId == id && c.Status == CorrectionStatus.Pending).Select(c => c.Year).ToListAsync(ct)).ToHashSet();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var full = EnterpriseAccess.CanSeePersonalData(user, id);
        var parks = await ParkNamesAsync(ct);
        return new EnterpriseDetail(
            e.Id, e.CreditCode, e.Name,
            full ? e.LegalRepresentative : Masking.PersonName(e.LegalRepresentative),
            e.IndustryCode, e.ParkId, e.ParkId is { } p ? parks.GetValueOrDefault(p) : null,
            e.Address,
            full ? e.ContactName : Masking.PersonName(e.ContactName),
            full ? e.ContactPhone : Masking.Phone(e.ContactPhone),
            e.RegisteredOn, e.Version, !full, EnterpriseAccess.CanEdit(user, id),
            e.Qualifications.OrderBy(q => q.Kind).Select(q => new QualificationView(q.Id, q.Kind, q.CertificateNumber, q.ValidFrom, q.ValidUntil, q.IsValidOn(today))).ToList(),
            e.Indicators.OrderByDescending(i => i.Year).Select(i => ToView(i, pending.Contains(i.Year))).ToList())
        {
            Facts = e.Facts.OrderBy(x => x.Key, StringComparer.Ordinal).Select(EnterpriseFacts.ToView).ToList(),
            CanReview = EnterpriseAccess.CanReview(user),
        };
    }

    public async Task<EnterpriseDetail> CreateAsync(EnterpriseInput input, CancellationToken ct = default)
    {
        if (!EnterpriseAccess.CanCreate(user)) throw new ForbiddenException(EnterpriseAccess.CreateRule, l["ForbiddenCreate"]);
        await ValidateAsync(input, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = input.CreditCode!.Trim().ToUpperInvariant();
        if (await db.Set<Enterprise>().AnyAsync(x => x.CreditCode == code, ct))
            throw new ConflictException("creditCode", l["DuplicateCreditCode", code]);
        var e = new Enterprise { CreditCode = code };
        Apply(e, input, personalData: true);
        db.Add(e);
        await SaveAsync(db, ct);
        return await GetAsync(e.Id, ct);
    }

    public async Task<EnterpriseDetail> UpdateAsync(Guid id, EnterpriseInput input, string? reason = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.Set<Enterprise>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        await ValidateAsync(input, ct, requireVersion: true, personalData: EnterpriseAccess.CanSeePersonalData(user, id));
        var code = input.CreditCode!.Trim().ToUpperInvariant();
        if (code != e.CreditCode && await db.Set<Enterprise>().AnyAsync(x => x.CreditCode == code && x.Id != id, ct))
            throw new ConflictException("creditCode", l["DuplicateCreditCode", code]);
        db.Entry(e).Property(x => x.Version).OriginalValue = input.Version!.Value;
        e.CreditCode = code;
        // A role that only sees masked personal data cannot overwrite it with the mask.
        Apply(e, input, personalData: EnterpriseAccess.CanSeePersonalData(user, id));
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    public async Task<EnterpriseDetail> AddQualificationAsync(Guid id, QualificationInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        _ = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        var errors = new ValidationErrors();
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) errors.Add("kind", l["Required", l["Qualification"]]);
        if (input.CertificateNumber?.Trim().Length > EnterpriseFieldRules.CertificateNumberMax) errors.Add("certificateNumber", l["TooLong", l["CertificateNumber"], EnterpriseFieldRules.CertificateNumberMax]);
        if (input.ValidFrom is { } from && input.ValidUntil is { } until && until < from) errors.Add("validUntil", l["ValidUntilBeforeFrom"]);
        errors.ThrowIfAny();
        db.Add(new Qualification
        {
            EnterpriseId = id,
            Kind = input.Kind!.Value,
            CertificateNumber = Clean(input.CertificateNumber),
            ValidFrom = input.ValidFrom,
            ValidUntil = input.ValidUntil,
        });
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    public async Task<EnterpriseDetail> RemoveQualificationAsync(Guid id, Guid qualificationId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = await db.Set<Qualification>().FirstOrDefaultAsync(x => x.Id == qualificationId && x.EnterpriseId == id, ct) ?? throw NotFound();
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        db.Remove(q);
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Adds a year's figures or changes a draft (send the version you read). A submitted year waits for
    /// review (only staff change it); a reviewed year is locked and changes only through a correction.
    /// </summary>
    public async Task<EnterpriseDetail> SaveIndicatorAsync(Guid id, int year, IndicatorInput input, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound();
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        var indicator = await db.Set<YearlyIndicator>().FirstOrDefaultAsync(i => i.EnterpriseId == id && i.Year == year, ct);
        if (indicator?.Status == IndicatorStatus.Reviewed) throw new ConflictException("year", f["Locked", year]);
        if (indicator?.Status == IndicatorStatus.Submitted && !EnterpriseAccess.CanReview(user)) throw new ConflictException("year", f["AwaitingReview", year]);
        var thisYear = clock.GetLocalNow().Year;
        var figures = input.ToFigures();
        FigureText.ThrowIfAny(f, IndicatorRules.Check(figures, year, thisYear), thisYear);
        if (indicator is null)
        {
            if (input.Version is not null) throw new ConflictException("version", f["Stale"]);
            indicator = new YearlyIndicator { ZoneId = enterprise.ZoneId, EnterpriseId = id, Year = year };
            db.Add(indicator);
        }
        else
        {
            if (input.Version is null) throw new ConflictException("year", f["IndicatorYearExists", year]);
            if (input.Version != indicator.Version) throw new ConflictException("version", f["Stale"]);
            db.Entry(indicator).Property(i => i.Version).OriginalValue = input.Version.Value;
        }
        IndicatorFields.Copy(figures, indicator);
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A unique index caught a duplicate that a concurrent request inserted after our check.
            throw e.Entries.Any(x => x.Entity is YearlyIndicator)
                ? new ConflictException("year", l["ConcurrencyConflict"])
                : new ConflictException("creditCode", l["DuplicateCreditCode", ""]);
        }
    }

    private static void Apply(Enterprise e, EnterpriseInput input, bool personalData)
    {
        e.Name = input.Name!.Trim();
        e.IndustryCode = input.IndustryCode!.Trim().ToUpperInvariant();
        e.ParkId = input.ParkId;
        e.Address = Clean(input.Address);
        e.RegisteredOn = input.RegisteredOn;
        if (personalData)
        {
            e.ContactName = Clean(input.ContactName);
            e.LegalRepresentative = Clean(input.LegalRepresentative);
            e.ContactPhone = Clean(input.ContactPhone);
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Checks every field and reports all problems at once; nothing is written when any fails.</summary>
    /// <param name="personalData">False when the role sees only masked personal data: those fields are not saved, so not checked.</param>
    private async Task ValidateAsync(EnterpriseInput input, CancellationToken ct, bool requireVersion = false, bool personalData = true)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.CreditCode)) errors.Add("creditCode", l["Required", l["CreditCode"]]);
        else
        {
            var check = CreditCode.Check(input.CreditCode);
            if (!check.Valid) errors.Add("creditCode", l["CreditCodeInvalid", l["CodeProblem_" + check.Problem]]);
        }
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", l["Required", l["Name"]]);
        else if (input.Name.Trim().Length > EnterpriseFieldRules.NameMax) errors.Add("name", l["TooLong", l["Name"], EnterpriseFieldRules.NameMax]);
        if (string.IsNullOrWhiteSpace(input.IndustryCode)) errors.Add("industryCode", l["Required", l["IndustryCode"]]);
        else if (!IndustryCode.IsValid(input.IndustryCode.Trim().ToUpperInvariant())) errors.Add("industryCode", l["IndustryCodeInvalid"]);
        if (personalData && input.LegalRepresentative?.Trim().Length > EnterpriseFieldRules.PersonNameMax) errors.Add("legalRepresentative", l["TooLong", l["LegalRepresentative"], EnterpriseFieldRules.PersonNameMax]);
        if (input.Address?.Trim().Length > EnterpriseFieldRules.AddressMax) errors.Add("address", l["TooLong", l["Address"], EnterpriseFieldRules.AddressMax]);
        if (personalData && input.ContactPhone is { Length: > 0 } phone && !PhoneNumbers.IsPlausible(phone)) errors.Add("contactPhone", l["PhoneInvalid"]);
        if (personalData && input.ContactName?.Trim().Length > EnterpriseFieldRules.PersonNameMax) errors.Add("contactName", l["TooLong", l["ContactName"], EnterpriseFieldRules.PersonNameMax]);
        if (input.RegisteredOn is { } reg && reg > DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) errors.Add("registeredOn", l["DateInFuture"]);
        if (requireVersion && input.Version is null) errors.Add("version", l["Required", "version"]);
        if (input.ParkId is { } parkId && (await organisation.ParksAsync(ct)).All(p => p.Id != parkId)) errors.Add("parkId", l["ParkUnknown"]);
        errors.ThrowIfAny();
    }

    private IQueryable<Enterprise> Filter(PlatformDbContext db, EnterpriseQuery query)
    {
        var q = db.Set<Enterprise>().AsNoTracking();
        if (!EnterpriseAccess.CanList(user))
        {
            // An enterprise user's list is its own enterprise; citizens and partners see nothing.
            var own = user.IsInRole(Roles.EnterpriseUser) ? user.EnterpriseId : null;
            q = q.Where(e => e.Id == own);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            if (s.All(char.IsAsciiLetterOrDigit))
            {
                // Looks like (part of) a credit code. Four or more characters with a digit are taken as a
                // code prefix only — an index range, no scan of names; shorter ones may be a name too.
                var from = s.ToUpperInvariant();
                var codeOnly = s.Length >= 4 && s.Any(char.IsAsciiDigit);
                if (db.Provider == DatabaseProvider.Sqlite)
                {
                    // SQLite compares bytes: a range on the code index ('~' sorts after the whole code alphabet).
                    var to = from + "~";
                    q = codeOnly
                        ? q.Where(e => string.Compare(e.CreditCode, from) >= 0 && string.Compare(e.CreditCode, to) < 0)
                        : q.Where(e => (string.Compare(e.CreditCode, from) >= 0 && string.Compare(e.CreditCode, to) < 0) || e.Name.Contains(s));
                }
                else
                {
                    // PostgreSQL's collation may ignore punctuation, so a range is unsafe there: a prefix match.
                    q = codeOnly
                        ? q.Where(e => e.CreditCode.StartsWith(from))
                        : q.Where(e => e.CreditCode.StartsWith(from) || e.Name.Contains(s));
                }
            }
            else
            {
                q = q.Where(e => e.Name.Contains(s));
            }
        }
        if (query.ParkId is { } park) q = q.Where(e => e.ParkId == park);
        if (!string.IsNullOrWhiteSpace(query.IndustryCode))
        {
            var ind = query.IndustryCode.Trim().ToUpperInvariant();
            q = q.Where(e => e.IndustryCode.StartsWith(ind));
        }
        if (query.Qualification is { } kind)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            q = q.Where(e => e.Qualifications.Any(x => x.Kind == kind && (x.ValidFrom == null || x.ValidFrom <= today) && (x.ValidUntil == null || x.ValidUntil >= today)));
        }
        return q;
    }

    private static IQueryable<Enterprise> Sort(IQueryable<Enterprise> q, EnterpriseQuery query) => (query.Sort, query.Descending) switch
    {
        (EnterpriseSort.CreditCode, false) => q.OrderBy(e => e.CreditCode),
        (EnterpriseSort.CreditCode, true) => q.OrderByDescending(e => e.CreditCode),
        (EnterpriseSort.IndustryCode, false) => q.OrderBy(e => e.IndustryCode).ThenBy(e => e.Name),
        (EnterpriseSort.IndustryCode, true) => q.OrderByDescending(e => e.IndustryCode).ThenBy(e => e.Name),
        (EnterpriseSort.RegisteredOn, false) => q.OrderBy(e => e.RegisteredOn).ThenBy(e => e.Name),
        (EnterpriseSort.RegisteredOn, true) => q.OrderByDescending(e => e.RegisteredOn).ThenBy(e => e.Name),
        (_, true) => q.OrderByDescending(e => e.Name).ThenBy(e => e.Id),
        _ => q.OrderBy(e => e.Name).ThenBy(e => e.Id),
    };

    private async Task<Dictionary<Guid, string>> ParkNamesAsync(CancellationToken ct) =>
        (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);

    private NotFoundException NotFound() => new(l["NotFound"]);

    internal static IndicatorView ToView(YearlyIndicator i, bool correctionPending) => new(
        i.Year, i.Revenue, i.RdExpense, i.TaxPaid, i.Employees, i.TechStaff, i.InventionPatents, i.UtilityModelPatents,
        i.DesignPatents, i.SoftwareCopyrights, i.LandMu, i.EnergyUseTce, i.Version)
    {
        MainBusinessRevenue = i.MainBusinessRevenue, TotalIncome = i.TotalIncome, HighTechProductRevenue = i.HighTechProductRevenue,
        DomesticRdExpense = i.DomesticRdExpense, TotalCost = i.TotalCost, TotalAssets = i.TotalAssets, TotalLiabilities = i.TotalLiabilities,
        NetProfit = i.NetProfit, ValueAdded = i.ValueAdded, EquityFinancing = i.EquityFinancing, RdStaff = i.RdStaff,
        TechConversions = i.TechConversions, Status = i.Status, SubmittedAt = i.SubmittedAt, ReviewedAt = i.ReviewedAt,
        ReturnReason = i.ReturnReason, CorrectionPending = correctionPending,
    };
}
