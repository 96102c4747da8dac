namespace SmartIsland.Licences.Connectors;

/// <summary>Settings under <c>Licences</c> in appsettings (or <c>Licences__…</c> environment variables).</summary>
public sealed class LicenceOptions
{
    /// <summary>How long the registry waits for one connector before naming its system unavailable.</summary>
    public int TimeoutMs { get; set; } = 2000;

    /// <summary>The zone's other systems reached over HTTP.</summary>
    public List<ConnectorOptions> Connectors { get; set; } = [];
}

/// <summary>One other system: <c>GET {BaseUrl}/licences?holder=…&amp;types=a,b</c> answers a JSON array of held licences.</summary>
public sealed class ConnectorOptions
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public List<string> Types { get; set; } = [];
    /// <summary>This system's own timeout; 0 = the registry's.</summary>
    public int TimeoutMs { get; set; }
}
