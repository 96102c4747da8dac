using System.Text.RegularExpressions;

namespace SmartIsland.Cases.Domain;

/// <summary>
/// Finds personal data written into free text (a description, a comment, a timeline note) so that
/// anonymisation can remove it: mainland mobile and fixed-line numbers, 18-character citizen id
/// numbers (GB 11643-1999) and e-mail addresses. Digits inside longer numbers (a lamp-post code, an
/// amount) are left alone.
/// </summary>
public static partial class PersonalDataText
{
    public const string Removed = "[已删除]";

    public static string? Scrub(string? text) => text is null ? null : Patterns().Replace(text, Removed);

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-9]\d{16}[\dXx]|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?![0-9A-Za-z])|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")]
    private static partial Regex Patterns();
}
