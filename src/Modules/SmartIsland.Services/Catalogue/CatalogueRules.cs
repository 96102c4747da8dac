using System.Text.RegularExpressions;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Services.Catalogue;

/// <summary>Who may read and keep the catalogue, and the shapes of its codes and lengths (the columns of svc_items …).</summary>
public static partial class CatalogueRules
{
    public const string ReadRule = "catalogue.read: zone staff read the whole catalogue (the public guide is for everyone else)";
    public const string EditRule = "catalogue.edit: administrators and department staff keep the catalogue's items, materials and bundles";
    public const string OwnDepartmentRule = "catalogue.edit.own-department: department staff change only the items their own department implements (实施主体)";
    public const string ImportRule = "catalogue.import: administrators import the whole catalogue, which spans every department";

    public const int CodeMax = 64;
    public const int MaterialCodeMax = 32;
    public const int NameMax = 200;
    public const int NameEnMax = 300;
    public const int LegalBasisMax = 4000;
    public const int ShortTextMax = 200;
    public const int PhoneMax = 40;
    public const int KeywordsMax = 500;
    public const int LicenceTypeMax = 64;
    public const int NoteMax = 500;
    public const int MaterialDescriptionMax = 1000;
    public const int BundleDescriptionMax = 2000;
    public const int RuleTextMax = 1000;
    public const int MaxLimitDays = 365;
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>Item, material and bundle codes: letters, digits and - _ . (national 实施编码 are digits and capitals).</summary>
    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z._-]*$")]
    public static partial Regex CodePattern();

    /// <summary>A condition or prohibited situation is cited by a short code: C1, C2 … P1 (a refusal cites it).</summary>
    [GeneratedRegex("^[A-Z]{1,3}[0-9]{1,3}$")]
    public static partial Regex RuleCodePattern();

    /// <summary>A form field key is what the automatic-approval rules read as <c>form.KEY</c>: identifier-like.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    public static partial Regex FieldKeyPattern();

    public static bool CanRead(ICurrentUser user) => user.IsInAnyRole([.. Roles.Staff]);

    public static bool CanEdit(ICurrentUser user) => user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff);

    public static bool CanImport(ICurrentUser user) => user.IsInRole(Roles.Admin);

    /// <summary>An administrator edits every item; department staff only the items of their own unit (the unit claim).</summary>
    public static bool CanEditItemOf(ICurrentUser user, Guid? departmentId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.DepartmentStaff) && user.UnitId is { } unit && unit == departmentId);
}
