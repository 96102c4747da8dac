using SkiaSharp;
using SmartIsland.Licences.Certificates;

namespace SmartIsland.Projects.Weekly;

/// <summary>A table of the pack: its caption, column headers with their share of the width, and rows of cell text.</summary>
internal sealed record PdfTable(string Caption, IReadOnlyList<(string Header, float Share)> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A park's part of the pack: its heading and tables (only those with rows).</summary>
internal sealed record PdfSection(string Heading, IReadOnlyList<PdfTable> Tables);

/// <summary>What the first page says above the sections, and how a page number reads ("第 {0} 页 / 共 {1} 页").</summary>
internal sealed record PdfFrame(string Title, string Subtitle, string Summary, string Empty, string PageOf);

/// <summary>
/// The weekly meeting pack as an A4 PDF drawn with SkiaSharp (SKDocument.CreatePdf): title, the week, the totals, then
/// park by park simple ruled tables. Rows never split across pages; a table continued on the next page repeats its
/// header; a heading is never left alone at a page's foot; every page carries "page n of N" (laid out first, drawn after,
/// so N is known). Chinese uses the Noto Sans SC subset the Licences module embeds for certificates and publishes as
/// <see cref="CjkFont"/> (ADR 0012): one copy of the font file, and text that pdftotext extracts exactly.
/// </summary>
internal static class WeeklyPackPdf
{
    private const float Width = 595f; // A4 in points
    private const float Height = 842f;
    private const float Margin = 40f;
    private const float Bottom = Height - 48f; // above the page number
    private const float ContentWidth = Width - 2 * Margin;
    private const float CellPad = 3f;
    private const float LineHeight = 12f;

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Grey = new(0x61, 0x61, 0x61);
    private static readonly SKColor Rule = new(0xBD, 0xBD, 0xBD);
    private static readonly SKColor HeaderFill = new(0xEC, 0xEF, 0xF4);

    public static byte[] Render(PdfFrame frame, IReadOnlyList<PdfSection> sections, DateTimeOffset createdAt)
    {
        using var title = new SKFont(CjkFont.Typeface, 18);
        using var heading = new SKFont(CjkFont.Typeface, 13);
        using var caption = new SKFont(CjkFont.Typeface, 10.5f);
        using var body = new SKFont(CjkFont.Typeface, 9);
        using var small = new SKFont(CjkFont.Typeface, 8);

        var pages = Layout(frame, sections, title, heading, caption, body);

        using var output = new MemoryStream(64 * 1024);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{frame.Title} {frame.Subtitle}",
            Creator = "SmartIsland",
            Producer = "SmartIsland",
            Creation = createdAt.UtcDateTime,
            Modified = createdAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            using var grey = new SKPaint { Color = Grey, IsAntialias = true };
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(Width, Height);
                foreach (var draw in pages[i]) draw(canvas);
                canvas.DrawText(string.Format(System.Globalization.CultureInfo.CurrentCulture, frame.PageOf, i + 1, pages.Count),
                    Width / 2, Height - 28, SKTextAlign.Center, small, grey);
                document.EndPage();
            }
            document.Close();
        }
        return output.ToArray();
    }

    /// <summary>Places everything on pages: each page is the list of drawings at their final positions.</summary>
    private static List<List<Action<SKCanvas>>> Layout(PdfFrame frame, IReadOnlyList<PdfSection> sections, SKFont title, SKFont heading, SKFont caption, SKFont body)
    {
        var pages = new List<List<Action<SKCanvas>>> { new() };
        var y = Margin;
        List<Action<SKCanvas>> Page() => pages[^1];
        void NewPage()
        {
            pages.Add([]);
            y = Margin;
        }
        void Text(string text, SKFont font, SKColor color, float height)
        {
            var baseline = y + font.Size;
            Page().Add(c =>
            {
                using var paint = new SKPaint { Color = color, IsAntialias = true };
                c.DrawText(text, Margin, baseline, SKTextAlign.Left, font, paint);
            });
            y += height;
        }

        Text(frame.Title, title, Ink, 28);
        Text(frame.Subtitle, caption, Grey, 18);
        foreach (var line in Wrap(frame.Summary, caption, ContentWidth)) Text(line, caption, Ink, 16);
        y += 8;
        if (sections.Count == 0) Text(frame.Empty, caption, Grey, 16);

        foreach (var section in sections)
        {
            foreach (var table in section.Tables.Where(t => t.Rows.Count > 0))
            {
                var widths = table.Columns.Select(col => col.Share / table.Columns.Sum(x => x.Share) * ContentWidth).ToArray();
                var header = Cells(table.Columns.Select(col => col.Header).ToList(), widths, body);
                var rows = table.Rows.Select(r => Cells(r, widths, body)).ToList();
                // The park heading goes with its first table; a caption with its header and first row.
                var headingHeight = ReferenceEquals(table, section.Tables.First(t => t.Rows.Count > 0)) ? 26f : 0f;
                if (y + headingHeight + 20 + RowHeight(header) + RowHeight(rows[0]) > Bottom) NewPage();
                if (headingHeight > 0)
                {
                    y += 4;
                    Text(section.Heading, heading, Ink, headingHeight - 4);
                }
                Text($"{table.Caption} ({table.Rows.Count})", caption, Ink, 20);
                DrawRow(Page(), header, widths, y, body, header: true);
                y += RowHeight(header);
                foreach (var row in rows)
                {
                    if (y + RowHeight(row) > Bottom)
                    {
                        NewPage();
                        DrawRow(Page(), header, widths, y, body, header: true);
                        y += RowHeight(header);
                    }
                    DrawRow(Page(), row, widths, y, body, header: false);
                    y += RowHeight(row);
                }
                y += 10;
            }
        }
        return pages;
    }

    /// <summary>
    /// A cell shows at most this many lines (about half a page), so every row fits on one page; a longer text — a problem
    /// may run to 2,000 characters — ends with "…" and is read in full on the page or in the Excel export.
    /// </summary>
    internal const int MaxCellLines = 30;

    /// <summary>Each cell's text broken into lines that fit its column, at most <see cref="MaxCellLines"/>.</summary>
    private static List<List<string>> Cells(IReadOnlyList<string> texts, float[] widths, SKFont font) =>
        texts.Select((t, i) => Clip(Wrap(t, font, widths[i] - 2 * CellPad).ToList())).ToList();

    private static List<string> Clip(List<string> lines)
    {
        if (lines.Count <= MaxCellLines) return lines;
        var kept = lines.Take(MaxCellLines).ToList();
        var last = kept[^1];
        kept[^1] = (last.Length > 1 ? last[..^1] : last) + "…";
        return kept;
    }

    private static float RowHeight(List<List<string>> cells) => cells.Max(c => c.Count) * LineHeight + 2 * CellPad;

    private static void DrawRow(List<Action<SKCanvas>> page, List<List<string>> cells, float[] widths, float top, SKFont font, bool header)
    {
        var height = RowHeight(cells);
        page.Add(c =>
        {
            using var ink = new SKPaint { Color = Ink, IsAntialias = true };
            using var rule = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            using var fill = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = SKRect.Create(x, top, widths[i], height);
                if (header) c.DrawRect(rect, fill);
                c.DrawRect(rect, rule);
                var baseline = top + CellPad + font.Size;
                foreach (var line in cells[i])
                {
                    c.DrawText(line, x + CellPad, baseline, SKTextAlign.Left, font, ink);
                    baseline += LineHeight;
                }
                x += widths[i];
            }
        });
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>, character by character (Chinese has no spaces);
    /// the text's own line breaks start new lines (a glyph for "\n" would print as a box).
    /// </summary>
    internal static IEnumerable<string> Wrap(string? text, SKFont font, float width)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield return "";
            yield break;
        }
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
            foreach (var line in WrapLine(paragraph, font, width)) yield return line;
    }

    private static IEnumerable<string> WrapLine(string text, SKFont font, float width)
    {
        if (text.Length == 0)
        {
            yield return "";
            yield break;
        }
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            while (end < text.Length && font.MeasureText(text.AsSpan(start, end + 1 - start)) <= width) end++;
            yield return text[start..end];
            start = end;
        }
    }
}
