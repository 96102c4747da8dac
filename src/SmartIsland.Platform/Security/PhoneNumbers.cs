namespace SmartIsland.Platform.Security;

/// <summary>A landline or mobile number as people write it: 7–20 characters of digits, '-', '+' or spaces.</summary>
public static class PhoneNumbers
{
    public const int MaxLength = 20;

    public static bool IsPlausible(string s)
    {
        var t = s.Trim();
        return t.Length is >= 7 and <= MaxLength && t.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ');
    }
}
