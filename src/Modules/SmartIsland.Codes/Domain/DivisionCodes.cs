namespace SmartIsland.Codes.Domain;

/// <summary>
/// 行政区划代码 (GB/T 2260). Only the province level is checked: the first two digits must name a
/// province-level division (or 10, used by national registrations such as 100000). The full county
/// table changes every year and is not shipped yet; a plausible but retired county code passes.
/// </summary>
public static class DivisionCodes
{
    private static readonly HashSet<string> Provinces =
    [
        "10", // national (中央) registrations
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    public static bool IsKnownProvince(ReadOnlySpan<char> sixDigits) =>
        sixDigits.Length >= 2 && Provinces.Contains(sixDigits[..2].ToString());

    /// <summary>Six digits whose province is known.</summary>
    public static bool IsPlausible(string code) =>
        code.Length == 6 && code.All(char.IsAsciiDigit) && IsKnownProvince(code);
}
