using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Resources;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Projects.Register;

public enum PeriodKind
{
    Year,
    Quarter,
    Month,
}

/// <summary>
/// One period's 三个一批: projects signed (签约一批), started (开工一批) and completed and put into production (竣工投产一批,
/// counted on the day the project reached production or use), and the investment completed (万元) in the period.
/// </summary>
public sealed record BatchFigures(PeriodKind Kind, int Number, DateOnly From, DateOnly To, int SignedCount, int StartedCount, int CompletedCount, decimal Investment);

public sealed record TargetView(int Year, int SignedCount, int StartedCount, int CompletedCount, decimal Investment, int Version);

public sealed record TargetInput(int SignedCount, int StartedCount, int CompletedCount, decimal Investment, int? Version = null, string? Reason = null);

/// <summary>
/// A year's 三个一批 with the figures the zone's reports quote: how many provincial and municipal key projects it follows
/// (<see cref="KeyProjects"/>), how many projects are started to date (累计开工, any phase from 开工 on, as of
/// <see cref="AsOf"/>), and the year, each quarter and each month against the year's targets.
/// </summary>
public sealed record ThreeBatchesReport(
    int Year, DateOnly AsOf, int Projects, int KeyProjects, int StartedToDate, decimal PlannedInvestment,
    BatchFigures Total, IReadOnlyList<BatchFigures> Quarters, IReadOnlyList<BatchFigures> Months, TargetView? Target);

/// <summary>三个一批 (签约一批、开工一批、竣工投产一批) from the project register, and the zone's targets per year (Admin keeps them).</summary>
internal sealed class ThreeBatches(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IStringLocalizer<RegisterStrings> l)
{
    public const string ReadRule = "projects.three-batches: zone staff read the 三个一批 figures";
    public const string TargetRule = "projects.targets: only administrators set the zone's 三个一批 targets";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public bool MayEditTargets => user.IsInRole(Roles.Admin);

    public async Task<ThreeBatchesReport> ReportAsync(int year, CancellationToken ct = default)
    {
        if (!user.IsInAnyRole([.. Roles.Staff])) throw new ForbiddenException(ReadRule, l["Err_MayNotReadBatches"]);
        if (year is < 2000 or > 2100) throw new ValidationFailedException("year", l["Err_Year"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var projects = await db.Set<Project>().AsNoTracking()
            .Select(p => new { p.Level, p.SignedOn, p.StartedOn, p.InProductionOn }).ToListAsync(ct);
        // Decimals are summed here, not in SQL: SQLite keeps them as text.
        var investments = await db.Set<MonthlyInvestment>().AsNoTracking().Where(i => i.Year == year)
            .Select(i => new { i.Month, i.Amount }).ToListAsync(ct);
        var planned = (await db.Set<YearPlan>().AsNoTracking().Where(y => y.Year == year).Select(y => y.PlannedInvestment).ToListAsync(ct)).Sum();
        var target = await db.Set<ThreeBatchTarget>().AsNoTracking().Where(t => t.Year == year)
            .Select(t => new TargetView(t.Year, t.SignedCount, t.StartedCount, t.CompletedCount, t.Investment, t.Version)).FirstOrDefaultAsync(ct);

        BatchFigures Figures(PeriodKind kind, int number, DateOnly from, DateOnly to) => new(kind, number, from, to,
            projects.Count(p => In(p.SignedOn, from, to)),
            projects.Count(p => In(p.StartedOn, from, to)),
            projects.Count(p => In(p.InProductionOn, from, to)),
            investments.Where(i => i.Month >= from.Month && i.Month <= to.Month).Sum(i => i.Amount));

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(China).DateTime);
        var yearEnd = new DateOnly(year, 12, 31);
        var asOf = today < yearEnd ? today : yearEnd;
        return new ThreeBatchesReport(year, asOf, projects.Count,
            projects.Count(p => p.Level is ProjectLevel.Provincial or ProjectLevel.Municipal),
            projects.Count(p => p.StartedOn is { } s && s <= asOf),
            planned,
            Figures(PeriodKind.Year, year, new DateOnly(year, 1, 1), yearEnd),
            Enumerable.Range(1, 4).Select(q => Figures(PeriodKind.Quarter, q, new DateOnly(year, q * 3 - 2, 1), new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1))).ToList(),
            Enumerable.Range(1, 12).Select(m => Figures(PeriodKind.Month, m, new DateOnly(year, m, 1), new DateOnly(year, m, 1).AddMonths(1).AddDays(-1))).ToList(),
            target);
    }

    private static bool In(DateOnly? day, DateOnly from, DateOnly to) => day is { } d && d >= from && d <= to;

    /// <summary>Sets a year's targets (counts ≥ 0, investment ≥ 0 万元); send the version read when changing them.</summary>
    public async Task<TargetView> SaveTargetAsync(int year, TargetInput input, int? ifMatch = null, CancellationToken ct = default)
    {
        if (!MayEditTargets || user.ZoneId is not { } zone) throw new ForbiddenException(TargetRule, l["Err_MayNotEditTargets"]);
        var errors = new ValidationErrors();
        if (year is < 2000 or > 2100) errors.Add("year", l["Err_Year"]);
        if (input.SignedCount is < 0 or > 100_000) errors.Add("signedCount", l["Err_Count"]);
        if (input.StartedCount is < 0 or > 100_000) errors.Add("startedCount", l["Err_Count"]);
        if (input.CompletedCount is < 0 or > 100_000) errors.Add("completedCount", l["Err_Count"]);
        if (input.Investment < 0) errors.Add("investment", l["Err_Negative"]);
        else if (input.Investment > 1_000_000_000) errors.Add("investment", l["Err_AmountTooLarge"]);
        if (input.Reason?.Trim().Length > 500) errors.Add("reason", l["Err_TooLong", 500]);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<ThreeBatchTarget>().FirstOrDefaultAsync(t => t.Year == year, ct);
        var version = ifMatch ?? input.Version;
        if (row is null)
        {
            row = new ThreeBatchTarget { ZoneId = zone, Year = year };
            db.Add(row);
        }
        else
        {
            if (version is null) throw new ValidationFailedException("version", l["Err_VersionRequired"]);
            if (ifMatch is { } v && v != row.Version) throw new PreconditionFailedException(l["Err_Stale"]);
            db.Entry(row).Property(x => x.Version).OriginalValue = version.Value;
        }
        row.SignedCount = input.SignedCount;
        row.StartedCount = input.StartedCount;
        row.CompletedCount = input.CompletedCount;
        row.Investment = input.Investment;
        db.AuditReason = string.Create(CultureInfo.InvariantCulture, $"三个一批 targets {year}") + (string.IsNullOrWhiteSpace(input.Reason) ? "" : " — " + input.Reason.Trim());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Err_Stale"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("year", l["Err_Stale"]);
        }
        return new TargetView(row.Year, row.SignedCount, row.StartedCount, row.CompletedCount, row.Investment, row.Version);
    }

    /// <summary>The year, its quarters and months against the targets as an .xlsx sheet (the export is recorded).</summary>
    public async Task WriteAsync(int year, Stream output, CancellationToken ct = default)
    {
        var report = await ReportAsync(year, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", nameof(ThreeBatchTarget), null, details: new { year });
            await db.SaveChangesAsync(ct);
        }
        var rows = new List<Dictionary<string, object?>>();
        foreach (var f in new[] { report.Total }.Concat(report.Quarters).Concat(report.Months))
        {
            rows.Add(new Dictionary<string, object?>
            {
                [l["Period"]] = PeriodLabel(f),
                [l["Batch_Signed"]] = f.SignedCount,
                [l["Batch_Started"]] = f.StartedCount,
                [l["Batch_Completed"]] = f.CompletedCount,
                [l["Batch_Investment"]] = f.Investment,
            });
        }
        if (report.Target is { } t)
        {
            rows.Add(new Dictionary<string, object?>
            {
                [l["Period"]] = l["TargetRow", year].Value,
                [l["Batch_Signed"]] = t.SignedCount,
                [l["Batch_Started"]] = t.StartedCount,
                [l["Batch_Completed"]] = t.CompletedCount,
                [l["Batch_Investment"]] = t.Investment,
            });
        }
        rows.Add(new Dictionary<string, object?>
        {
            [l["Period"]] = l["StartedToDateRow", report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value,
            [l["Batch_Signed"]] = null,
            [l["Batch_Started"]] = report.StartedToDate,
            [l["Batch_Completed"]] = null,
            [l["Batch_Investment"]] = null,
        });
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }

    public string PeriodLabel(BatchFigures f) => f.Kind switch
    {
        PeriodKind.Year => l["Period_Year", f.Number],
        PeriodKind.Quarter => l["Period_Quarter", f.Number],
        _ => l["Period_Month", f.Number],
    };
}
