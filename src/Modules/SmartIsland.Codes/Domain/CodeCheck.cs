namespace SmartIsland.Codes.Domain;

/// <summary>Why a code is not valid. The API returns the name in camelCase as <c>reason</c>.</summary>
public enum CodeProblem
{
    None,
    Empty,
    Length,
    CharacterSet,
    DivisionCode,
    BirthDate,
    CheckDigit,
}

/// <summary>The outcome of checking one code: valid or the first problem found, plus non-blocking warnings.</summary>
public sealed record CodeCheck(bool Valid, CodeProblem Problem, string? Detail, IReadOnlyList<string> Warnings)
{
    public static CodeCheck Ok(params string[] warnings) => new(true, CodeProblem.None, null, warnings);
    public static CodeCheck Fail(CodeProblem problem, string detail) => new(false, problem, detail, []);
}
