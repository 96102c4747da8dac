namespace SmartIsland.Platform.Web;

/// <summary>Names of the host's cross-cutting policies that module endpoints opt into.</summary>
public static class PlatformPolicies
{
    /// <summary>Rate limit for public, anonymous endpoints (calendar, code checks): per client IP.</summary>
    public const string PublicRateLimit = "public";

    /// <summary>Authorization policy: any signed-in zone staff member.</summary>
    public const string Staff = "staff";

    /// <summary>Authorization policy: the zone's administrators.</summary>
    public const string Admin = "admin";

    /// <summary>Authentication schemes accepted by the API: cookie (pages), bearer token, API key.</summary>
    public const string ApiSchemes = "api";
}
