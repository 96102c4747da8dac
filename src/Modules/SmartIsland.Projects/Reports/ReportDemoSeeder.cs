using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using SmartIsland.Calendar.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Register;

namespace SmartIsland.Projects.Reports;

/// <summary>
/// Demo data: the daily progress reports (形象进度) of the demo projects under way, for the last
/// <see cref="WorkingDays"/> working days up to the day the platform starts, so the timelines are not empty and the
/// lagging list shows a mix rather than every project red as "never reported". Most projects report every working day
/// (today too, once the morning's report time has passed); the projects in <see cref="Behind"/> stopped 2–6 working days
/// ago. Each project's <see cref="Project.LastReportDay"/> is set as <see cref="DailyReportService"/> keeps it. The texts
/// are illustrative; the latest report of each project carries one drawn photo. Runs once per zone.
/// </summary>
internal sealed class ReportDemoSeeder(IOrganisationDirectory organisation, IWorkingDayCalendarProvider calendars, TimeProvider time) : IModuleSeeder
{
    private const string Division = "410471";
    internal const int WorkingDays = 15;

    public int Order => 165; // after the demo register (160), before the reviews (175)

    /// <summary>
    /// Working days without a report (today not counted) by project: 2 is missing but not yet lagging, 3–4 yellow, 5–6 red
    /// (<see cref="Lags.LagThresholds"/>).
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, int> Behind = new Dictionary<string, int>
    {
        ["高新区产业园区道路提升工程"] = 6,
        ["遵化店镇人居环境整治提升项目"] = 5,
        ["平顶山鹰汇公租房项目"] = 4,
        ["河南昊鑫电气设备生产线项目"] = 3,
        ["皇台产业园区标准化厂房项目"] = 2,
    };

    private static readonly string[] BuildingTexts =
    [
        "主体结构施工，今日完成{0}层楼板混凝土浇筑，现场作业人员 {1} 人。",
        "钢结构厂房吊装进行中，今日安装钢梁 {0} 榀，现场作业人员 {1} 人。",
        "设备基础施工，预埋件安装完成，下午组织隐蔽工程验收；现场 {1} 人。",
        "外墙保温及幕墙龙骨施工，脚手架搭设完成约 {0}0%；现场 {1} 人。",
        "屋面防水施工，完成约 {0}00 平方米；机电管线穿插作业，现场 {1} 人。",
        "生产设备进场 {0} 台，开箱验收完成，安装单位进场；现场 {1} 人。",
        "室内装修：吊顶龙骨安装、地坪打磨，消防管道试压；现场 {1} 人。",
        "配电室设备安装，电缆桥架敷设 {0}0 米；现场作业人员 {1} 人。",
    ];

    private static readonly string[] WorksTexts =
    [
        "道路基层摊铺 {0}00 米，压实度检测合格；现场作业人员 {1} 人。",
        "雨污水管网铺设 {0}0 米，检查井砌筑 {0} 座；现场 {1} 人。",
        "路灯基础浇筑 {0} 处，人行道砖铺设；现场作业人员 {1} 人。",
        "绿化带土方回填及苗木栽植，完成约 {0}0%；现场 {1} 人。",
        "设备间土建收尾，工艺管道安装 {0}0 米；现场作业人员 {1} 人。",
        "外立面改造及屋面防水施工，完成 {0} 栋；现场 {1} 人。",
    ];

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync(Division, cancellationToken) is not { } zone) return;
        if (await db.Set<DailyReport>().IgnoreQueryFilters().AnyAsync(r => r.ZoneId == zone.Id, cancellationToken)) return;
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = ChinaDay.Now(time);
        var today = DateOnly.FromDateTime(now.DateTime);
        // The demo's day when the clock is past the loaded calendar (the working days would be guesses there).
        if (!calendar.LoadedYears.Contains(today.Year)) (today, now) = (ProjectDemoSeeder.Now, ChinaDay.At(ProjectDemoSeeder.Now, new TimeOnly(10, 0)));
        var before = WorkingDaysBefore(calendar, today, WorkingDays + Behind.Values.Max() + 1);

        var projects = await db.Set<Project>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ZoneId == zone.Id && MissingReportService.UnderWay.Contains(p.Phase))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Name, p.Category, p.StartedOn }).ToListAsync(cancellationToken);
        var ids = projects.Select(p => p.Id).ToList();
        var members = (await db.Set<ProjectMember>().IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.ProjectId))
                .Select(m => new { m.ProjectId, m.UserId, m.DisplayName, m.Role }).ToListAsync(cancellationToken))
            .GroupBy(m => m.ProjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Role).First()); // 现场联系人 before 专班成员 before 负责人

        db.UseZone(zone.Id);
        var last = new Dictionary<Guid, DateOnly>();
        for (var i = 0; i < projects.Count; i++)
        {
            var p = projects[i];
            var started = p.StartedOn ?? today;
            var author = members.GetValueOrDefault(p.Id);
            var works = p.Category is ProjectCategory.Infrastructure or ProjectCategory.Livelihood;
            var reportTime = new TimeOnly(8, 30).AddMinutes(i * 23 % 210); // between 08:30 and 12:00
            var behind = Behind.GetValueOrDefault(p.Name, -1);
            // before[k] is the k-th working day before today (0 = the last one): a project k days behind last reported on before[k].
            var days = behind >= 0 ? before.Skip(behind).Take(WorkingDays).ToList() : before.Take(WorkingDays).ToList();
            if (behind < 0 && calendar.IsWorkingDay(today) && ChinaDay.At(today, reportTime) <= now) days.Insert(0, today);
            days = days.Where(d => d >= started).ToList();
            if (days.Count == 0) continue;
            for (var n = 0; n < days.Count; n++)
            {
                var day = days[n];
                var template = (works ? WorksTexts : BuildingTexts)[(i + day.DayNumber) % (works ? WorksTexts.Length : BuildingTexts.Length)];
                var report = new DailyReport
                {
                    ZoneId = zone.Id, ProjectId = p.Id, Day = day,
                    Text = string.Format(CultureInfo.InvariantCulture, template, 2 + (i + day.Day) % 7, 18 + (i * 7 + day.Day * 3) % 40),
                    AuthorUserId = author?.UserId, AuthorName = author?.DisplayName ?? "演示数据",
                    SubmittedAt = ChinaDay.At(day, reportTime.AddMinutes(day.Day % 5 * 7)),
                };
                db.Add(report);
                if (n == 0)
                {
                    // The latest report carries a drawn site photo, so the timeline shows a thumbnail.
                    var jpeg = SitePhoto(i, works);
                    report.PhotoCount = 1;
                    db.Add(new ReportPhoto
                    {
                        ZoneId = zone.Id, ReportId = report.Id, SortOrder = 0, ContentType = "image/jpeg", Content = jpeg,
                        Thumbnail = DailyReportService.Thumbnail(jpeg), Width = PhotoWidth, Height = PhotoHeight,
                    });
                }
            }
            last[p.Id] = days.Max();
        }
        db.AuditReason = "demo data: daily progress reports of the projects under way";
        // As DailyReportService: the reports and each project's last report day commit together, the day by a set-based
        // update (derived data, no version bump of the project).
        await using (var transaction = await db.BeginAuditedTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (projectId, day) in last)
            {
                await db.Set<Project>().IgnoreQueryFilters().Where(p => p.Id == projectId && (p.LastReportDay == null || p.LastReportDay < day))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReportDay, day), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        db.UseAllZones();
    }

    /// <summary>The <paramref name="count"/> working days before <paramref name="today"/>, the nearest first (within the loaded calendar).</summary>
    internal static List<DateOnly> WorkingDaysBefore(WorkingDayCalendar calendar, DateOnly today, int count)
    {
        var days = new List<DateOnly>();
        for (var d = today.AddDays(-1); days.Count < count && calendar.LoadedYears.Contains(d.Year); d = d.AddDays(-1))
        {
            if (calendar.IsWorkingDay(d)) days.Add(d);
        }
        return days;
    }

    private const int PhotoWidth = 640, PhotoHeight = 480;

    /// <summary>A plain drawing of a site (sky, ground, a building going up and a tower crane, or a road being laid), varied by project.</summary>
    private static byte[] SitePhoto(int index, bool works)
    {
        using var bitmap = new SKBitmap(PhotoWidth, PhotoHeight);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { IsAntialias = true };
        canvas.Clear(new SKColor(176, 208, 236));
        paint.Color = new SKColor(150, 130, 100);
        canvas.DrawRect(0, 330, PhotoWidth, 150, paint);
        if (works)
        {
            paint.Color = new SKColor(70, 70, 74);
            canvas.DrawRect(220, 330, 200, 150, paint);
            paint.Color = new SKColor(240, 200, 40);
            for (var y = 345; y < 480; y += 30) canvas.DrawRect(316, y, 8, 14, paint);
        }
        else
        {
            var floors = 3 + index % 5;
            paint.Color = new SKColor(160, 160, 164);
            canvas.DrawRect(120, 330 - floors * 36, 260, floors * 36, paint);
            paint.Color = new SKColor(110, 110, 116);
            for (var f = 1; f <= floors; f++) canvas.DrawRect(120, 330 - f * 36, 260, 4, paint);
            paint.Color = new SKColor(235, 180, 30);
            canvas.DrawRect(450, 90, 12, 240, paint);
            canvas.DrawRect(300, 86, 300, 10, paint);
            paint.Color = new SKColor(60, 60, 60);
            canvas.DrawRect(560, 96, 2, 80 + index % 4 * 20, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
