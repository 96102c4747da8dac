using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SmartIsland.Access.Domain;
using SmartIsland.Cases.Data;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cases.Open311;

/// <summary>
/// Which zone an Open311 read serves: the one named by <c>jurisdiction_id</c> (its GB/T 2260 division
/// code), else the zone of an <c>api_key</c> in the query, else the zone the public pages serve.
/// </summary>
internal sealed class Open311Zones(IZoneList zones, IApiKeyVerifier keys, IConfiguration config)
{
    public async Task<Guid> ForReadAsync(HttpContext http, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (query["jurisdiction_id"].ToString() is { Length: > 0 } jurisdiction)
            return await zones.FindAsync(jurisdiction.Trim(), ct) ?? throw new NotFoundException($"jurisdiction_id '{jurisdiction}' was not found.");
        if (query["api_key"].ToString() is { Length: > 0 } apiKey)
            return (await keys.VerifyAsync(apiKey, ct))?.ZoneId ?? throw new ForbiddenException("open311.api_key", "api_key is invalid or revoked.");
        var division = config["PublicZone:DivisionCode"] ?? "410471";
        return await zones.FindAsync(division, ct) ?? throw new NotFoundException("No zone is served here.");
    }
}
