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
    SheetView? Mine, bool MayScore, Guid ProjectId);

public sealed record RankedProject(string ProjectCode, string ProjectName, string? ParkName, decimal Total, int? Rank, string? Grade, bool Excluded,
    IReadOnlyDictionary<string, decimal> Points, int Sheets, int Counted, Guid ProjectId);

/// <summary>A park's place: <see cref="ProjectsMean"/> and, when the round had park sheets, <see cref="SheetsMark"/> are what the engine combined.</summary>
public sealed record RankedPark(Guid ParkId, string ParkName, decimal Total, int? Rank, string? Grade, int Projects,
    decimal? ProjectsMean = null, decimal? SheetsMark = null, int ParkSheets = 0, string? ExcludedReason = null);

public sealed record ParkSheetInput(decimal? Planning, decimal? Support, decimal? Environment, decimal? Organisation, string? Remark);

public sealed record ParkSheetView(Guid ParkId, string ReviewerName, decimal Planning, decimal Support, decimal Environment, decimal Organisation, decimal Total,
    string? Remark, DateTimeOffset SubmittedAt, int Version);

/// <summary>A park of the round (its projects are on the route) with its park sheets so far.</summary>
public sealed record ParkEntryView(Guid ParkId, string ParkName, int Projects, int Sheets, IReadOnlyDictionary<string, decimal> Marks, decimal MarksTotal,
    ParkSheetView? Mine, bool MayScore);

/// <summary>
/// How the round's parks are (or will be) ranked: with park sheets, the projects' mean and the sheets' mark weighted as
/// the combined scheme says; without, the projects' mean alone — <see cref="Note"/> then reads "park sheets: none".
/// </summary>
public sealed record ParkScoring(bool WithParkSheets, decimal ProjectsWeight, decimal SheetsWeight, string Note);

public sealed record RoundView(
    RoundSummary Round, IReadOnlyList<ReviewCriterion> Criteria, IReadOnlyList<EntryView> Entries,
    IReadOnlyList<RankedProject> ProjectRanking, IReadOnlyList<RankedPark> ParkRanking, bool MayManage,
    IReadOnlyList<ReviewCriterion> ParkCriteria, IReadOnlyList<ParkEntryView> Parks, ParkScoring ParkScoring);

/// <summary>One closed month of a project or park; <see cref="WithParkSheets"/> says a park's total combined its own sheets that month.</summary>
public sealed record HistoryPoint(string Period, decimal Total, int? Rank, int Ranked, string? Grade, bool WithParkSheets = false);

/// <summary>A project's or park's months, oldest first (for the history page's table and line).</summary>
public sealed record ReviewHistory(Guid UnitId, bool Park, string Name, string? Code, IReadOnlyList<HistoryPoint> Months);

/// <summary>
/// Monthly site reviews (观摩评比): a round lists the projects visited; reviewers score each on the sheet
/// (<see cref="ReviewScoring.Criteria"/>) and may score each park on the route on the park sheet
/// (<see cref="ReviewScoring.ParkCriteria"/>); closing the round ranks the projects and the parks with the scoring engine
/// (schemes <see cref="ReviewScoring.ProjectScheme"/>, and <see cref="ReviewScoring.CombinedParkScheme"/> or — no park
/// sheets — <see cref="ReviewScoring.ParkScheme"/>, period e.g. "2026M11"), whose runs are the ranking's history.
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
        var parkSheets = await db.Set<ParkReviewSheet>().AsNoTracking().Where(s => s.RoundId == id).ToListAsync(ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var me = user.UserId;
        var entries = round.Entries.OrderBy(e => e.SortOrder).Select(e =>
        {
            var p = projects[e.ProjectId];
            var own = sheets.Where(s => s.ProjectId == e.ProjectId).ToList();
            var marks = ReviewScoring.Marks(own);
            var mine = own.FirstOrDefault(s => s.ReviewerUserId == me);
            return new EntryView(p.Code, p.Name, e.ParkId, e.ParkId is { } pk ? parks.GetValueOrDefault(pk) : null, own.Count, marks.Values, marks.Values.Values.Sum(),
                mine is null ? null : Sheet(mine), round.Status == RoundStatus.Open && MayScore(e.ParkId), p.Id);
        }).ToList();

        var parkEntries = ParksOf(round).Select(pk =>
        {
            var own = parkSheets.Where(s => s.ParkId == pk).ToList();
            var marks = ReviewScoring.ParkMarks(own);
            var mine = own.FirstOrDefault(s => s.ReviewerUserId == me);
            return new ParkEntryView(pk, parks.GetValueOrDefault(pk) ?? pk.ToString(), round.Entries.Count(e => e.ParkId == pk), own.Count, marks.Values,
                marks.Values.Values.Sum(), mine is null ? null : ParkSheet(mine), round.Status == RoundStatus.Open && MayScore(pk));
        }).OrderBy(p => p.ParkName, StringComparer.Ordinal).ToList();
        var period = ScoringPeriod.OfMonth(round.Year, round.Month);
        var parkScoring = await ParkScoringAsync(parkSheets.Count > 0, period, ct);

        IReadOnlyList<RankedProject> projectRanking = [];
        IReadOnlyList<RankedPark> parkRanking = [];
        if (round.Status == RoundStatus.Closed)
        {
            var byId = round.Entries.ToDictionary(e => e.ProjectId);
            if (await scoring.LatestRunAsync(ReviewScoring.ProjectScheme, period, ct) is { } run)
            {
                projectRanking = run.Results.Where(r => byId.ContainsKey(r.UnitId)).OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r =>
                {
                    var p = projects[r.UnitId];
                    var own = sheets.Where(s => s.ProjectId == r.UnitId).ToList();
                    var marks = ReviewScoring.Marks(own);
                    return new RankedProject(p.Code, p.Name, byId[r.UnitId].ParkId is { } pk ? parks.GetValueOrDefault(pk) : null, r.Total, r.Rank, r.Grade, r.Excluded,
                        r.Indicators.ToDictionary(i => i.Key, i => i.Points), marks.Sheets, marks.Counted, p.Id);
                }).ToList();
            }
            var parkKey = parkScoring.WithParkSheets ? ReviewScoring.CombinedParkScheme : ReviewScoring.ParkScheme;
            if (await scoring.LatestRunAsync(parkKey, period, ct) is { } parkRun)
            {
                parkRanking = parkRun.Results.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => new RankedPark(r.UnitId, r.Name, r.Total, r.Rank, r.Grade, round.Entries.Count(e => e.ParkId == r.UnitId),
                        r.Indicators.FirstOrDefault(i => i.Key == ReviewScoring.ProjectsIndicator)?.Value,
                        r.Indicators.FirstOrDefault(i => i.Key == ReviewScoring.SheetsIndicator)?.Value,
                        parkSheets.Count(s => s.ParkId == r.UnitId), r.ExcludedReason)).ToList();
            }
        }
        return new RoundView(Summary(round, sheets.Count), ReviewScoring.Criteria, entries, projectRanking, parkRanking, MayManage,
            ReviewScoring.ParkCriteria, parkEntries, parkScoring);
    }

    /// <summary>The parks whose projects are on the route: the parks a round may score.</summary>
    private static IEnumerable<Guid> ParksOf(ReviewRound round) => round.Entries.Where(e => e.ParkId is not null).Select(e => e.ParkId!.Value).Distinct();

    /// <summary>The weights of the combined park scheme in force at the month's end (its default before a zone saved one).</summary>
    private async Task<ParkScoring> ParkScoringAsync(bool withParkSheets, ScoringPeriod period, CancellationToken ct)
    {
        if (!withParkSheets) return new ParkScoring(false, 100, 0, "park sheets: none");
        var definition = (await scoring.GetSchemeAsync(ReviewScoring.CombinedParkScheme, period.LastDay, ct))?.Definition ?? ReviewScoring.DefaultCombinedParkScheme();
        var projects = definition.Indicators.FirstOrDefault(i => i.Key == ReviewScoring.ProjectsIndicator)?.Weight ?? 0;
        var parkSheets = definition.Indicators.FirstOrDefault(i => i.Key == ReviewScoring.SheetsIndicator)?.Weight ?? 0;
        return new ParkScoring(true, projects, parkSheets,
            string.Create(CultureInfo.InvariantCulture, $"projects' mean {projects:0.##} + park sheets {parkSheets:0.##}"));
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
        decimal Check(string key, decimal? value) => CheckPoints(errors, ReviewScoring.Criteria.First(c => c.Key == key), value);
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
    /// A reviewer's sheet for one park of an open round (a park with a project on the route): created or replaced
    /// (optimistic on its version). The same team scores as for projects; park staff not their own park.
    /// </summary>
    public async Task<ParkSheetView> SaveParkSheetAsync(Guid roundId, Guid parkId, ParkSheetInput input, int? expectedVersion, CancellationToken ct = default)
    {
        RequireStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.Set<ReviewRound>().Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException(l["Err_RoundNotFound"]);
        if (round.Status != RoundStatus.Open) throw new ConflictException("status", l["Err_RoundClosed"]);
        if (!ParksOf(round).Contains(parkId)) throw new ValidationFailedException("parkId", l["Err_ParkNotOnRoute"]);
        if (!MayScore(parkId)) throw new ForbiddenException(ScoreRule, l["Err_OwnParkSheet"]);

        var errors = new ValidationErrors();
        var points = ReviewScoring.ParkCriteria.ToDictionary(c => c.Key, c => CheckPoints(errors, c, c.Key switch
        {
            "planning" => input.Planning,
            "support" => input.Support,
            "environment" => input.Environment,
            _ => input.Organisation,
        }));
        var remark = input.Remark?.Trim();
        if (remark?.Length > 500) errors.Add("remark", l["Err_TooLong"]);
        errors.ThrowIfAny();

        var me = user.UserId!.Value;
        var sheet = await db.Set<ParkReviewSheet>().FirstOrDefaultAsync(s => s.RoundId == roundId && s.ParkId == parkId && s.ReviewerUserId == me, ct);
        if (sheet is null)
        {
            sheet = new ParkReviewSheet { ZoneId = round.ZoneId, RoundId = roundId, ParkId = parkId, ReviewerUserId = me };
            db.Add(sheet);
        }
        else if (expectedVersion is { } v && v != sheet.Version)
        {
            throw new PreconditionFailedException(l["Err_Stale"]);
        }
        sheet.ReviewerName = await DisplayNameAsync(db, me, ct);
        (sheet.Planning, sheet.Support, sheet.Environment, sheet.Organisation, sheet.Remark) =
            (points["planning"], points["support"], points["environment"], points["organisation"], remark);
        sheet.SubmittedAt = time.GetUtcNow();
        // As with project sheets: a close that read the round before this sheet fails instead of ranking without it.
        db.Entry(round).Property(x => x.Version).IsModified = true;
        db.AuditReason = $"site review {round.Year}-{round.Month:D2}: park sheet for {parkId} ({sheet.Total} points)";
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
            throw new ConflictException("version", l["Err_Stale"]);
        }
        return ParkSheet(sheet);
    }

    /// <summary>The signed-in reviewer's sheet for a park of the round, to edit it (404 when there is none yet).</summary>
    public async Task<ParkSheetView> ParkSheetAsync(Guid roundId, Guid parkId, CancellationToken ct = default)
    {
        RequireStaff();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Set<ReviewRound>().AnyAsync(r => r.Id == roundId, ct)) throw new NotFoundException(l["Err_RoundNotFound"]);
        var me = user.UserId;
        var sheet = await db.Set<ParkReviewSheet>().AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == roundId && s.ParkId == parkId && s.ReviewerUserId == me, ct)
            ?? throw new NotFoundException(l["Err_NoParkSheet"]);
        return ParkSheet(sheet);
    }

    /// <summary>Points within the criterion's maximum, at most one decimal; the error names the criterion's key.</summary>
    private decimal CheckPoints(ValidationErrors errors, ReviewCriterion criterion, decimal? value)
    {
        if (value is null) { errors.Add(criterion.Key, l["Err_ScoreRequired"]); return 0; }
        if (value < 0 || value > criterion.MaxPoints) { errors.Add(criterion.Key, string.Format(CultureInfo.CurrentCulture, l["Err_ScoreRange"], criterion.MaxPoints)); return 0; }
        if (decimal.Round(value.Value, 1) != value) { errors.Add(criterion.Key, l["Err_ScoreStep"]); return 0; }
        return value.Value;
    }

    /// <summary>
    /// Closes the round: each project's marks (trimmed mean of its sheets) are scored and ranked by the scoring engine,
    /// then each park — by its projects' mean and its park sheets when the round has park sheets, by the projects' mean
    /// alone when it has none. A project nobody scored is listed, not ranked (不参与排名).
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
        var parkSheets = await db.Set<ParkReviewSheet>().AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(ct);
        var combined = parkSheets.Count > 0;
        if (combined) await EnsureSchemeAsync(ReviewScoring.CombinedParkScheme, l["SchemeParksCombined"], "Site review: parks (projects and park sheets)", ReviewScoring.DefaultCombinedParkScheme(), ct);
        var parkUnits = round.Entries.Where(e => e.ParkId is not null).GroupBy(e => e.ParkId!.Value).Select(g =>
        {
            var totals = run.Results.Where(r => !r.Excluded && g.Any(e => e.ProjectId == r.UnitId)).Select(r => r.Total).ToList();
            var own = parkSheets.Where(s => s.ParkId == g.Key).ToList();
            return ReviewScoring.ParkUnit(g.Key, parks.GetValueOrDefault(g.Key) ?? g.Key.ToString(), totals, own.Count == 0 ? null : ReviewScoring.ParkMarks(own), combined,
                l["NotScored"].Value, l["NoParkSheet"].Value);
        }).ToList();
        if (parkUnits.Count > 0) await scoring.RunAsync(combined ? ReviewScoring.CombinedParkScheme : ReviewScoring.ParkScheme, period, parkUnits, reason, ct);
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

    /// <summary>
    /// A project's or a park's place in each closed month, newest first (from the scoring engine's runs). A park's months
    /// come from both park schemes: a month is ranked on one of them, whichever its round used.
    /// </summary>
    public async Task<IReadOnlyList<HistoryPoint>> HistoryAsync(Guid unitId, bool park, CancellationToken ct = default)
    {
        RequireStaff();
        if (!park)
            return (await scoring.HistoryAsync(ReviewScoring.ProjectScheme, unitId, ct)).Select(i => new HistoryPoint(i.Period, i.Total, i.Rank, i.GradedCount, i.Grade)).ToList();
        var alone = await scoring.HistoryAsync(ReviewScoring.ParkScheme, unitId, ct);
        var combined = await scoring.HistoryAsync(ReviewScoring.CombinedParkScheme, unitId, ct);
        return alone.Select(i => (Item: i, Sheets: false)).Concat(combined.Select(i => (Item: i, Sheets: true)))
            .GroupBy(x => x.Item.Period).Select(g => g.OrderByDescending(x => x.Item.RunAt).First())
            .OrderByDescending(x => PeriodOrder(x.Item.Period))
            .Select(x => new HistoryPoint(x.Item.Period, x.Item.Total, x.Item.Rank, x.Item.GradedCount, x.Item.Grade, x.Sheets)).ToList();
    }

    /// <summary>The history page's data: the unit's name and its months oldest first; 404 for a project or park this zone does not know.</summary>
    public async Task<ReviewHistory> HistoryViewAsync(Guid unitId, bool park, CancellationToken ct = default)
    {
        RequireStaff();
        string name;
        string? code = null;
        if (park)
        {
            name = (await organisation.ParksAsync(ct)).FirstOrDefault(p => p.Id == unitId)?.Name ?? throw new NotFoundException(l["Err_UnitNotFound"]);
        }
        else
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var project = await db.Set<Project>().AsNoTracking().Where(p => p.Id == unitId).Select(p => new { p.Code, p.Name }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException(l["Err_UnitNotFound"]);
            (name, code) = (project.Name, project.Code);
        }
        var months = (await HistoryAsync(unitId, park, ct)).OrderBy(h => PeriodOrder(h.Period)).ToList();
        return new ReviewHistory(unitId, park, name, code, months);
    }

    /// <summary>"2026M03" sorts after "2025M12" as text too, but a parsed key does not depend on the format's padding.</summary>
    private static int PeriodOrder(string period) =>
        ScoringPeriod.TryParse(period, out var p) ? p.Year * 100 + (p.Month ?? (p.Quarter is { } q ? q * 3 : 12)) : 0;

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

    private static ParkSheetView ParkSheet(ParkReviewSheet s) =>
        new(s.ParkId, s.ReviewerName, s.Planning, s.Support, s.Environment, s.Organisation, s.Total, s.Remark, s.SubmittedAt, s.Version);

    private static SheetView Sheet(ReviewSheet s) =>
        new(s.ReviewerName, s.Progress, s.Investment, s.Quality, s.Safety, s.Total, s.Remark, s.SubmittedAt, s.Version);
}
