namespace SmartIsland.Projects.Resources;

/// <summary>Marker for the project register's and 三个一批 strings (RegisterStrings.resx, zh-CN neutral; .en.resx).</summary>
public sealed class RegisterStrings;
