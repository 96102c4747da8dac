using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Resources;
using SmartIsland.Scoring.Engine;
using SmartIsland.Scoring.Features;

namespace SmartIsland.Projects.Reviews;

public sealed record RoundInput(int Year, int Month, string? Title, IReadOnlyList<string> ProjectCodes);

public sealed record SheetInput(decimal? Progress, decimal? Investment, decimal? Quality, decimal? Safety, string? Remark);

public sealed record RoundSummary(Guid Id, int Year, int Month, string Title, RoundStatus Status, int Projects, int Sheets, DateTimeOffset? ClosedAt, int Version);

public sealed record SheetView(string ReviewerName, decimal Progress, decimal Investment, decimal Quality, decimal Safety, decimal Total, string? Remark, DateTimeOffset SubmittedAt, int Version);

public sealed record EntryView(
    string ProjectCode, string ProjectName, Guid? ParkId, string? ParkName, int Sheets, IReadOnlyDictionary<string, decimal> Marks, decimal MarksTotal,
    SheetView? Mine, bool MayScore);

public sealed record RankedProject(string ProjectCode, string ProjectName, string? ParkName, decimal Total, int? Rank, string? Grade, bool Excluded,
    IReadOnlyDictionary<string, decimal> Points, int Sheets, int Counted);

public sealed record RankedPark(Guid ParkId, string ParkName, decimal Total, int? Rank, string? Grade, int Projects);

public sealed record RoundView(
    RoundSummary Round, IReadOnlyList<ReviewCriterion> Criteria, IReadOnlyList<EntryView> Entries,
    IReadOnlyList<RankedProject> ProjectRanking, IReadOnlyList<RankedPark> ParkRanking, bool MayManage);

public sealed record HistoryPoint(string Period, decimal Total, int? Rank, int Ranked, string? Grade);

/// <summary>
/// Monthly site reviews (观摩评比): a round lists the projects visited; reviewers score each on the sheet
/// (<see cref="ReviewScoring.Criteria"/>); closing the round ranks the projects and the parks with the scoring engine
/// (schemes <see cref="ReviewScoring.ProjectScheme"/> and <see cref="ReviewScoring.ParkScheme"/>, period e.g. "2026M11"),
/// whose runs are the ranking's history.
/// </summary>
public sealed class SiteReviewService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IOrganisationDirectory organisation,
    IScoringService scoring, IStringLocalizer<ReviewStrings> l)
{
    public const string ManageRule = "projects.review.manage: Admin, zone leaders and department staff open and close site reviews";
    public const string ScoreRule = "projects.review.score: the review team (Admin, zone leaders, department and park staff) scores; park staff not their own park's projects";

    private bool MayManage => user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff);

    private bool MayScore(Guid? parkId) =>
        user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff)
        || (user.IsInRole(Roles.ParkStaff) && parkId is not null && parkId != user.UnitId);

    private void RequireStaff()
    {
        if (!user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff)) throw new ForbiddenException(ScoreRule, l["Err_NotReviewer"]);
    }

    public async Task<RoundSummary> CreateAsync(RoundInput input, CancellationToken ct = default)
    {
        if (!MayManage) throw new ForbiddenException(ManageRule, l["Err_MayNotManage"]);
        var errors = new ValidationErrors();
        if (input.Year is < 2000 or > 2100) errors.Add("year", l["Err_Year"]);
        if (input.Month is < 1 or > 12) errors.Add("month", l["Err_Month"]);
        var title = input.Title?.Trim();
        if (title?.Length > 100) errors.Add("title", l["Err_TooLong"]);
        var codes = (input.ProjectCodes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (codes.Count == 0) errors.Add("projectCodes", l["Err_NoProjects"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var projects = await db.Set<Project>().AsNoTracking().Where(p => codes.Contains(p.Code)).ToListAsync(ct);
        foreach (var missing in codes.Where(c => projects.All(p => !string.Equals(p.Code, c, StringComparison.OrdinalIgnoreCase))))
            errors.Add("projectCodes", string.Format(CultureInfo.CurrentCulture, l["Err_UnknownProject"], missing));
        if (!errors.Any && await db.Set<ReviewRound>().AnyAsync(r => r.Year == input.Year && r.Month == input.Month, ct))
            errors.Add("month", l["Err_RoundExists"]);
        errors.ThrowIfAny();

        var round = new ReviewRound
        {
            ZoneId = user.ZoneId!.Value, Year = input.Year, Month = input.Month,
            Title = string.IsNullOrEmpty(title) ? string.Format(CultureInfo.CurrentCulture, l["DefaultTitle"], input.Year, input.Month) : title,
            Status = RoundStatus.Open, CreatedAt = time.GetUtcNow(), CreatedBy = user.UserName,
        };
        var order = 0;
        foreach (var code in codes)
        {
            var p = projects.First(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
            round.Entries.Add(new ReviewEntry { ZoneId = round.ZoneId, RoundId = round.Id, ProjectId = p.Id, ParkId = p.ParkId, SortOrder = order++ });
        }
        db.Add(round);
        foreach (var e in round.Entries) db.Add(e);
        db.AuditReason = $"site review {round.Year}-{round.Month:D2} opened with {round.Entries.Count} projects";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ValidationFailedException("month", l["Err_RoundExists"]);
        }
        return Summary(round, 0);
    }

    public async Task<IReadOnlyList<RoundSummary>> RoundsAsync(CancellationToken ct = default)
    {
        RequireStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rounds = await db.Set<ReviewRound>().AsNoTracking().Include(r => r.Entries).OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ToListAsync(ct);
        var sheets = await db.Set<ReviewSheet>().AsNoTracking().GroupBy(s => s.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rounds.Select(r => Summary(r, sheets.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<RoundView> GetAsync(Guid id, CancellationToken ct = default)
    {
        RequireStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<ReviewRound>().AsNoTracking().Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        var ids = round.Entries.Select(e => e.ProjectId).ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var sheets = await db.Set<ReviewSheet>().AsNoTracking().Where(s => s.RoundId == id).ToListAsync(ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var me = user.UserId;
        var entries = round.Entries.OrderBy(e => e.SortOrder).Select(e =>
        {
            var p = projects[e.ProjectId];
            var own = sheets.Where(s => s.ProjectId == e.ProjectId).ToList();
            var marks = ReviewScoring.Marks(own);
            var mine = own.FirstOrDefault(s => s.ReviewerUserId == me);
            return new EntryView(p.Code, p.Name, e.ParkId, e.ParkId is { } pk ? parks.GetValueOrDefault(pk) : null, own.Count, marks.Values, marks.Values.Values.Sum(),
                mine is null ? null : Sheet(mine), round.Status == RoundStatus.Open && MayScore(e.ParkId));
        }).ToList();

        IReadOnlyList<RankedProject> projectRanking = [];
        IReadOnlyList<RankedPark> parkRanking = [];
        if (round.Status == RoundStatus.Closed)
        {
            var period = ScoringPeriod.OfMonth(round.Year, round.Month);
            var byId = round.Entries.ToDictionary(e => e.ProjectId);
            if (await scoring.LatestRunAsync(ReviewScoring.ProjectScheme, period, ct) is { } run)
            {
                projectRanking = run.Results.Where(r => byId.ContainsKey(r.UnitId)).OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r =>
                {
                    var p = projects[r.UnitId];
                    var own = sheets.Where(s => s.ProjectId == r.UnitId).ToList();
                    var marks = ReviewScoring.Marks(own);
                    return new RankedProject(p.Code, p.Name, byId[r.UnitId].ParkId is { } pk ? parks.GetValueOrDefault(pk) : null, r.Total, r.Rank, r.Grade, r.Excluded,
                        r.Indicators.ToDictionary(i => i.Key, i => i.Points), marks.Sheets, marks.Counted);
                }).ToList();
            }
            if (await scoring.LatestRunAsync(ReviewScoring.ParkScheme, period, ct) is { } parkRun)
            {
                parkRanking = parkRun.Results.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => new RankedPark(r.UnitId, r.Name, r.Total, r.Rank, r.Grade, round.Entries.Count(e => e.ParkId == r.UnitId))).ToList();
            }
        }
        return new RoundView(Summary(round, sheets.Count), ReviewScoring.Criteria, entries, projectRanking, parkRanking, MayManage);
    }

    /// <summary>A reviewer's sheet for one project of an open round: created or replaced (optimistic on its version).</summary>
    public async Task<SheetView> SaveSheetAsync(Guid roundId, string projectCode, SheetInput input, int? expectedVersion, CancellationToken ct = default)
    {
        RequireStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<ReviewRound>().Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        if (round.Status != RoundStatus.Open) throw new ConflictException("status", l["Err_RoundClosed"]);
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == projectCode, ct)
            ?? throw new ValidationFailedException("projectCode", string.Format(CultureInfo.CurrentCulture, l["Err_UnknownProject"], projectCode));
        var entry = round.Entries.FirstOrDefault(e => e.ProjectId == project.Id) ?? throw new ValidationFailedException("projectCode", l["Err_NotOnRoute"]);
        if (!MayScore(entry.ParkId)) throw new ForbiddenException(ScoreRule, l["Err_OwnPark"]);

        var errors = new ValidationErrors();
        decimal Check(string key, decimal? value)
        {
            var max = ReviewScoring.Criteria.First(c => c.Key == key).MaxPoints;
            if (value is null) { errors.Add(key, l["Err_ScoreRequired"]); return 0; }
            if (value < 0 || value > max) { errors.Add(key, string.Format(CultureInfo.CurrentCulture, l["Err_ScoreRange"], max)); return 0; }
            if (decimal.Round(value.Value, 1) != value) { errors.Add(key, l["Err_ScoreStep"]); return 0; }
            return value.Value;
        }
        var progress = Check("progress", input.Progress);
        var investment = Check("investment", input.Investment);
        var quality = Check("quality", input.Quality);
        var safety = Check("safety", input.Safety);
        var remark = input.Remark?.Trim();
        if (remark?.Length > 500) errors.Add("remark", l["Err_TooLong"]);
        errors.ThrowIfAny();

        var me = user.UserId!.Value;
        var sheet = await db.Set<ReviewSheet>().FirstOrDefaultAsync(s => s.RoundId == roundId && s.ProjectId == project.Id && s.ReviewerUserId == me, ct);
        if (sheet is null)
        {
            sheet = new ReviewSheet { ZoneId = round.ZoneId, RoundId = roundId, ProjectId = project.Id, ReviewerUserId = me };
            db.Add(sheet);
        }
        else if (expectedVersion is { } v && v != sheet.Version)
        {
            throw new PreconditionFailedException(l["Err_Stale"]);
        }
        sheet.ReviewerName = await DisplayNameAsync(db, me, ct);
        (sheet.Progress, sheet.Investment, sheet.Quality, sheet.Safety, sheet.Remark) = (progress, investment, quality, safety, remark);
        sheet.SubmittedAt = time.GetUtcNow();
        // The round's version moves with every sheet: a close that read the round before this sheet fails instead of
        // publishing a ranking without it.
        db.Entry(round).Property(x => x.Version).IsModified = true;
        db.AuditReason = $"site review {round.Year}-{round.Month:D2}: sheet for {project.Code} ({sheet.Total} points)";
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
            // The same reviewer's sheet saved twice at once (two tabs): the other one stands; reload and edit it.
            throw new ConflictException("version", l["Err_Stale"]);
        }
        return Sheet(sheet);
    }

    /// <summary>
    /// Closes the round: each project's marks (trimmed mean of its sheets) are scored and ranked by the scoring engine,
    /// then each park by its projects' mean. A project nobody scored is listed, not ranked (不参与排名).
    /// </summary>
    public async Task<RoundView> CloseAsync(Guid roundId, int? expectedVersion, CancellationToken ct = default)
    {
        if (!MayManage) throw new ForbiddenException(ManageRule, l["Err_MayNotManage"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<ReviewRound>().Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        if (expectedVersion is { } v && v != round.Version) throw new PreconditionFailedException(l["Err_Stale"]);
        if (round.Status != RoundStatus.Open) throw new ConflictException("status", l["Err_RoundClosed"]);
        if (!await db.Set<ReviewSheet>().AnyAsync(s => s.RoundId == roundId, ct)) throw new ValidationFailedException("sheets", l["Err_NoSheets"]);
        // Closed first (checked by version), scored after: no sheet can arrive between the two.
        round.Status = RoundStatus.Closed;
        round.ClosedAt = time.GetUtcNow();
        round.ClosedBy = user.UserName;
        var reason = $"site review {round.Year}-{round.Month:D2} closed";
        db.AuditReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Err_Stale"]);
        }
        try
        {
            await RankAsync(db, round, reason, ct);
        }
        catch
        {
            // Scoring failed: the round opens again so it can be closed once the cause is fixed.
            round.Status = RoundStatus.Open;
            (round.ClosedAt, round.ClosedBy) = (null, null);
            db.AuditReason = $"site review {round.Year}-{round.Month:D2}: ranking failed, reopened";
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        return await GetAsync(roundId, ct);
    }

    private async Task RankAsync(PlatformDbContext db, ReviewRound round, string reason, CancellationToken ct)
    {
        var sheets = await db.Set<ReviewSheet>().AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(ct);
        var ids = round.Entries.Select(e => e.ProjectId).ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);

        await EnsureSchemeAsync(ReviewScoring.ProjectScheme, l["SchemeProjects"], "Site review: projects", ReviewScoring.DefaultProjectScheme(), ct);
        await EnsureSchemeAsync(ReviewScoring.ParkScheme, l["SchemeParks"], "Site review: parks", ReviewScoring.DefaultParkScheme(), ct);
        var period = ScoringPeriod.OfMonth(round.Year, round.Month);
        var units = round.Entries.OrderBy(e => e.SortOrder).Select(e =>
        {
            var own = sheets.Where(s => s.ProjectId == e.ProjectId).ToList();
            var marks = ReviewScoring.Marks(own);
            return new UnitInput
            {
                UnitId = e.ProjectId, Name = projects[e.ProjectId].Name,
                Values = marks.Values.ToDictionary(x => x.Key, x => own.Count == 0 ? null : (decimal?)x.Value),
                Excluded = own.Count == 0, ExcludedReason = own.Count == 0 ? l["NotScored"].Value : null,
            };
        }).ToList();
        var run = await scoring.RunAsync(ReviewScoring.ProjectScheme, period, units, reason, ct);
        var parkUnits = round.Entries.Where(e => e.ParkId is not null).GroupBy(e => e.ParkId!.Value).Select(g =>
        {
            var totals = run.Results.Where(r => !r.Excluded && g.Any(e => e.ProjectId == r.UnitId)).Select(r => r.Total).ToList();
            return new UnitInput
            {
                UnitId = g.Key, Name = parks.GetValueOrDefault(g.Key) ?? g.Key.ToString(),
                Values = new Dictionary<string, decimal?> { ["projects"] = totals.Count == 0 ? null : ScoringEngine.Round(totals.Average()) },
                Excluded = totals.Count == 0, ExcludedReason = totals.Count == 0 ? l["NotScored"].Value : null,
            };
        }).ToList();
        if (parkUnits.Count > 0) await scoring.RunAsync(ReviewScoring.ParkScheme, period, parkUnits, reason, ct);
    }

    /// <summary>Projects a round may visit: those under way (started or under construction), by park then code.</summary>
    public async Task<IReadOnlyList<(string Code, string Name, string? Park)>> CandidatesAsync(CancellationToken ct = default)
    {
        RequireStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var rows = await db.Set<Project>().AsNoTracking()
            .Where(p => p.Phase == ProjectPhase.Started || p.Phase == ProjectPhase.UnderConstruction)
            .Select(p => new { p.Code, p.Name, p.ParkId }).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name, r.ParkId is { } id ? parks.GetValueOrDefault(id) : null))
            .OrderBy(r => r.Item3 ?? "", StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public bool MayManageReviews => MayManage;

    public bool MayReadReviews => user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff);

    /// <summary>A project's or a park's place in each closed month, newest first (from the scoring engine's runs).</summary>
    public async Task<IReadOnlyList<HistoryPoint>> HistoryAsync(Guid unitId, bool park, CancellationToken ct = default)
    {
        RequireStaff();
        var items = await scoring.HistoryAsync(park ? ReviewScoring.ParkScheme : ReviewScoring.ProjectScheme, unitId, ct);
        return items.Select(i => new HistoryPoint(i.Period, i.Total, i.Rank, i.GradedCount, i.Grade)).ToList();
    }

    private async Task EnsureSchemeAsync(string key, string titleZh, string titleEn, SchemeDefinition definition, CancellationToken ct)
    {
        if (await scoring.GetSchemeAsync(key, cancellationToken: ct) is not null) return;
        try
        {
            await scoring.SaveSchemeAsync(new SchemeInput(key, titleZh, titleEn, new DateOnly(2000, 1, 1), null, definition), null, "default site review scheme", ct);
        }
        catch (ConflictException)
        {
            // Saved by a concurrent close: that revision is the same default.
        }
    }

    private static async Task<string> DisplayNameAsync(PlatformDbContext db, Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";

    private static RoundSummary Summary(ReviewRound r, int sheets) =>
        new(r.Id, r.Year, r.Month, r.Title, r.Status, r.Entries.Count, sheets, r.ClosedAt, r.Version);

    private static SheetView Sheet(ReviewSheet s) =>
        new(s.ReviewerName, s.Progress, s.Investment, s.Quality, s.Safety, s.Total, s.Remark, s.SubmittedAt, s.Version);
}
