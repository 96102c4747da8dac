using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Data;

/// <summary>Every zone gets the four built-in case types, with the default deadline policy, once.</summary>
internal sealed class CasesSeeder(IZoneList zones) : IModuleSeeder
{
    public int Order => 110; // after the demo zones exist

    internal static readonly (string Code, CaseKind Kind, string Name, string NameEn)[] BuiltIn =
    [
        ("request", CaseKind.Request, "诉求", "Request"),
        ("hazard", CaseKind.Hazard, "隐患", "Hazard"),
        ("inspection-finding", CaseKind.InspectionFinding, "点位问题", "Inspection finding"),
        ("supervision-task", CaseKind.SupervisionTask, "督办事项", "Supervision task"),
    ];

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        var policy = JsonSerializer.Serialize(DeadlinePolicyData.From(DeadlinePolicy.RequestDefault), CaseJson.Options);
        foreach (var zoneId in await zones.ZoneIdsAsync(cancellationToken))
        {
            db.UseZone(zoneId);
            var existing = await db.Set<CaseType>().Select(t => t.Code).ToListAsync(cancellationToken);
            foreach (var t in BuiltIn.Where(t => !existing.Contains(t.Code)))
            {
                db.Add(new CaseType { Code = t.Code, Kind = t.Kind, Name = t.Name, NameEn = t.NameEn, PolicyJson = policy });
            }
            db.AuditReason = "built-in case types";
            await db.SaveChangesAsync(cancellationToken);
        }
        db.UseAllZones();
    }
}

/// <summary>Which zones exist: given by the host (the organisation module owns zones).</summary>
public interface IZoneList
{
    Task<IReadOnlyList<Guid>> ZoneIdsAsync(CancellationToken cancellationToken);

    /// <summary>The zone a public page serves, by its GB/T 2260 division code; null when there is none.</summary>
    Task<Guid?> FindAsync(string divisionCode, CancellationToken cancellationToken);
}

internal static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
