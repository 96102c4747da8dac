namespace SmartIsland.Cases.Resources;

/// <summary>Marker for the notification inbox's strings (NotificationStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class NotificationStrings;
