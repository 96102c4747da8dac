using System.Diagnostics;
using System.Globalization;
using SmartIsland.Licences.Certificates;
using SmartIsland.Licences.Domain;

/// <summary>
/// Certificate PDF rendering (issue 5 target: under 100 ms): the same call the PDF endpoint makes, on a certificate
/// with five printed fields and a long holder name, N times after a warm-up (the first render loads the font).
/// </summary>
internal static class PdfBench
{
    public static int Run(int renders, string? sample)
    {
        var number = LicenceNumber.Compose("410471", new DateOnly(2026, 11, 25), 1);
        var content = new CertificateContent(
            "门头设置许可", number, HolderKind.Organisation, "平顶山凤翔环保科技有限公司（电气装备产业园区分公司）", "91410400MA0000123X",
            [
                KeyValuePair.Create("设置地点", "平顶山高新区电气装备产业园区建设路与高新路交叉口东北角 1 号门"),
                KeyValuePair.Create("招牌规格", "8.0 米 × 1.2 米，LED 发光字"),
                KeyValuePair.Create("事项", "门头新装"),
                KeyValuePair.Create("办件编号", "BJ2026112500017"),
                KeyValuePair.Create("备注", "招牌应当安全牢固，不得遮挡消防设施及相邻门面，按审批图样设置。"),
            ],
            new DateOnly(2026, 11, 25), new DateOnly(2029, 11, 24), "平顶山高新区城市管理和综合执法局", new DateOnly(2026, 11, 25),
            "https://zwfw.example.gov.cn/verify/" + number, Revoked: false);

        var first = Stopwatch.StartNew();
        var bytes = CertificatePdf.Render(content);
        first.Stop();
        if (sample is not null) File.WriteAllBytes(sample, bytes);
        for (var i = 0; i < 20; i++) CertificatePdf.Render(content);

        var times = new double[renders];
        for (var i = 0; i < renders; i++)
        {
            var watch = Stopwatch.StartNew();
            CertificatePdf.Render(content);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        double P(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pdf: {renders} renders, first (font load) {first.Elapsed.TotalMilliseconds:F1} ms, p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, max {times[^1]:F2} ms, {bytes.Length / 1024.0:F1} kB per PDF"));
        return P(0.95) < 100 ? 0 : 1;
    }
}
