using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Data;

/// <summary>
/// Every zone gets the four built-in case types once, with the default deadline policy, their form fields
/// and their categories routed to the zone's departments by name (a zone without such a department
/// leaves the category with the intake desk). Existing types keep what an administrator changed.
/// </summary>
internal sealed class CasesSeeder(IZoneList zones, IOrganisationDirectory organisation) : IModuleSeeder
{
    public int Order => 110; // after the demo zones exist

    internal static readonly (string Code, CaseKind Kind, string Name, string NameEn, bool Public)[] BuiltIn =
    [
        ("request", CaseKind.Request, "诉求", "Request", true),
        ("hazard", CaseKind.Hazard, "隐患", "Hazard", true),
        ("inspection-finding", CaseKind.InspectionFinding, "点位问题", "Inspection finding", false),
        ("supervision-task", CaseKind.SupervisionTask, "督办事项", "Supervision task", false),
        ("deferred-materials", CaseKind.FollowUp, "容缺补齐", "Deferred materials", false),
        ("project-problem", CaseKind.FollowUp, "项目问题", "Project problem", false),
    ];

    /// <summary>Categories per type: code, names, and the department that handles them.</summary>
    internal static readonly Dictionary<string, (string Code, string Name, string NameEn, string? Department)[]> Categories = new()
    {
        ["request"] =
        [
            ("street-light", "路灯不亮", "Street light out", "城市管理和综合执法局"),
            ("road", "道路破损", "Damaged road", "城乡建设和生态环境局"),
            ("sanitation", "环境卫生", "Litter and sanitation", "城市管理和综合执法局"),
            ("noise", "噪声扰民", "Noise", "城乡建设和生态环境局"),
            ("enterprise-service", "企业诉求", "Enterprise request", "行政服务中心"),
            ("other", "其他", "Other", null),
        ],
        ["hazard"] =
        [
            ("fire", "消防安全", "Fire safety", "消防救援大队"),
            ("electrical", "用电安全", "Electrical safety", "应急管理局"),
            ("chemicals", "危险化学品", "Hazardous chemicals", "应急管理局"),
            ("special-equipment", "特种设备", "Special equipment", "应急管理局"),
            ("other", "其他", "Other", "应急管理局"),
        ],
        ["inspection-finding"] = [("point", "点位问题", "Point finding", "城市管理和综合执法局")],
        ["supervision-task"] = [("task", "督办事项", "Supervision task", null)],
        ["deferred-materials"] = [("materials", "待补材料", "Materials to supply", null)],
        ["project-problem"] = [("coordination", "协调解决", "Coordination", null)],
    };

    /// <summary>The request form: one field of each of the six Open311 datatypes, plus an informational line.</summary>
    internal static readonly FormField[] RequestFields =
    [
        new("category", FormFieldType.SingleValueList, true, "问题类别", "Category", 1),
        new("noticed_at", FormFieldType.Datetime, false, "发现时间", "When did you notice it?", 2),
        new("pole_number", FormFieldType.String, false, "路灯杆号或门牌号（如有）", "Lamp post or house number, if any", 3),
        new("count", FormFieldType.Number, false, "涉及数量（盏、处）", "How many (lights, places)?", 4),
        new("affected", FormFieldType.MultiValueList, false, "影响对象", "Who is affected?", 5,
        [
            new("pedestrians", "行人", "Pedestrians"),
            new("vehicles", "车辆", "Vehicles"),
            new("residents", "居民", "Residents"),
            new("enterprises", "企业", "Enterprises"),
        ]),
        new("details", FormFieldType.Text, false, "补充说明", "Anything else the handler should know", 6),
        new("emergency_note", FormFieldType.String, false, "紧急情况请直接拨打 110 / 119", "In an emergency call 110 / 119", 7, Variable: false),
    ];

    internal static readonly FormField[] HazardFields =
    [
        new("category", FormFieldType.SingleValueList, true, "隐患类别", "Category", 1),
        new("details", FormFieldType.Text, false, "补充说明", "Anything else the handler should know", 2),
    ];

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        var policy = JsonSerializer.Serialize(DeadlinePolicyData.From(DeadlinePolicy.RequestDefault), CaseJson.Options);
        foreach (var zoneId in await zones.ZoneIdsAsync(cancellationToken))
        {
            db.UseZone(zoneId);
            var departments = (await organisation.UnitsAsync(zoneId, cancellationToken)).Where(u => u.Kind == UnitKind.Department).ToList();
            var existing = await db.Set<CaseType>().ToListAsync(cancellationToken);
            var categorised = await db.Set<CaseCategory>().Select(c => c.CaseTypeId).Distinct().ToListAsync(cancellationToken);
            foreach (var t in BuiltIn)
            {
                var fields = t.Code switch { "request" => RequestFields, "hazard" => HazardFields, _ => [] };
                var type = existing.FirstOrDefault(e => e.Code == t.Code);
                if (type is null)
                {
                    type = new CaseType { Code = t.Code, Kind = t.Kind, Name = t.Name, NameEn = t.NameEn, Public = t.Public, PolicyJson = policy, Workflow = t.Kind == CaseKind.SupervisionTask ? "supervision" : "default" };
                    db.Add(type);
                }
                // A type made before form fields and categories existed gets the built-in ones once.
                if (type.FormFieldsJson is "" or "[]" && fields.Length > 0)
                {
                    type.FormFieldsJson = JsonSerializer.Serialize(fields, CaseJson.Options);
                    type.Public = t.Public;
                }
                if (categorised.Contains(type.Id)) continue;
                var order = 0;
                foreach (var c in Categories[t.Code])
                {
                    db.Add(new CaseCategory
                    {
                        ZoneId = zoneId, CaseTypeId = type.Id, Code = c.Code, Name = c.Name, NameEn = c.NameEn, SortOrder = order++,
                        RouteToUnitId = departments.FirstOrDefault(d => d.Name == c.Department)?.Id,
                    });
                }
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
