using QRCoder;
using SkiaSharp;
using SmartIsland.Licences.Domain;

namespace SmartIsland.Licences.Certificates;

/// <summary>What a certificate shows. Labels are printed in Chinese: the certificate is the official document.</summary>
public sealed record CertificateContent(
    string Title, string Number, HolderKind HolderKind, string HolderName, string HolderKey,
    IReadOnlyList<KeyValuePair<string, string>> Fields, DateOnly ValidFrom, DateOnly? ValidUntil,
    string IssuingBody, DateOnly IssuedOn, string VerifyUrl, bool Revoked);

/// <summary>
/// Renders a licence certificate as a one-page A4 PDF with SkiaSharp: title, number, holder, fields, validity,
/// issuing body and a QR code of the public verification address drawn as vector squares (crisp at any zoom,
/// a few kB). Chinese text uses the Noto Sans SC subset shipped in the module (ADR 0012, <see cref="CjkFont"/>).
/// </summary>
public static class CertificatePdf
{
    private const float Width = 595f; // A4 in points
    private const float Height = 842f;
    private const float Margin = 56f;

    public static byte[] Render(CertificateContent c)
    {
        using var output = new MemoryStream(64 * 1024);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{c.Title} {c.Number}",
            Creator = "SmartIsland",
            Producer = "SmartIsland",
            Creation = new DateTime(c.IssuedOn, TimeOnly.MinValue, DateTimeKind.Utc),
            Modified = new DateTime(c.IssuedOn, TimeOnly.MinValue, DateTimeKind.Utc),
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, c);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }

    private static void Draw(SKCanvas canvas, CertificateContent c)
    {
        var typeface = CjkFont.Typeface;
        using var ink = new SKPaint { Color = new SKColor(0x1A, 0x1A, 0x1A), IsAntialias = true };
        using var red = new SKPaint { Color = new SKColor(0xB7, 0x1C, 0x1C), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x61, 0x61, 0x61), IsAntialias = true };
        using var frame = new SKPaint { Color = new SKColor(0x8B, 0x6D, 0x1F), Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
        using var thin = new SKPaint { Color = new SKColor(0x8B, 0x6D, 0x1F), Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        using var titleFont = new SKFont(typeface, 30);
        using var bodyFont = new SKFont(typeface, 13);
        using var labelFont = new SKFont(typeface, 11);
        using var smallFont = new SKFont(typeface, 9);

        canvas.DrawRect(28, 28, Width - 56, Height - 56, frame);
        canvas.DrawRect(36, 36, Width - 72, Height - 72, thin);

        var y = 118f;
        canvas.DrawText(c.Title, Width / 2, y, SKTextAlign.Center, titleFont, ink);
        y += 30;
        canvas.DrawText("证照编号  " + c.Number, Width / 2, y, SKTextAlign.Center, bodyFont, grey);
        if (c.Revoked)
        {
            y += 22;
            canvas.DrawText("本证照已撤销", Width / 2, y, SKTextAlign.Center, bodyFont, red);
        }
        y += 44;

        var labelWidth = 110f;
        var valueWidth = Width - 2 * Margin - labelWidth;
        void Row(string label, string value)
        {
            canvas.DrawText(label, Margin, y, SKTextAlign.Left, labelFont, grey);
            foreach (var line in Wrap(value, bodyFont, valueWidth))
            {
                canvas.DrawText(line, Margin + labelWidth, y, SKTextAlign.Left, bodyFont, ink);
                y += 20;
            }
            y += 8;
        }

        Row(c.HolderKind == HolderKind.Person ? "持证人" : "持证主体", c.HolderName);
        Row(c.HolderKind == HolderKind.Person ? "公民身份号码" : "统一社会信用代码", c.HolderKey);
        foreach (var (label, value) in c.Fields) Row(label, value);
        Row("有效期限", $"{c.ValidFrom:yyyy年MM月dd日} 至 {(c.ValidUntil is { } u ? u.ToString("yyyy年MM月dd日", System.Globalization.CultureInfo.InvariantCulture) : "长期")}");

        // Issuing body and date bottom left, the QR code bottom right.
        const float qrSize = 120f;
        var qrTop = Height - Margin - qrSize - 40;
        DrawQr(canvas, c.VerifyUrl, Width - Margin - qrSize, qrTop, qrSize, ink);
        canvas.DrawText("扫码核验", Width - Margin - qrSize / 2, qrTop + qrSize + 16, SKTextAlign.Center, labelFont, grey);
        canvas.DrawText("发证机关  " + c.IssuingBody, Margin, qrTop + 40, SKTextAlign.Left, bodyFont, ink);
        canvas.DrawText("发证日期  " + c.IssuedOn.ToString("yyyy年MM月dd日", System.Globalization.CultureInfo.InvariantCulture), Margin, qrTop + 66, SKTextAlign.Left, bodyFont, ink);
        canvas.DrawText(c.VerifyUrl, Margin, Height - Margin - 8, SKTextAlign.Left, smallFont, grey);
    }

    /// <summary>The QR code's modules as filled squares; QRCoder's matrix already carries the quiet zone.</summary>
    private static void DrawQr(SKCanvas canvas, string text, float x, float y, float size, SKPaint ink)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var cell = size / n;
        using var builder = new SKPathBuilder();
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            for (var col = 0; col < n; col++)
            {
                if (bits[col]) builder.AddRect(SKRect.Create(x + col * cell, y + row * cell, cell, cell));
            }
        }
        using var path = builder.Detach();
        using var fill = new SKPaint { Color = ink.Color, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawPath(path, fill);
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, character by character (Chinese has no spaces).</summary>
    internal static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        if (string.IsNullOrEmpty(text))
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
