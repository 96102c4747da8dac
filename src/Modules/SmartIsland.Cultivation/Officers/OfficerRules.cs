using SmartIsland.Calendar.Domain;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Officers;

/// <summary>Who may do what with officers, visits and goals; each refusal names its rule.</summary>
public static class OfficerAccess
{
    public const string AssignRule = "officers.assign: administrators, department staff and park staff assign and reassign chief service officers";
    public const string ListRule = "officers.list: a chief service officer sees the enterprises they serve; administrators, department and park staff and zone leaders see every officer's";
    public const string ReadRule = "officers.read: zone staff read an enterprise's officer, visits and goals; an enterprise user reads only its own";
    public const string VisitRule = "officers.visit: a visit is recorded and edited by the enterprise's own chief service officer (or an administrator)";
    public const string GoalRule = "officers.goals: goals are set by the enterprise's chief service officer, administrators, department staff and park staff";

    private static readonly string[] Assigners = [Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff];
    private static readonly string[] Overseers = [Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff, Roles.ZoneLeader];
    /// <summary>Roles that need to phone the officer: the ones who assign and coordinate, the officer, and the enterprise served.</summary>
    private static readonly string[] SeeOfficerPhone = [Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer];

    public static bool CanAssign(ICurrentUser user) => user.IsInAnyRole(Assigners);

    public static bool CanOversee(ICurrentUser user) => user.IsInAnyRole(Overseers);

    public static bool CanRead(ICurrentUser user, Guid enterpriseId) =>
        user.IsInAnyRole([.. Roles.Staff]) || (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId);

    public static bool CanRecordVisit(ICurrentUser user, Guid? officerUserId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.ChiefServiceOfficer) && officerUserId is { } o && user.UserId == o);

    public static bool CanEditGoals(ICurrentUser user, Guid? officerUserId) => CanAssign(user) || CanRecordVisit(user, officerUserId);

    public static bool CanSeeOfficerPhone(ICurrentUser user, Guid enterpriseId) =>
        user.IsInAnyRole(SeeOfficerPhone) || (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId);

    /// <summary>Who assigned whom is internal to the administration: staff only.</summary>
    public static bool CanSeeHistory(ICurrentUser user) => user.IsInAnyRole([.. Roles.Staff]);

    public static void Demand(bool allowed, string rule, string message)
    {
        if (!allowed) throw new ForbiddenException(rule, message);
    }
}

/// <summary>Limits and the visit rhythm.</summary>
public static class OfficerRules
{
    public const int NotesMax = 4000;
    public const int RequestMax = 4000; // the case engine's description limit
    public const int MaxRequestsPerVisit = 10;
    public const int ReasonMax = 500;

    /// <summary>
    /// A served enterprise is due a visit at least once a quarter: about 60 working days after the last visit
    /// (or after the assignment, before the first). A zone practice of 首席服务员 work, not a national rule.
    /// </summary>
    public const int VisitIntervalWorkingDays = 60;

    /// <summary>Whether the enterprise is overdue for a visit today; on dates outside the loaded calendar, 90 calendar days.</summary>
    public static bool VisitOverdue(WorkingDayCalendar calendar, DateOnly lastContact, DateOnly today)
    {
        try
        {
            // Counted back from today, so only years up to today need to be loaded: the visit was due on the 60th
            // working day after the last contact, and is overdue on any later day (a weekend after it included).
            var passed = calendar.WorkingDaysBetween(lastContact, today);
            return passed > VisitIntervalWorkingDays || (passed == VisitIntervalWorkingDays && !calendar.IsWorkingDay(today));
        }
        catch (CalendarYearNotLoadedException)
        {
            return today > lastContact.AddDays(90);
        }
    }
}

/// <summary>Where a goal's progress comes from.</summary>
public enum ProgressSource
{
    /// <summary>The platform knows it: a qualification held, or the yearly figures.</summary>
    Platform = 1,
    /// <summary>The officer's declaration.</summary>
    Declared = 2,
}

/// <summary>A goal's progress as shown: percent, status, source, and the facts it rests on (the year and value read, the qualification's end).</summary>
public sealed record GoalProgress(int Percent, GoalStatus Status, ProgressSource Source)
{
    public int? FigureYear { get; init; }
    public decimal? Value { get; init; }
    public decimal? Target { get; init; }
    public DateOnly? ValidUntil { get; init; }
}

/// <summary>
/// The "1234" goals' progress from what the platform knows, else from the officer's declaration.
/// </summary>
public static class GoalProgressRules
{
    /// <summary>
    /// 规模以上工业企业: 年主营业务收入 2000 万元及以上 (国家统计局, 规模以上工业统计范围, 2011 年起).
    /// The threshold is for industry (GB/T 4754 门类 B 采矿业, C 制造业, D 电力热力燃气及水); other sectors' thresholds differ, so they stay declared.
    /// </summary>
    public const decimal AboveDesignatedSizeRevenue = 20_000_000m;

    public static GoalProgress Compute(ServiceGoal goal, EnterpriseProfile profile, DateOnly today)
    {
        switch (goal.Kind)
        {
            case GoalKind.TechSme:
            case GoalKind.HighTechEnterprise:
                var kind = goal.Kind == GoalKind.TechSme ? QualificationKind.TechSme : QualificationKind.HighTechEnterprise;
                var held = profile.Qualifications.FirstOrDefault(q => q.Kind == kind && q.IsValidOn(today));
                if (held is not null)
                    return new GoalProgress(100, GoalStatus.Achieved, ProgressSource.Platform) { ValidUntil = held.ValidUntil };
                break;
            case GoalKind.PatentFiling when goal.TargetCount is > 0:
                // Patents in force at year end (企业库 yearly figures): the latest year up to the target year that reports any.
                var year = profile.Years.Where(y => y.Year <= goal.TargetYear && (y.InventionPatents ?? y.UtilityModelPatents ?? y.DesignPatents) is not null)
                    .OrderByDescending(y => y.Year).FirstOrDefault();
                if (year is not null)
                {
                    var count = (year.InventionPatents ?? 0) + (year.UtilityModelPatents ?? 0) + (year.DesignPatents ?? 0);
                    var target = goal.TargetCount.Value;
                    return new GoalProgress(Math.Min(100, count * 100 / target), count >= target ? GoalStatus.Achieved : GoalStatus.InProgress,
                        ProgressSource.Platform) { FigureYear = year.Year, Value = count, Target = target };
                }
                break;
            case GoalKind.AboveDesignatedSize when IsIndustry(profile.IndustryCode):
                var figures = profile.Years.Where(y => y.Year <= goal.TargetYear && y.MainBusinessRevenue is not null).OrderByDescending(y => y.Year).FirstOrDefault();
                if (figures is not null)
                {
                    var revenue = figures.MainBusinessRevenue!.Value;
                    return new GoalProgress((int)Math.Min(100m, Math.Floor(revenue * 100m / AboveDesignatedSizeRevenue)),
                        revenue >= AboveDesignatedSizeRevenue ? GoalStatus.Achieved : GoalStatus.InProgress, ProgressSource.Platform)
                    { FigureYear = figures.Year, Value = revenue, Target = AboveDesignatedSizeRevenue };
                }
                break;
        }
        return new GoalProgress(goal.DeclaredStatus == GoalStatus.Achieved ? 100 : goal.DeclaredProgress, goal.DeclaredStatus, ProgressSource.Declared);
    }

    private static bool IsIndustry(string industryCode) => industryCode.Length > 0 && industryCode[0] is 'B' or 'C' or 'D';
}
