namespace SmartIsland.Services.Resources;

/// <summary>Marker for the services module's shared texts (ServiceStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class ServiceStrings;
