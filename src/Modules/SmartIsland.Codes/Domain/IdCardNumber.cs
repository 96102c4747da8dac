using System.Globalization;

namespace SmartIsland.Codes.Domain;

/// <summary>
/// 居民身份证号码 — GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date, 3-digit
/// sequence (odd = male), 1 check character by ISO 7064 MOD 11-2.
/// </summary>
public static class IdCardNumber
{
    /// <summary>W_i = 2^(18−i) mod 11.</summary>
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static CodeCheck Check(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input)) return CodeCheck.Fail(CodeProblem.Empty, "empty");
        var n = input.Trim().ToUpperInvariant();
        if (n.Length != 18) return CodeCheck.Fail(CodeProblem.Length, $"length {n.Length}, expected 18");
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(n[i]))
                return CodeCheck.Fail(CodeProblem.CharacterSet, $"character '{n[i]}' at position {i + 1} must be a digit");
        }
        if (!char.IsAsciiDigit(n[17]) && n[17] != 'X')
            return CodeCheck.Fail(CodeProblem.CharacterSet, "the last character must be a digit or X");
        if (!DivisionCodes.IsPlausible(n[..6]))
            return CodeCheck.Fail(CodeProblem.DivisionCode, $"address code {n[..6]} is not a known GB/T 2260 code");
        if (!DateOnly.TryParseExact(n.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return CodeCheck.Fail(CodeProblem.BirthDate, $"birth date {n.Substring(6, 8)} does not exist");
        if (birth > today || birth.Year < 1850)
            return CodeCheck.Fail(CodeProblem.BirthDate, $"birth date {birth:yyyy-MM-dd} is out of range");
        var expected = CheckCharacter(n.AsSpan(0, 17));
        return n[17] == expected
            ? CodeCheck.Ok()
            : CodeCheck.Fail(CodeProblem.CheckDigit, $"check character is '{n[17]}', expected '{expected}'");
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
