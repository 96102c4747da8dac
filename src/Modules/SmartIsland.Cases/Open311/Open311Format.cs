using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using SmartIsland.Cases.Domain;

namespace SmartIsland.Cases.Open311;

/// <summary>The two formats GeoReport v2 names, chosen by the URL suffix: XML (required by the spec) and JSON.</summary>
internal enum Open311Format
{
    Xml,
    Json,
}

/// <summary>An element with named children in order (XML) or an object (JSON). A null child is written empty / as null, never left out.</summary>
internal sealed class Open311Object : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(KeyValuePair.Create(name, value));
}

/// <summary>Repeated elements: in XML each item is an element named <see cref="ItemName"/>; in JSON an array.</summary>
internal sealed record Open311List(string ItemName, IReadOnlyList<object?> Items);

/// <summary>
/// One response document. GeoReport v2 lists (services, service_requests, errors) are top-level arrays
/// in JSON and a root element of repeated items in XML; the service definition and discovery are objects.
/// </summary>
internal sealed record Open311Document(string RootName, object Body);

/// <summary>
/// Writes a document as the spec shows it: XML with the declaration and no namespaces; JSON with every
/// field present (explicit nulls), codes and ids as strings (the caller passes them as strings), dates
/// in ISO 8601 with the zone's offset (+08:00).
/// </summary>
internal sealed class Open311Result(Open311Document document, Open311Format format, int status = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Chinese and "+08:00" stay readable; the body is served as application/json, never as HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CheckCharacters = true,
    };

    public Open311Document Document => document;
    public int Status => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (format == Open311Format.Json)
        {
            response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(response.BodyWriter, JsonOptions);
            WriteJson(json, document.Body);
            await json.FlushAsync(httpContext.RequestAborted);
        }
        else
        {
            response.ContentType = "text/xml; charset=utf-8";
            await using var xml = XmlWriter.Create(response.Body, XmlSettings);
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, document.RootName, null);
            await WriteXmlChildrenAsync(xml, document.Body);
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
            await xml.FlushAsync();
        }
    }

    /// <summary>ISO 8601 with the offset, in China Standard Time where the zones are (spec: "Timezone information … must be included").</summary>
    public static string Date(DateTimeOffset value) =>
        value.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateTimeOffset t:
                json.WriteStringValue(Date(t));
                break;
            case Open311Object o:
                json.WriteStartObject();
                foreach (var (name, child) in o)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, child);
                }
                json.WriteEndObject();
                break;
            case Open311List l:
                json.WriteStartArray();
                foreach (var item in l.Items) WriteJson(json, item);
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Open311: no JSON form for {value.GetType().Name}");
        }
    }

    private static async Task WriteXmlChildrenAsync(XmlWriter xml, object? value)
    {
        switch (value)
        {
            case Open311Object o:
                foreach (var (name, child) in o)
                {
                    await xml.WriteStartElementAsync(null, name, null);
                    await WriteXmlChildrenAsync(xml, child);
                    await xml.WriteEndElementAsync();
                }
                break;
            case Open311List l:
                foreach (var item in l.Items)
                {
                    await xml.WriteStartElementAsync(null, l.ItemName, null);
                    await WriteXmlChildrenAsync(xml, item);
                    await xml.WriteEndElementAsync();
                }
                break;
            case null:
                break;
            default:
                await xml.WriteStringAsync(Scalar(value));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => Date(t),
        _ => throw new InvalidOperationException($"Open311: no XML form for {value.GetType().Name}"),
    };
}

/// <summary>The spec's error list: <c>[{"code":403,"description":"…"}]</c> / <c>&lt;errors&gt;&lt;error&gt;&lt;code&gt;…</c>.</summary>
internal static class Open311Errors
{
    public static Open311Result Of(Open311Format format, int status, params string[] descriptions) =>
        new(new Open311Document("errors", new Open311List("error", descriptions.Select(d => (object?)new Open311Object { { "code", status }, { "description", d } }).ToList())), format, status);
}
