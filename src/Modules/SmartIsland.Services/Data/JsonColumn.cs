using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartIsland.Services.Data;

/// <summary>
/// A list that belongs only to its row (an item's conditions, flow steps, form fields) stored as one JSON text column:
/// the same on SQLite and PostgreSQL, read and written with its row, compared by content so edits are seen.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<T>> AsJson<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                s => string.IsNullOrEmpty(s) ? new List<T>() : JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!))
            .IsRequired();
}
