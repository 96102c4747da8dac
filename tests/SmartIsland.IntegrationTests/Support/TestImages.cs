using SkiaSharp;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>Real images made on the spot (a phone photo stand-in), and fakes that only look like images by name.</summary>
public static class TestImages
{
    public static byte[] Png(int width = 640, int height = 480, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour ?? new SKColor(30, 90, 168));
            using var paint = new SKPaint { Color = SKColors.Yellow };
            canvas.DrawCircle(width / 2f, height / 3f, height / 8f, paint); // a street light, roughly
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A script saved as "photo.jpg": the name says image, the content does not.</summary>
    public static byte[] FakeJpeg() => "<script>alert('not a photo')</script>"u8.ToArray();

    /// <summary>A JPEG signature followed by garbage: passes a naive magic-number check, fails decoding.</summary>
    public static byte[] TruncatedJpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8];
}
