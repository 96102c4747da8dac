namespace SmartIsland.Codes.Domain;

/// <summary>
/// 统一社会信用代码 — GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.
/// 18 characters: [1] 登记管理部门, [2] 机构类别, [3–8] 行政区划 (GB/T 2260), [9–17] 主体标识码
/// (组织机构代码, GB 11714), [18] check character computed with GB/T 17710 pure MOD 31.
/// </summary>
public static class CreditCode
{
    /// <summary>The 31 characters of the code; I, O, S, V and Z are never used. Value = index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Position weights W_i = 3^(i−1) mod 31 for positions 1–17.</summary>
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>GB 11714 weights on the eight body characters of the embedded organisation code.</summary>
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static CodeCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return CodeCheck.Fail(CodeProblem.Empty, "empty");
        var code = input.Trim().ToUpperInvariant();
        if (code.Length != 18) return CodeCheck.Fail(CodeProblem.Length, $"length {code.Length}, expected 18");
        for (var i = 0; i < 18; i++)
        {
            if (!Alphabet.Contains(code[i], StringComparison.Ordinal))
                return CodeCheck.Fail(CodeProblem.CharacterSet, $"character '{code[i]}' at position {i + 1} is not allowed");
        }
        var division = code.Substring(2, 6);
        if (!division.All(char.IsAsciiDigit) || !DivisionCodes.IsKnownProvince(division))
            return CodeCheck.Fail(CodeProblem.DivisionCode, $"division code {division} is not a known GB/T 2260 code");
        var expected = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
            return CodeCheck.Fail(CodeProblem.CheckDigit, $"check character is '{code[17]}', expected '{expected}'");

        // The embedded organisation code's own check is a warning only: real codes exist that fail it.
        return OrganisationCodeCheckHolds(code.AsSpan(8, 9))
            ? CodeCheck.Ok()
            : CodeCheck.Ok("embedded organisation code (positions 9–17) fails its GB 11714 check");
    }

    public static bool IsValid(string? input) => Check(input).Valid;

    /// <summary>C18 = alphabet[(31 − Σ v_i·W_i mod 31) mod 31].</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static bool OrganisationCodeCheckHolds(ReadOnlySpan<char> nine)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = nine[i];
            var v = char.IsAsciiDigit(c) ? c - '0' : c - 55; // A=10 … Z=35
            sum += v * OrganisationWeights[i];
        }
        var check = 11 - sum % 11;
        var expected = check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        return nine[8] == expected;
    }
}
