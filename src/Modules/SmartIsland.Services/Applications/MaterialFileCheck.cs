namespace SmartIsland.Services.Applications;

/// <summary>
/// A material's file is judged by its content, never by its name or declared type: PDF, JPEG or PNG, at most
/// <see cref="MaxBytes"/>. Anything else is refused naming the material.
/// </summary>
public static class MaterialFileCheck
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxTotalBytes = 25 * 1024 * 1024;

    /// <summary>PDF by its header; images as the case engine's photo check knows them (JPEG and PNG only: scans, not WebP).</summary>
    public static string? Sniff(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) ? "application/pdf"
        : Cases.Domain.PhotoCheck.Sniff(b) is var image && image is "image/jpeg" or "image/png" ? image
        : null;
}
