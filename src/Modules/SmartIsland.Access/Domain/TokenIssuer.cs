using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SmartIsland.Access.Domain;

/// <summary>Issues short-lived bearer tokens (JWT) for the API, signed with the platform's key.</summary>
public sealed class TokenIssuer(SigningKey key, TimeProvider clock)
{
    public const string Issuer = "smartisland";
    public const string Audience = "smartisland-api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public (string Token, int ExpiresIn) Issue(IEnumerable<Claim> claims)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)Lifetime.TotalSeconds);
    }
}

/// <summary>The symmetric key tokens are signed with: from settings (Auth:JwtKey), else one kept in the data folder.</summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;

    public static SigningKey Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return new SigningKey(new SymmetricSecurityKey(Convert.FromBase64String(configured)));
        var path = Path.Combine(dataDirectory, "jwt-signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }
        return new SigningKey(new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())));
    }
}
