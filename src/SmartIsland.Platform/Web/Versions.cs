using System.Globalization;
using Microsoft.AspNetCore.Http;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Platform.Web;

/// <summary>
/// Optimistic concurrency over HTTP: a read's ETag is the row's version; a write may send it back in If-Match
/// and is refused (412) when the row moved on. One reading of the header for every module's API.
/// </summary>
public static class Versions
{
    public static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>The version in If-Match, or null when none was sent; a header that is not a version is a 400 naming it.</summary>
    public static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new ValidationFailedException("If-Match", "If-Match carries the ETag as read, e.g. \"3\".");
    }
}
