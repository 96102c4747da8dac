using System.Text.RegularExpressions;

namespace SmartIsland.Enterprises.Domain;

/// <summary>GB/T 4754-2017 国民经济行业分类: a section letter A–T, then the division (2 digits), group (3) or class (4).</summary>
public static partial class IndustryCode
{
    [GeneratedRegex("^[A-T](\\d{2}|\\d{3}|\\d{4})?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);
}
