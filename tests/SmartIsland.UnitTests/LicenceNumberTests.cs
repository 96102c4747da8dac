using Shouldly;
using SmartIsland.Licences.Domain;

namespace SmartIsland.UnitTests;

public sealed class LicenceNumberTests
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // ISO/IEC 7064 MOD 37,36 example as published with python-stdnum's implementation (GRid-style number).
    [Fact]
    public void Check_character_of_the_published_example_is_M() =>
        LicenceNumber.CheckCharacter("A12425GABC1234002").ShouldBe('M');

    [Fact]
    public void A_composed_number_has_prefix_zone_day_serial_and_a_check_that_holds()
    {
        var number = LicenceNumber.Compose("410471", new DateOnly(2026, 11, 25), 42);
        number.Length.ShouldBe(LicenceNumber.Length);
        number[..21].ShouldBe("SI41047120261125" + "00042");
        LicenceNumber.Classify(number).ShouldBe(NumberShape.Platform);
        LicenceNumber.SerialOf(number).ShouldBe(42);
    }

    [Fact]
    public void Every_single_changed_character_is_detected()
    {
        var number = LicenceNumber.Compose("410471", new DateOnly(2026, 11, 25), 7);
        for (var i = 0; i < number.Length; i++)
        {
            foreach (var c in Alphabet.Where(c => c != number[i]))
            {
                var altered = number[..i] + c + number[(i + 1)..];
                if (!altered.StartsWith(LicenceNumber.Prefix, StringComparison.Ordinal)) continue; // no longer shaped like ours: only a look-up tells
                LicenceNumber.Classify(altered).ShouldBe(NumberShape.BadCheck, $"{altered} (position {i + 1})");
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_different_neighbours_is_detected()
    {
        var number = LicenceNumber.Compose("410471", new DateOnly(2026, 3, 9), 12_345);
        for (var i = 2; i < number.Length - 1; i++)
        {
            if (number[i] == number[i + 1]) continue;
            var swapped = number[..i] + number[i + 1] + number[i] + number[(i + 2)..];
            LicenceNumber.Classify(swapped).ShouldBe(NumberShape.BadCheck, swapped);
        }
    }

    [Theory]
    [InlineData("BL410471201900001")]   // another system's number
    [InlineData("SI4104712026112500001")] // one character short
    [InlineData("")]
    public void Numbers_not_shaped_like_the_platforms_are_left_to_the_lookup(string number) =>
        LicenceNumber.Classify(number).ShouldBe(NumberShape.Other);

    [Fact]
    public void Typed_numbers_are_normalised_before_checking()
    {
        var number = LicenceNumber.Compose("410471", new DateOnly(2026, 11, 25), 1);
        var typed = " " + number[..8].ToLowerInvariant() + "-" + number[8..16] + " " + number[16..];
        LicenceNumber.Normalise(typed).ShouldBe(number);
    }

    [Fact]
    public void Revoked_wins_and_expiry_is_read_from_the_last_valid_day()
    {
        var licence = new Licence { ValidFrom = new DateOnly(2026, 1, 1), ValidUntil = new DateOnly(2026, 12, 31) };
        licence.StateOn(new DateOnly(2025, 12, 31)).ShouldBe(LicenceState.NotYetValid);
        licence.StateOn(new DateOnly(2026, 12, 31)).ShouldBe(LicenceState.Valid);
        licence.StateOn(new DateOnly(2027, 1, 1)).ShouldBe(LicenceState.Expired);
        licence.Status = LicenceStatus.Revoked;
        licence.StateOn(new DateOnly(2026, 6, 1)).ShouldBe(LicenceState.Revoked);
    }
}
