namespace SmartIsland.Organisation.Resources;

/// <summary>Marker for the organisation module's strings (OrganisationStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class OrganisationStrings;
