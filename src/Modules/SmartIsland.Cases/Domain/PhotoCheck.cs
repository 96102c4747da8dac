using SkiaSharp;

namespace SmartIsland.Cases.Domain;

/// <summary>A photo as uploaded: the bytes and whatever name the client gave (which decides nothing).</summary>
public sealed record PhotoUpload(string? FileName, byte[] Content);

/// <summary>A photo that passed the check: re-encoded as JPEG, metadata (EXIF, GPS) dropped.</summary>
public sealed record CheckedPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Photos are judged by their content, never by their file name or declared type: the first bytes must
/// be a JPEG, PNG or WebP signature and the whole image must decode. Accepted photos are re-encoded,
/// which drops EXIF metadata — a phone photo's GPS position and device are personal data — and caps
/// the longest side so a case page stays light on a phone connection.
/// </summary>
public static class PhotoCheck
{
    public const int MaxPhotos = 6;
    public const int MaxBytes = 10 * 1024 * 1024;
    /// <summary>All photos of one submission together: below the server's 30 MB request limit, with room for the form.</summary>
    public const int MaxTotalBytes = 25 * 1024 * 1024;
    public const int MaxSide = 1600;
    private const int MaxPixels = 50_000_000; // refuses decompression bombs before decoding

    public static string? Sniff(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    /// <summary>The checked photo, or the reason it is refused (to be shown to the person who sent it).</summary>
    public static (CheckedPhoto? Photo, string? Error) Check(PhotoUpload upload)
    {
        if (upload.Content.Length == 0) return (null, "The photo is empty.");
        if (upload.Content.Length > MaxBytes) return (null, $"A photo may be at most {MaxBytes / 1024 / 1024} MB.");
        if (Sniff(upload.Content) is null) return (null, "Only JPEG, PNG or WebP photos are accepted.");
        using var data = SKData.CreateCopy(upload.Content);
        using var codec = SKCodec.Create(data);
        if (codec is null) return (null, "The photo cannot be read.");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels) return (null, "The photo's dimensions are not acceptable.");
        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null) return (null, "The photo cannot be read.");
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(bitmap.Width, bitmap.Height));
        using var sized = scale < 1
            ? bitmap.Resize(new SKImageInfo((int)(bitmap.Width * scale), (int)(bitmap.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear))
            : null;
        var image = sized ?? bitmap;
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return encoded is null ? (null, "The photo cannot be read.") : (new CheckedPhoto(encoded.ToArray(), image.Width, image.Height), null);
    }
}
