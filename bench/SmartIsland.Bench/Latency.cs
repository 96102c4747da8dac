using System.Globalization;

/// <summary>One way to summarise a latency sample: nearest-rank percentiles over the sorted timings.</summary>
internal static class Latency
{
    public static string Summary(IEnumerable<double> milliseconds)
    {
        var t = milliseconds.Order().ToList();
        double P(double q) => t[(int)Math.Ceiling(q * t.Count) - 1];
        return string.Create(CultureInfo.InvariantCulture, $"n {t.Count}, p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {t[^1]:F2} ms");
    }
}
