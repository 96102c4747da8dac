using System.Net.Http.Json;
using System.Text.Json;
using SmartIsland.Licences.Features;

namespace SmartIsland.Licences.Connectors;

/// <summary>
/// One of the zone's other systems reached over HTTP (configured under <c>Licences:Connectors</c>):
/// <c>GET {BaseUrl}/licences?holder=…&amp;types=a,b</c> answering a JSON array of <see cref="HeldLicence"/>.
/// Anything but a 2xx answer with that body is a failure the registry reports as the system being unavailable.
/// </summary>
internal sealed class HttpLicenceConnector(ConnectorOptions options, IHttpClientFactory clients) : ILicenceConnector
{
    public const string ClientName = "licence-connectors";

    private readonly HashSet<string> types = new(options.Types, StringComparer.Ordinal);

    public string SystemCode => options.Code;

    public string Name => options.Name;

    /// <summary>This system's own limit, when it sets one.</summary>
    public TimeSpan? Timeout => options.TimeoutMs > 0 ? TimeSpan.FromMilliseconds(options.TimeoutMs) : null;

    public bool Serves(string typeCode) => types.Contains(typeCode);

    public async Task<IReadOnlyList<HeldLicence>> FindValidAsync(string holderKey, IReadOnlyCollection<string> typeCodes, DateOnly day, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        var url = $"{options.BaseUrl.TrimEnd('/')}/licences?holder={Uri.EscapeDataString(holderKey)}&types={Uri.EscapeDataString(string.Join(',', typeCodes))}";
        using var response = await client.GetAsync(url, ct);
        response.EnsureSuccessStatusCode();
        var items = await response.Content.ReadFromJsonAsync<List<HeldLicence>>(JsonSerializerOptions.Web, ct) ?? [];
        // The other system is asked for valid licences; its answer is still checked against the day and the types asked.
        return items.Where(l => typeCodes.Contains(l.TypeCode) && l.ValidFrom <= day && (l.ValidUntil is null || l.ValidUntil >= day))
            .Select(l => l with { SourceSystem = string.IsNullOrEmpty(l.SourceSystem) ? options.Code : l.SourceSystem })
            .ToList();
    }
}

/// <summary>The HTTP connectors made once from the settings.</summary>
internal sealed class ConfiguredConnectors(Microsoft.Extensions.Options.IOptions<LicenceOptions> options, IHttpClientFactory clients)
{
    public IReadOnlyList<HttpLicenceConnector> All { get; } = options.Value.Connectors
        .Where(c => !string.IsNullOrWhiteSpace(c.Code) && !string.IsNullOrWhiteSpace(c.BaseUrl))
        .Select(c => new HttpLicenceConnector(c, clients)).ToList();
}
