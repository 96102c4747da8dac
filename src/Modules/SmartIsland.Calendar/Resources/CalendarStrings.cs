namespace SmartIsland.Calendar.Resources;

/// <summary>Marker for the calendar module's strings (CalendarStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class CalendarStrings;
