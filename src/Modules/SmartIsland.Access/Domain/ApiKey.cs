using System.Security.Cryptography;
using System.Text;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Access.Domain;

/// <summary>
/// A key for a machine client of one zone. Only the SHA-256 hash of the secret is stored; the
/// secret is shown once when the key is made. A revoked key is kept (for the audit) but refused.
/// </summary>
public sealed class ApiKey : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, shown in lists so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    /// <summary>Comma-separated roles the key acts with.</summary>
    public string Roles { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public const string HeaderName = "X-Api-Key";

    /// <summary>Makes a new secret: "si_" + 40 random base32 characters.</summary>
    public static string NewSecret()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bytes = RandomNumberGenerator.GetBytes(40);
        return "si_" + new string(bytes.Select(b => alphabet[b % 32]).ToArray());
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
