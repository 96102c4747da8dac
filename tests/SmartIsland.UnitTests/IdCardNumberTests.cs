using SmartIsland.Codes.Domain;
using Shouldly;

namespace SmartIsland.UnitTests;

public sealed class IdCardNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void The_standards_specimen_is_valid_with_check_X() =>
        IdCardNumber.Check("11010519491231002X", Today).Valid.ShouldBeTrue();

    [Fact]
    public void A_generated_number_with_its_computed_check_is_valid()
    {
        var first17 = "41040219900307123"; // 平顶山 新华区, 1990-03-07, sequence 123
        var number = first17 + IdCardNumber.CheckCharacter(first17);
        IdCardNumber.Check(number, Today).Valid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("11010519491231002", CodeProblem.Length)]
    [InlineData("1101051949123100A2", CodeProblem.CharacterSet)]
    [InlineData("110105194912310021", CodeProblem.CheckDigit)]
    [InlineData("990105194912310020", CodeProblem.DivisionCode)]
    [InlineData("110105194902300020", CodeProblem.BirthDate)] // 30 February
    [InlineData("110105203001010020", CodeProblem.BirthDate)] // in the future
    public void Invalid_numbers_name_their_problem(string number, CodeProblem expected)
    {
        var check = IdCardNumber.Check(number, Today);
        check.Valid.ShouldBeFalse();
        check.Problem.ShouldBe(expected);
    }
}
