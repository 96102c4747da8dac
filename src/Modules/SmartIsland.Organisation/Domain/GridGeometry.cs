using System.Text.Json;

namespace SmartIsland.Organisation.Domain;

/// <summary>
/// Which grid a point lies in, from the grids' GeoJSON polygons (WGS-84 longitude/latitude), and how far it
/// is from the grid's edge. A point close to an edge may belong to the neighbour: the handler confirms.
/// </summary>
public static class GridGeometry
{
    /// <summary>Closer than this to an edge counts as "near the boundary" (GPS on a phone is ±10–30 m).</summary>
    public const double BoundaryMetres = 50;

    public const double MetresPerDegreeLatitude = 111_320;

    /// <summary>Metres between two nearby points (local flat projection, as for the edges).</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var kx = MetresPerDegreeLatitude * Math.Cos(lat1 * Math.PI / 180);
        return Math.Sqrt(Math.Pow((lon2 - lon1) * kx, 2) + Math.Pow((lat2 - lat1) * MetresPerDegreeLatitude, 2));
    }

    /// <summary>The outer rings of a GeoJSON Polygon or MultiPolygon (a Feature or bare geometry); holes are ignored.</summary>
    public static IReadOnlyList<(double Lon, double Lat)[]> Rings(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson)) return [];
        try
        {
            using var doc = JsonDocument.Parse(geoJson);
            var geometry = doc.RootElement;
            if (geometry.TryGetProperty("geometry", out var g)) geometry = g;
            var type = geometry.GetProperty("type").GetString();
            var coordinates = geometry.GetProperty("coordinates");
            return type switch
            {
                "Polygon" => [Ring(coordinates[0])],
                "MultiPolygon" => coordinates.EnumerateArray().Select(p => Ring(p[0])).ToList(),
                _ => [],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return [];
        }
    }

    private static (double Lon, double Lat)[] Ring(JsonElement ring) =>
        ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray();

    /// <summary>Even-odd ray casting: true when the point is inside the ring.</summary>
    public static bool Contains((double Lon, double Lat)[] ring, double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    /// <summary>Metres from the point to the ring's nearest edge (local flat projection; fine at grid scale).</summary>
    public static double DistanceToEdge((double Lon, double Lat)[] ring, double lat, double lon)
    {
        var kx = MetresPerDegreeLatitude * Math.Cos(lat * Math.PI / 180);
        var best = double.MaxValue;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (ax, ay) = ((ring[j].Lon - lon) * kx, (ring[j].Lat - lat) * MetresPerDegreeLatitude);
            var (bx, by) = ((ring[i].Lon - lon) * kx, (ring[i].Lat - lat) * MetresPerDegreeLatitude);
            var (dx, dy) = (bx - ax, by - ay);
            var lengthSquared = dx * dx + dy * dy;
            var t = lengthSquared == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / lengthSquared, 0, 1);
            var (px, py) = (ax + t * dx, ay + t * dy);
            best = Math.Min(best, Math.Sqrt(px * px + py * py));
        }
        return best;
    }
}
