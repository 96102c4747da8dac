namespace SmartIsland.Licences.Domain;

/// <summary>What a typed certificate number is, before anything is looked up.</summary>
public enum NumberShape
{
    /// <summary>A platform number whose check character holds.</summary>
    Platform,
    /// <summary>Shaped like a platform number, but its check character does not hold: mistyped or altered.</summary>
    BadCheck,
    /// <summary>Not a platform number (another system's, or nothing): only a look-up can tell.</summary>
    Other,
}

/// <summary>
/// The platform's certificate number: <c>SI</c> + the zone's division code (GB/T 2260, 6 digits) + the issue date
/// (yyyyMMdd) + a 5-digit serial of that zone and day + one check character computed over the 21 characters before
/// it with ISO/IEC 7064 MOD 37,36 (hybrid system, alphabet 0–9 A–Z). Any single changed character and any swap of
/// two neighbours changes the check, so an altered number is told apart from one that was never issued.
/// </summary>
public static class LicenceNumber
{
    public const string Prefix = "SI";
    public const int Length = 22;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int M = 36;

    /// <summary>The number as people type it: spaces and hyphens dropped, upper case.</summary>
    public static string Normalise(string? input) =>
        input is null ? "" : new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Compose(string division, DateOnly day, int serial)
    {
        if (division.Length != 6 || !division.All(char.IsAsciiDigit)) throw new ArgumentException("division code must be 6 digits", nameof(division));
        if (serial is < 1 or > 99_999) throw new ArgumentOutOfRangeException(nameof(serial));
        var body = FormattableString.Invariant($"{Prefix}{division}{day:yyyyMMdd}{serial:D5}");
        return body + CheckCharacter(body);
    }

    /// <summary>The serial part of a number composed by <see cref="Compose"/>.</summary>
    public static int SerialOf(string number) => int.Parse(number.AsSpan(16, 5), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The characters before the serial: zone and day. Numbers of one zone and day share it.</summary>
    public static string DayPrefix(string division, DateOnly day) => FormattableString.Invariant($"{Prefix}{division}{day:yyyyMMdd}");

    public static NumberShape Classify(string normalised)
    {
        if (normalised.Length != Length || !normalised.StartsWith(Prefix, StringComparison.Ordinal)
            || !normalised.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
            return NumberShape.Other;
        return CheckCharacter(normalised.AsSpan(0, Length - 1)) == normalised[^1] ? NumberShape.Platform : NumberShape.BadCheck;
    }

    /// <summary>
    /// ISO/IEC 7064 hybrid system MOD (M+1),M with M = 36: P₀ = M; for each character value a, S = (P + a) mod M
    /// (0 read as M) and P = 2S mod (M+1); the check character c makes (P + c) mod M = 1.
    /// </summary>
    public static char CheckCharacter(ReadOnlySpan<char> body)
    {
        var p = M;
        foreach (var ch in body)
        {
            var a = Alphabet.IndexOf(ch, StringComparison.Ordinal);
            if (a < 0) throw new ArgumentException($"'{ch}' is not a character of the number", nameof(body));
            var s = (p + a) % M;
            if (s == 0) s = M;
            p = 2 * s % (M + 1);
        }
        return Alphabet[((1 - p) % M + M) % M];
    }
}
