using System.Globalization;
using System.Text;

namespace SmartIsland.Cases.Metrics;

/// <summary>
/// Handling times in working hours, counted per value rounded to two significant figures (below 1 h: to
/// 0.01 h; 1–10 h: 0.1 h; 10–100 h: 1 h; 100–1,000 h: 10 h; then 100 h, capped at 10,000 h). Percentiles
/// taken from it are those of the rounded values — within half a unit of the last figure of the exact
/// ones (8.04 h reads as 8.0 h, 43.4 h as 43 h). At most 461 distinct values, so a zone's whole history
/// merges in a few milliseconds (ADR 0008). Stored in the rollup as text "hundredths:count,…", ascending.
/// </summary>
public sealed class HandlingHistogram
{
    public const int Buckets = 461;

    private readonly long[] counts = new long[Buckets];

    public long Count { get; private set; }

    /// <summary>The value a time is counted as: two significant figures (0.01 h below 1 h), at most 10,000 h.</summary>
    public static double Round(double workingHours)
    {
        var v = Math.Clamp(workingHours, 0, 10_000);
        return v switch
        {
            < 0.995 => Math.Round(v, 2, MidpointRounding.AwayFromZero),
            < 9.95 => Math.Round(v, 1, MidpointRounding.AwayFromZero),
            < 99.5 => Math.Round(v, 0, MidpointRounding.AwayFromZero),
            < 995 => Math.Round(v / 10, MidpointRounding.AwayFromZero) * 10,
            _ => Math.Round(v / 100, MidpointRounding.AwayFromZero) * 100,
        };
    }

    private static int IndexOf(double rounded) => rounded switch
    {
        < 1 => (int)Math.Round(rounded * 100),
        < 10 => 100 + (int)Math.Round((rounded - 1) * 10),
        < 100 => 190 + (int)Math.Round(rounded - 10),
        < 1000 => 280 + (int)Math.Round((rounded - 100) / 10),
        _ => 370 + (int)Math.Round((rounded - 1000) / 100),
    };

    private static double ValueAt(int index) => index switch
    {
        < 100 => index / 100.0,
        < 190 => 1 + (index - 100) / 10.0,
        < 280 => 10 + (index - 190),
        < 370 => 100 + (index - 280) * 10.0,
        _ => 1000 + (index - 370) * 100.0,
    };

    public void Add(double workingHours, long times = 1)
    {
        if (times <= 0) return;
        counts[IndexOf(Round(workingHours))] += times;
        Count += times;
    }

    public void Merge(HandlingHistogram other)
    {
        for (var i = 0; i < Buckets; i++) counts[i] += other.counts[i];
        Count += other.Count;
    }

    /// <summary>Adds a stored histogram; parsed by hand because the metrics query merges hundreds of them.</summary>
    public void MergeText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        long key = 0, n = 0;
        var inCount = false;
        foreach (var ch in text)
        {
            if (ch == ':') inCount = true;
            else if (ch == ',')
            {
                AddStored(key, n);
                key = n = 0;
                inCount = false;
            }
            else if (inCount) n = n * 10 + (ch - '0');
            else key = key * 10 + (ch - '0');
        }
        AddStored(key, n);
    }

    private void AddStored(long hundredths, long n)
    {
        counts[IndexOf(Round(hundredths / 100.0))] += n;
        Count += n;
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
        for (var i = 0; i < Buckets; i++)
        {
            if (counts[i] == 0) continue;
            if (text.Length > 0) text.Append(',');
            text.Append(((long)Math.Round(ValueAt(i) * 100)).ToString(CultureInfo.InvariantCulture)).Append(':').Append(counts[i].ToString(CultureInfo.InvariantCulture));
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
        for (var i = 0; i < Buckets; i++)
        {
            var n = counts[i];
            if (n == 0) continue;
            // Values at ranks seen … seen + n − 1 all equal this bucket's value.
            if (low is null && lowRank < seen + n) low = ValueAt(i);
            if (highRank < seen + n)
            {
                high = ValueAt(i);
                break;
            }
            seen += n;
        }
        return Math.Round(low!.Value + (high!.Value - low.Value) * (rank - lowRank), 2);
    }
}
