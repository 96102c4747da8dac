namespace SmartIsland.Enterprises.Pages;

public enum IndicatorEditorMode
{
    /// <summary>Adds a year or changes a draft.</summary>
    Edit,

    /// <summary>Changes a reviewed year with a reason (applied by staff, requested by the enterprise).</summary>
    Correct,

    /// <summary>Every figure of the year, read only.</summary>
    View,
}
