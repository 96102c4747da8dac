using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartIsland.Investment.Domain;

/// <summary>
/// Which codes are industry divisions (大类) of GB/T 4754—2017《国民经济行业分类》: a section letter (门类) and the two
/// digits of a division that belongs to that section — C38 (电气机械和器材制造业) is one, A38 is not, because section A
/// (农、林、牧、渔业) holds divisions 01–05 only. A site's industry code may go down to a class (C3829); a park's leading
/// industries are divisions.
/// </summary>
public static partial class IndustryDivisions
{
    /// <summary>Each section's first and last division, GB/T 4754—2017 表 1.</summary>
    private static readonly Dictionary<char, (int First, int Last)> Sections = new()
    {
        ['A'] = (1, 5), ['B'] = (6, 12), ['C'] = (13, 43), ['D'] = (44, 46), ['E'] = (47, 50), ['F'] = (51, 52), ['G'] = (53, 60),
        ['H'] = (61, 62), ['I'] = (63, 65), ['J'] = (66, 69), ['K'] = (70, 70), ['L'] = (71, 72), ['M'] = (73, 75), ['N'] = (76, 79),
        ['O'] = (80, 82), ['P'] = (83, 83), ['Q'] = (84, 85), ['R'] = (86, 90), ['S'] = (91, 96), ['T'] = (97, 97),
    };

    [GeneratedRegex("^[A-T](\\d{2})(\\d{1,2})?$")]
    private static partial Regex CodePattern();

    /// <summary>A division such as C38 whose digits lie in its section.</summary>
    public static bool IsDivision(string code) => IsCode(code) && code.Length == 3;

    /// <summary>A division, group or class (C38, C382, C3829) whose division lies in its section.</summary>
    public static bool IsCode(string code)
    {
        var m = CodePattern().Match(code);
        return m.Success && Sections[code[0]] is var (first, last)
            && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var division && division >= first && division <= last;
    }
}
