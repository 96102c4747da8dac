using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartIsland.Scoring.Engine;

/// <summary>A scoring period: a year ("2025"), a quarter ("2025Q3") or a month ("2026M11", monthly site reviews).</summary>
public readonly partial record struct ScoringPeriod(int Year, int? Quarter, int? Month = null)
{
    public const int FirstYear = 2000;

    [GeneratedRegex(@"^(\d{4})(?:[Qq]([1-4])|[Mm](0?[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();

    public bool IsYear => Quarter is null && Month is null;

    public bool IsMonth => Month is not null;

    public static ScoringPeriod OfMonth(int year, int month) => new(year, null, month);

    public override string ToString() =>
        Month is { } m ? string.Create(CultureInfo.InvariantCulture, $"{Year}M{m:D2}")
        : Quarter is { } q ? $"{Year}Q{q}" : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The last day of the period (to pick the scheme in force).</summary>
    public DateOnly LastDay =>
        Month is { } m ? new DateOnly(Year, m, 1).AddMonths(1).AddDays(-1)
        : Quarter is { } q ? new DateOnly(Year, q * 3, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    public static bool TryParse(string? text, out ScoringPeriod period)
    {
        period = default;
        if (text is null) return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < FirstYear) return false;
        period = new ScoringPeriod(year, m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null,
            m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null);
        return true;
    }
}
