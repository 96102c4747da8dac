namespace SmartIsland.Platform.Security;

/// <summary>
/// Masking (脱敏) of personal data, shown wherever the role does not need the full value
/// (mission non-negotiable 5; ui.md: 138****0000, 4104**********1234).
/// </summary>
public static class Masking
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return string.Empty;
        var p = phone.Trim();
        return p.Length < 7 ? new string('*', p.Length) : p[..3] + new string('*', p.Length - 7) + p[^4..];
    }

    public static string IdCard(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return string.Empty;
        var n = number.Trim();
        return n.Length < 8 ? new string('*', n.Length) : n[..4] + new string('*', n.Length - 8) + n[^4..];
    }

    /// <summary>A person's name: keep the family name, hide the rest (张** / 欧阳*).</summary>
    public static string PersonName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        var n = name.Trim();
        return n.Length <= 1 ? "*" : n[..1] + new string('*', n.Length - 1);
    }
}
