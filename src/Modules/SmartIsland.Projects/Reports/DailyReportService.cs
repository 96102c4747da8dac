using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkiaSharp;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Reports;

/// <summary>
/// Daily progress reports (形象进度, issue 6 §2): text and up to six photos from the site, sent by the project's special
/// team from a phone. Photos are judged by their content and re-encoded without EXIF (the case engine's
/// <see cref="PhotoCheck"/>), each with a thumbnail for the timeline. A report counts for the day it is in China.
/// </summary>
internal sealed class DailyReportService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IOptions<SupervisionOptions> options, IStringLocalizer<ReportStrings> l)
{
    public const string ReportRule = "projects.report: only members of the project's special team (专班) and Admin send its daily progress reports";
    public const string ReadRule = "projects.reports.read: the zone's staff and the project's team read its reports";
    public const int TextMax = 2000;
    public const int ThumbnailSide = 320;

    public async Task<ReportView> SubmitAsync(string code, ReportInput input, IReadOnlyList<ReportPhotoFile> photos, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var project = await FindAsync(db, code, ct);
        if (!await MayReportAsync(db, project.Id, ct)) throw new ForbiddenException(ReportRule, l["Err_NotOnTeam"]);

        var errors = new ValidationErrors();
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0) errors.Add("text", l["Err_TextRequired"]);
        else if (text.Length > TextMax) errors.Add("text", l["Err_TextTooLong", TextMax]);
        if (input.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90)) errors.Add("lat", l["Err_Latitude"]);
        if (input.Longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180)) errors.Add("lon", l["Err_Longitude"]);
        if (input.Latitude.HasValue != input.Longitude.HasValue) errors.Add(input.Latitude.HasValue ? "lon" : "lat", l["Err_PositionPair"]);
        if (photos.Count > PhotoCheck.MaxPhotos) errors.Add("photos", l["Err_TooManyPhotos", PhotoCheck.MaxPhotos]);
        var checkedPhotos = new List<(CheckedPhoto Photo, byte[] Thumbnail)>();
        foreach (var (photo, i) in photos.Take(PhotoCheck.MaxPhotos).Select((p, i) => (p, i)))
        {
            var field = $"photos[{i}]";
            if (photo.TooLarge || photo.Content.Length > PhotoCheck.MaxBytes) errors.Add(field, l["Err_PhotoTooLarge", i + 1, PhotoCheck.MaxBytes / 1024 / 1024]);
            else if (photo.Content.Length == 0 || PhotoCheck.Sniff(photo.Content) is null) errors.Add(field, l["Err_NotAnImage", i + 1]);
            else if (PhotoCheck.Check(new PhotoUpload(photo.FileName, photo.Content)) is { Photo: { } ok }) checkedPhotos.Add((ok, Thumbnail(ok.Jpeg)));
            else errors.Add(field, l["Err_NotAnImage", i + 1]);
        }
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        var report = new DailyReport
        {
            ZoneId = project.ZoneId, ProjectId = project.Id, Day = ChinaDay.Today(time), Text = text, AuthorUserId = user.UserId,
            AuthorName = user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName,
            Latitude = input.Latitude, Longitude = input.Longitude, SubmittedAt = now, PhotoCount = checkedPhotos.Count,
        };
        db.Add(report);
        var rows = checkedPhotos.Select((p, i) => new ReportPhoto
        {
            ZoneId = project.ZoneId, ReportId = report.Id, SortOrder = i, ContentType = "image/jpeg", Content = p.Photo.Jpeg, Thumbnail = p.Thumbnail,
            Width = p.Photo.Width, Height = p.Photo.Height,
        }).ToList();
        foreach (var row in rows) db.Add(row);
        db.AuditReason = $"daily report of {project.Code} for {report.Day:yyyy-MM-dd} ({checkedPhotos.Count} photos)";
        // The report and the project's last report day commit together. A set-based update that only moves forward, not
        // an edit of the tracked project: two reports of one project at once must both succeed, and a report must not
        // bump the version a register edit in progress holds (that edit would be refused as concurrent). The audited
        // transaction keeps the audit-chain lock to the commit, so no other writer seals against an uncommitted tail.
        await using (var transaction = await db.BeginAuditedTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var day = report.Day;
            await db.Set<Project>().Where(p => p.Id == project.Id && (p.LastReportDay == null || p.LastReportDay < day))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReportDay, day), ct);
            await transaction.CommitAsync(ct);
        }
        return View(report, rows.Select(r => r.Id).ToList());
    }

    /// <summary>The project's reports of the last <paramref name="days"/> days, newest first, with what the reader may do today.</summary>
    public async Task<ReportTimeline> TimelineAsync(string code, int days = 30, CancellationToken ct = default)
    {
        days = Math.Clamp(days, 1, 366);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var project = await FindAsync(db, code, ct);
        var mayReport = await MayReportAsync(db, project.Id, ct);
        if (!mayReport && !user.IsInAnyRole([.. Roles.Staff])) throw new ForbiddenException(ReadRule, l["Err_MayNotRead"]);
        var today = ChinaDay.Today(time);
        var from = today.AddDays(-(days - 1));
        var reports = await db.Set<DailyReport>().AsNoTracking().Where(r => r.ProjectId == project.Id && r.Day >= from)
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.SubmittedAt).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var photos = (await db.Set<ReportPhoto>().AsNoTracking().Where(p => ids.Contains(p.ReportId))
                .Select(p => new { p.Id, p.ReportId, p.SortOrder }).ToListAsync(ct))
            .GroupBy(p => p.ReportId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList());
        var me = user.UserId;
        var reminded = me is { } u && await db.Set<ReportReminder>().AnyAsync(r => r.ProjectId == project.Id && r.UserId == u && r.Day == today, ct);
        return new ReportTimeline(project.Code, project.Name, project.Phase, today, mayReport, reports.Any(r => r.Day == today), reminded,
            ChinaDay.At(today, options.Value.ReportDueTime),
            reports.GroupBy(r => r.Day).Select(g => new TimelineDay(g.Key, g.Select(r => View(r, photos.GetValueOrDefault(r.Id) ?? [])).ToList())).ToList());
    }

    /// <summary>A photo or its thumbnail, for whoever may read the project's reports (never public: a site photo may show people).</summary>
    public async Task<byte[]> PhotoAsync(string code, Guid photoId, bool thumbnail, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var project = await FindAsync(db, code, ct);
        if (!user.IsInAnyRole([.. Roles.Staff]) && !await MayReportAsync(db, project.Id, ct)) throw new ForbiddenException(ReadRule, l["Err_MayNotRead"]);
        var photos = db.Set<ReportPhoto>().AsNoTracking().Where(p => p.Id == photoId && db.Set<DailyReport>().Any(r => r.Id == p.ReportId && r.ProjectId == project.Id));
        var bytes = thumbnail ? await photos.Select(p => p.Thumbnail).FirstOrDefaultAsync(ct) : await photos.Select(p => p.Content).FirstOrDefaultAsync(ct);
        return bytes ?? throw new NotFoundException(l["Err_PhotoNotFound"]);
    }

    /// <summary>My reminders of the last week (the newest first): what the sweep told me about missing reports.</summary>
    public async Task<IReadOnlyList<ReminderView>> MyRemindersAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return [];
        var since = ChinaDay.Today(time).AddDays(-7);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<ReportReminder>().AsNoTracking().Where(r => r.UserId == me && r.Day >= since)
            .Join(db.Set<Project>(), r => r.ProjectId, p => p.Id, (r, p) => new { r, p.Code, p.Name })
            .OrderByDescending(x => x.r.Day).Select(x => new ReminderView(x.r.Id, x.Code, x.Name, x.r.Day, x.r.At)).ToListAsync(ct);
    }

    /// <summary>
    /// My reminders of today whose project has still sent no report today (the list page's notice): a report by anyone on
    /// the team moves the project's last report day to today, and the reminder drops out — nothing to dismiss by hand.
    /// </summary>
    public async Task<IReadOnlyList<ReminderView>> MyPendingRemindersAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } me) return [];
        var today = ChinaDay.Today(time);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<ReportReminder>().AsNoTracking().Where(r => r.UserId == me && r.Day == today)
            .Join(db.Set<Project>(), r => r.ProjectId, p => p.Id, (r, p) => new { r, p.Code, p.Name, p.LastReportDay })
            .Where(x => x.LastReportDay == null || x.LastReportDay < today)
            .OrderBy(x => x.Code).Select(x => new ReminderView(x.r.Id, x.Code, x.Name, x.r.Day, x.r.At)).ToListAsync(ct);
    }

    private async Task<bool> MayReportAsync(PlatformDbContext db, Guid projectId, CancellationToken ct) =>
        user.IsInRole(Roles.Admin) || (user.UserId is { } me && await db.Set<ProjectMember>().AnyAsync(m => m.ProjectId == projectId && m.UserId == me, ct));

    private async Task<Project> FindAsync(PlatformDbContext db, string code, CancellationToken ct) =>
        await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct) ?? throw new NotFoundException(l["Err_ProjectNotFound"]);

    private static ReportView View(DailyReport r, IReadOnlyList<Guid> photoIds) =>
        new(r.Id, r.Day, r.SubmittedAt.ToOffset(ChinaDay.Offset), r.AuthorName, r.Text, r.Latitude, r.Longitude, photoIds);

    /// <summary>A small JPEG for the timeline, from the already re-encoded photo (so it carries no metadata either).</summary>
    internal static byte[] Thumbnail(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        var scale = Math.Min(1.0, (double)ThumbnailSide / Math.Max(bitmap.Width, bitmap.Height));
        using var small = bitmap.Resize(new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale))), new SKSamplingOptions(SKFilterMode.Linear));
        using var data = (small ?? bitmap).Encode(SKEncodedImageFormat.Jpeg, 75);
        return data.ToArray();
    }
}
