using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// Arranges service items and applications straight in the database with known dates and outcomes (the workflow that
/// fills them is tested elsewhere); the timeliness and discretion tests then act only through HTTP. Codes and numbers
/// are fresh per call so tests do not collide.
/// </summary>
internal static class ApplicationSeeds
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Fresh(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static async Task<Guid> DepartmentIdAsync(PlatformFactory factory, string name)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var units = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().UnitsAsync(zone);
        return units.First(u => u.Kind == UnitKind.Department && u.Name == name).Id;
    }

    public static async Task<ServiceItem> ItemAsync(
        PlatformFactory factory, Guid? departmentId, string departmentName, int statutoryDays, int promisedDays,
        ItemKind kind = ItemKind.AdministrativeLicence, string? discretionRule = null, string? issuesLicenceType = null)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var item = new ServiceItem
        {
            ZoneId = zone, Code = Fresh("TEST-"), Name = "测试事项" + Fresh(""), Kind = kind, DepartmentId = departmentId, DepartmentName = departmentName,
            StatutoryLimitDays = statutoryDays, PromisedLimitDays = promisedDays, Channels = Channels.Online | Channels.Window, DiscretionRule = discretionRule,
            IssuesLicenceType = issuesLicenceType,
        };
        await SaveAsync(factory, zone, db => db.Add(item));
        return item;
    }

    /// <summary>Changes a stored item (e.g. the licence type it issues) as an Admin's edit would.</summary>
    public static async Task UpdateItemAsync(PlatformFactory factory, Guid itemId, Action<ServiceItem> change)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await SaveAsync(factory, zone, db => change(db.Set<ServiceItem>().Single(i => i.Id == itemId)));
    }

    public static async Task<BundleApplication> BundleAsync(PlatformFactory factory, DateTimeOffset submittedAt)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var bundle = new BundleApplication
        {
            ZoneId = zone, Number = Fresh("B"), BundleId = Guid.NewGuid(), BundleName = "测试一件事", ApplicantKey = "91410400MA00000001", ApplicantName = "测试企业", SubmittedAt = submittedAt,
        };
        await SaveAsync(factory, zone, db => db.Add(bundle));
        return bundle;
    }

    /// <summary>A completed application of the item: the caller gives every date and outcome the figures read.</summary>
    public static Application Completed(
        ServiceItem item, ApplicationChannel channel, DateTimeOffset submitted, DateTimeOffset accepted, DateTimeOffset completed,
        int? workingDaysTaken, bool? onTime, bool autoApproved = false, Guid? bundleId = null) => new()
    {
        Number = Fresh("A"), ItemId = item.Id, ItemCode = item.Code, ItemName = item.Name, DepartmentId = item.DepartmentId, DepartmentName = item.DepartmentName,
        BundleApplicationId = bundleId, ApplicantKind = ApplicantKind.Person, ApplicantKey = "410402199001011234", ApplicantName = "张三丰",
        ContactName = "张三丰", ContactPhone = "13912345678", Channel = channel,
        Stage = ApplicationStage.Completed, Decision = Decision.Approved, AutoApproved = autoApproved,
        SubmittedAt = submitted, AcceptedAt = accepted, DecidedAt = completed, CompletedAt = completed, WorkingDaysTaken = workingDaysTaken, OnTime = onTime,
    };

    public static async Task AddAsync(PlatformFactory factory, params Application[] applications)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        await SaveAsync(factory, zone, db =>
        {
            foreach (var a in applications)
            {
                a.ZoneId = zone;
                db.Add(a);
            }
        });
    }

    private static async Task SaveAsync(PlatformFactory factory, Guid zone, Action<PlatformDbContext> arrange)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseZone(zone);
        arrange(db);
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync();
    }
}
