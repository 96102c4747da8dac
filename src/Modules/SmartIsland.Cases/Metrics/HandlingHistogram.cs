using System.Globalization;
using System.Text;

namespace SmartIsland.Cases.Metrics;

/// <summary>
/// Handling times in working hours, kept as counts per value in hundredths of an hour. Resolution stamps
/// handling time rounded to 0.01 h (<c>CaseService.StampResolutionAsync</c>), so keying by hundredths
/// loses nothing: percentiles read from a histogram are the percentiles of the cases themselves.
/// Stored in the rollup as text ("hundredths:count,…", ascending) so both databases keep it the same way.
/// </summary>
public sealed class HandlingHistogram
{
    private readonly SortedDictionary<int, long> counts = [];

    public long Count { get; private set; }

    public bool IsEmpty => Count == 0;

    public void Add(double workingHours, long times = 1)
    {
        if (times <= 0) return;
        var key = (int)Math.Round(Math.Max(0, workingHours) * 100, MidpointRounding.AwayFromZero);
        counts[key] = counts.GetValueOrDefault(key) + times;
        Count += times;
    }

    public void Merge(HandlingHistogram other)
    {
        foreach (var (key, n) in other.counts)
        {
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
        Count += other.Count;
    }

    /// <summary>Adds a stored histogram without building an intermediate one (the metrics query merges hundreds).</summary>
    public void MergeText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var comma = span.IndexOf(',');
            var pair = comma < 0 ? span : span[..comma];
            var colon = pair.IndexOf(':');
            var key = int.Parse(pair[..colon], NumberStyles.None, CultureInfo.InvariantCulture);
            var n = long.Parse(pair[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            counts[key] = counts.GetValueOrDefault(key) + n;
            Count += n;
            span = comma < 0 ? [] : span[(comma + 1)..];
        }
    }

    public static HandlingHistogram Parse(string? text)
    {
        var h = new HandlingHistogram();
        h.MergeText(text);
        return h;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, n) in counts)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(key.ToString(CultureInfo.InvariantCulture)).Append(':').Append(n.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>
    /// The p-th percentile (0 ≤ p ≤ 1) the way Excel's PERCENTILE.INC and numpy's default compute it:
    /// rank h = (n − 1)·p over the sorted values, interpolated linearly between the values at ⌊h⌋ and ⌈h⌉.
    /// The median is p = 0.5 (the mean of the two middle values for an even count). Null when empty.
    /// </summary>
    public double? Percentile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (Count == 0) return null;
        var rank = (Count - 1) * p;
        var lowRank = (long)Math.Floor(rank);
        var highRank = (long)Math.Ceiling(rank);
        double? low = null, high = null;
        long seen = 0;
        foreach (var (key, n) in counts)
        {
            // Values at ranks seen … seen + n − 1 all equal key.
            if (low is null && lowRank < seen + n) low = key / 100.0;
            if (highRank < seen + n)
            {
                high = key / 100.0;
                break;
            }
            seen += n;
        }
        return Math.Round(low!.Value + (high!.Value - low.Value) * (rank - lowRank), 2);
    }
}
