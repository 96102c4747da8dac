using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Shouldly;
using SmartIsland.Cases.Open311;

namespace SmartIsland.UnitTests;

/// <summary>How a GeoReport v2 "POST Service Request" form body becomes a case submission.</summary>
public sealed class Open311FormTests
{
    private static Open311Form Read(params (string Key, string[] Values)[] fields) =>
        Open311Form.Read(new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Values))));

    [Fact]
    public void Attribute_keys_single_repeated_and_indexed_are_read_by_their_code()
    {
        var form = Read(
            ("attribute[category]", ["street-light"]),
            ("attribute[affected][]", ["pedestrians", "vehicles"]),
            ("attribute[count][0]", ["3"]),
            ("attribute[]", ["no code"]),
            ("attributes[x]", ["not an attribute"]));
        var attributes = form.Submission.Attributes!;
        attributes.Keys.ShouldBe(["category", "affected", "count"], ignoreOrder: true);
        attributes["affected"].ShouldBe(["pedestrians", "vehicles"]);
        attributes["count"].ShouldBe(["3"]);
    }

    [Fact]
    public void Location_is_a_point_an_address_or_an_address_id_and_a_bad_number_is_a_problem()
    {
        var point = Read(("lat", ["33.72"]), ("long", ["113.34"]));
        point.Submission.Latitude.ShouldBe(33.72);
        point.Submission.Longitude.ShouldBe(113.34);
        Read(("address_id", ["A-42"])).Submission.Address.ShouldBe("address_id: A-42");
        Read(("address_string", ["村口"]), ("address_id", ["A-42"])).Submission.Address.ShouldBe("村口");
        var bad = Read(("lat", ["north"]), ("long", ["Infinity"]));
        bad.Problems.Select(p => p.Field).ShouldBe(["lat", "long"]);
        bad.Submission.Latitude.ShouldBeNull();
    }

    [Fact]
    public void A_chinese_name_is_family_name_first_and_other_names_first_name_first()
    {
        Read(("first_name", ["三"]), ("last_name", ["张"])).Submission.RequesterName.ShouldBe("张三");
        Read(("first_name", ["Ada"]), ("last_name", ["Lovelace"])).Submission.RequesterName.ShouldBe("Ada Lovelace");
        Read(("last_name", ["张"])).Submission.RequesterName.ShouldBe("张");
        Read(("email", ["a@example.com"])).Submission.RequesterName.ShouldBeNull(); // e-mail is not kept
    }

    [Fact]
    public void Intake_field_names_are_reported_with_the_specs_parameter_names()
    {
        Open311Form.FieldName("typeCode").ShouldBe("service_code");
        Open311Form.FieldName("latitude").ShouldBe("lat");
        Open311Form.FieldName("location").ShouldBe("lat/long, address_string or address_id");
        Open311Form.FieldName("attribute[count]").ShouldBe("attribute[count]");
    }
}
