namespace SmartIsland.Projects.Resources;

/// <summary>Marker for the module's strings (ProjectStrings.resx, zh-CN neutral; .en.resx).</summary>
public sealed class ProjectStrings;
