using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using SmartIsland.Projects.Weekly;

namespace SmartIsland.UnitTests.Projects;

public sealed partial class WeeklyPackPdfTests
{
    private static readonly PdfFrame Frame = new("周例会材料", "2026-11-23 至 2026-11-29", "滞后项目 N 个", "本周没有需要上会的事项。", "第 {0} 页 / 共 {1} 页");

    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PageObject();

    private static int Pages(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    private static PdfSection Park(int rows) => new("高新火炬园",
    [
        new PdfTable("滞后项目", [("项目编号", 12), ("项目名称", 30), ("滞后原因", 58)],
            Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"XM2026-{i:D3}", "平顶山测试项目" + i, "连续 12 个工作日未报送形象进度；投资进度滞后 24.4%"]).ToList()),
    ]);

    [Fact]
    public void An_empty_pack_is_one_page_and_a_long_one_runs_onto_more_pages()
    {
        var empty = WeeklyPackPdf.Render(Frame, [], DateTimeOffset.UnixEpoch);
        Encoding.ASCII.GetString(empty, 0, 5).ShouldBe("%PDF-");
        Pages(empty).ShouldBe(1);
        Pages(WeeklyPackPdf.Render(Frame, [Park(5)], DateTimeOffset.UnixEpoch)).ShouldBe(1);
        // About 40 single-line rows fit an A4 page: 150 rows need four or more.
        Pages(WeeklyPackPdf.Render(Frame, [Park(150)], DateTimeOffset.UnixEpoch)).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void A_text_s_own_line_breaks_start_new_lines_and_long_lines_wrap_within_the_column()
    {
        using var font = new SkiaSharp.SKFont(SmartIsland.Licences.Certificates.CjkFont.Typeface, 9);
        WeeklyPackPdf.Wrap("塔吊基础验收\r\n用电报装未批复", font, 1000).ShouldBe(["塔吊基础验收", "用电报装未批复"]);
        var wrapped = WeeklyPackPdf.Wrap(new string('电', 40), font, 90).ToList();
        wrapped.Count.ShouldBeGreaterThan(1);
        wrapped.ShouldAllBe(line => font.MeasureText(line) <= 90);
        string.Concat(wrapped).ShouldBe(new string('电', 40));
    }
}
