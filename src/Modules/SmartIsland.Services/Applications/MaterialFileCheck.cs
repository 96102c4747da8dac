namespace SmartIsland.Services.Applications;

/// <summary>
/// A material's file is judged by its content, never by its name or declared type: PDF, JPEG or PNG, at most
/// <see cref="MaxBytes"/>. Anything else is refused naming the material.
/// </summary>
public static class MaterialFileCheck
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxTotalBytes = 25 * 1024 * 1024;

    public static string? Sniff(ReadOnlySpan<byte> b) =>
        b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8) ? "application/pdf"
        : b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : null;
}
