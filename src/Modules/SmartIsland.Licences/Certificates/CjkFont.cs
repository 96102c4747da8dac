using SkiaSharp;

namespace SmartIsland.Licences.Certificates;

/// <summary>
/// The Noto Sans SC subset embedded in this module (ADR 0012) for other modules' PDFs, so the font file is shipped once:
/// ASCII, Latin-1, CJK punctuation, full-width forms and the 6,763 GB 2312 hanzi, without the Kangxi radicals (which
/// would make 工 or 高 extract as look-alikes). Loaded on first use and shared; an SKTypeface is safe to share.
/// </summary>
public static class CjkFont
{
    private static readonly Lazy<SKTypeface> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SKTypeface Typeface => Loaded.Value;

    private static SKTypeface Load()
    {
        var stream = typeof(CjkFont).Assembly.GetManifestResourceStream("SmartIsland.Licences.Fonts.NotoSansSC-subset.otf")
                     ?? throw new InvalidOperationException("The CJK font is not embedded in the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The CJK font could not be read.");
    }
}
