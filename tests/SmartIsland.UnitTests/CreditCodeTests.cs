using SmartIsland.Codes.Domain;
using Shouldly;

namespace SmartIsland.UnitTests;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // the standard's worked example (rules-reference §7.1)
    [InlineData("91350100M000100Y43")]
    [InlineData("91310230MA1K314J7C")]
    [InlineData("91310230MA1K314K57")]
    public void Valid_codes_pass(string code) => CreditCode.Check(code).Valid.ShouldBeTrue();

    [Fact]
    public void Check_character_of_the_worked_example_is_6() =>
        CreditCode.CheckCharacter("91440300192203821").ShouldBe('6');

    [Theory]
    [InlineData("91440300192203821", CodeProblem.Length)]
    [InlineData("9144030019220382160", CodeProblem.Length)]
    [InlineData("", CodeProblem.Empty)]
    [InlineData("91440300192203821I", CodeProblem.CharacterSet)] // I is never used
    [InlineData("91440300192203821O", CodeProblem.CharacterSet)]
    [InlineData("914403001922038217", CodeProblem.CheckDigit)]
    [InlineData("919903001922038216", CodeProblem.DivisionCode)] // province 99 does not exist
    public void Invalid_codes_name_their_problem(string code, CodeProblem expected)
    {
        var check = CreditCode.Check(code);
        check.Valid.ShouldBeFalse();
        check.Problem.ShouldBe(expected);
    }

    [Fact]
    public void Lower_case_input_is_read_as_upper_case() => CreditCode.Check("91310230ma1k314j7c").Valid.ShouldBeTrue();

    [Fact]
    public void A_failing_embedded_organisation_code_is_only_a_warning()
    {
        // Labelled 浦发银行 in public test files: passes mod 31, fails GB 11714 (rules-reference §7.1).
        var check = CreditCode.Check("91310000631295002H");
        check.Valid.ShouldBeTrue();
        check.Warnings.ShouldNotBeEmpty();
    }
}

public sealed class ImportColumnsTests
{
    [Theory]
    [InlineData("统一社会信用代码", "creditCode")]
    [InlineData("Credit code", "creditCode")]
    [InlineData("营业收入(万元)", "revenue")] // half-width brackets as people type them
    [InlineData("park", "park")]
    [InlineData("Park", "park")]
    public void Headers_are_recognised_in_either_language(string header, string key) =>
        SmartIsland.Enterprises.Features.ImportColumns.FromHeader(header)!.Key.ShouldBe(key);

    [Fact]
    public void An_unknown_header_is_not_a_column() =>
        SmartIsland.Enterprises.Features.ImportColumns.FromHeader("备注").ShouldBeNull();
}
