using System.Text.RegularExpressions;

namespace SmartIsland.Investment.Domain;

/// <summary>Why a site suits a lead's industry.</summary>
public enum IndustryBasis
{
    /// <summary>The site was built for or used by the same industry division (GB/T 4754 大类).</summary>
    SameDivision,
    /// <summary>The site's park lists the lead's division among its leading industries (主导产业).</summary>
    ParkLeadingIndustry,
}

public sealed record SiteCandidate(Guid Id, SiteKind Kind, decimal Area, string? IndustryCode, IReadOnlyCollection<string> ParkDivisions);

/// <summary>A site that suits a lead: how far its area is from the need (a share, signed: −0.1 is 10 % smaller) and why its industry fits.</summary>
public sealed record SiteMatch(Guid SiteId, decimal AreaDeviation, IndustryBasis Industry, string Division);

/// <summary>
/// The zone's matching rule for idle sites (盘活闲置厂房): a site suits a lead when it is of the kind needed, its area is
/// within ±30 % of the need, and its industry fits — the same GB/T 4754 division as the site's former use, or a division
/// its park leads in. Ranked: same-division sites first, then the closest area, then the larger site.
/// </summary>
public static partial class SiteMatching
{
    public const decimal AreaTolerance = 0.30m;

    [GeneratedRegex("^[A-T]\\d{2}")]
    private static partial Regex DivisionPattern();

    /// <summary>The division (大类) of a GB/T 4754 code: "C3829" → "C38"; null when the code does not reach a division.</summary>
    public static string? Division(string? industryCode) =>
        industryCode is null ? null : DivisionPattern().Match(industryCode.Trim().ToUpperInvariant()) is { Success: true } m ? m.Value : null;

    public static IReadOnlyList<SiteMatch> Rank(SiteKind? needKind, decimal? needArea, string? leadIndustry, IEnumerable<SiteCandidate> sites)
    {
        var division = Division(leadIndustry);
        if (needKind is not { } kind || needArea is not { } area || area <= 0 || division is null) return [];
        var matches = new List<(SiteMatch Match, decimal Area)>();
        foreach (var s in sites)
        {
            if (s.Kind != kind) continue;
            var deviation = (s.Area - area) / area;
            if (Math.Abs(deviation) > AreaTolerance) continue;
            IndustryBasis? basis = Division(s.IndustryCode) == division ? IndustryBasis.SameDivision
                : s.ParkDivisions.Any(d => string.Equals(Division(d), division, StringComparison.Ordinal)) ? IndustryBasis.ParkLeadingIndustry
                : null;
            if (basis is { } b) matches.Add((new SiteMatch(s.Id, Math.Round(deviation, 4), b, division), s.Area));
        }
        return matches
            .OrderBy(m => m.Match.Industry)
            .ThenBy(m => Math.Abs(m.Match.AreaDeviation))
            .ThenByDescending(m => m.Area)
            .Select(m => m.Match)
            .ToList();
    }
}
