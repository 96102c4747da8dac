namespace SmartIsland.Platform.Security;

/// <summary>
/// Marks a property that holds personal data (a phone, a name, an ID number). The audit log records that it
/// was set or changed, never its value: personal data must be erasable (anonymisation after a retention
/// period), and the hash-chained log cannot be edited afterwards.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;
