namespace SmartIsland.Licences.Resources;

/// <summary>Marker for the licence module's texts (LicenceStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class LicenceStrings;
