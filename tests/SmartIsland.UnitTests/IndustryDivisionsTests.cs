using Shouldly;
using SmartIsland.Investment.Domain;

namespace SmartIsland.UnitTests;

/// <summary>GB/T 4754—2017: a division's two digits lie in its section's range (表 1), e.g. C 13–43, G 53–60, K 70 only.</summary>
public sealed class IndustryDivisionsTests
{
    [Theory]
    [InlineData("C38", true)]   // 电气机械和器材制造业
    [InlineData("C13", true)]   // the first of manufacturing
    [InlineData("C43", true)]   // the last of manufacturing
    [InlineData("A01", true)]
    [InlineData("K70", true)]
    [InlineData("T97", true)]
    [InlineData("C12", false)]  // 12 is mining (B)
    [InlineData("C44", false)]  // 44 is power (D)
    [InlineData("A38", false)]
    [InlineData("K71", false)]
    [InlineData("U99", false)]  // no section U
    [InlineData("C3829", false)] // a class, not a division
    [InlineData("c38", false)]  // callers upper-case first
    [InlineData("38", false)]
    public void A_division_has_its_digits_inside_its_section(string code, bool expected) => IndustryDivisions.IsDivision(code).ShouldBe(expected);

    [Theory]
    [InlineData("C38", true)]
    [InlineData("C382", true)]
    [InlineData("C3829", true)]
    [InlineData("A3829", false)]
    [InlineData("C38290", false)] // deeper than a class
    [InlineData("C3", false)]
    public void A_code_down_to_a_class_belongs_to_a_division_of_its_section(string code, bool expected) => IndustryDivisions.IsCode(code).ShouldBe(expected);
}
