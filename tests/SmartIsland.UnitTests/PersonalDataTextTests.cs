using Shouldly;
using SmartIsland.Cases.Domain;

namespace SmartIsland.UnitTests;

public sealed class PersonalDataTextTests
{
    [Fact]
    public void Phones_id_numbers_and_mail_addresses_in_free_text_are_struck_out()
    {
        PersonalDataText.Scrub("请联系13800138000或0375-2345678，身份证41040219900101123X，邮箱 zhang.san@example.com 谢谢")
            .ShouldBe("请联系[已删除]或[已删除]，身份证[已删除]，邮箱 [已删除] 谢谢");
    }

    [Fact]
    public void Other_numbers_are_left_alone()
    {
        const string text = "路灯杆号 PD13800138000，编号 202312345678901，共 12 盏，金额 13800.50 元";
        PersonalDataText.Scrub(text).ShouldBe(text);
        PersonalDataText.Scrub(null).ShouldBeNull();
    }
}
