using SmartIsland.Platform.Security;
using Shouldly;

namespace SmartIsland.UnitTests;

public sealed class MaskingTests
{
    [Fact]
    public void Phone_keeps_three_and_four() => Masking.Phone("13800000000").ShouldBe("138****0000");

    [Fact]
    public void Id_card_keeps_four_and_four() => Masking.IdCard("11010519491231002X").ShouldBe("1101**********002X");

    [Fact]
    public void Person_name_keeps_the_family_name() => Masking.PersonName("欧阳明").ShouldBe("欧**");

    [Fact]
    public void Empty_stays_empty() => Masking.Phone(null).ShouldBe("");
}
