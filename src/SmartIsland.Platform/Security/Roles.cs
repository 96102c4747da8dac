namespace SmartIsland.Platform.Security;

/// <summary>The platform's roles (issue 2 §5). Names are stored in the database; never rename one.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ZoneLeader = nameof(ZoneLeader);
    public const string DepartmentStaff = nameof(DepartmentStaff);
    public const string ParkStaff = nameof(ParkStaff);
    public const string ChiefServiceOfficer = nameof(ChiefServiceOfficer);
    public const string GridWorker = nameof(GridWorker);
    public const string EnterpriseUser = nameof(EnterpriseUser);
    public const string Citizen = nameof(Citizen);
    public const string Partner = nameof(Partner);

    public static readonly IReadOnlyList<string> All =
        [Admin, ZoneLeader, DepartmentStaff, ParkStaff, ChiefServiceOfficer, GridWorker, EnterpriseUser, Citizen, Partner];

    /// <summary>Zone staff: everyone who works for the administration rather than being served by it.</summary>
    public static readonly IReadOnlyList<string> Staff =
        [Admin, ZoneLeader, DepartmentStaff, ParkStaff, ChiefServiceOfficer, GridWorker];

    public const string StaffList = "Admin,ZoneLeader,DepartmentStaff,ParkStaff,ChiefServiceOfficer,GridWorker";
}

/// <summary>Claim types the platform adds to a signed-in principal.</summary>
public static class PlatformClaims
{
    public const string ZoneId = "smartisland:zone";
    public const string EnterpriseId = "smartisland:enterprise";
    public const string UnitId = "smartisland:unit";
    public const string DisplayName = "smartisland:name";
}
