using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;

namespace SmartIsland.Cases.Features;

/// <summary>Where a new case goes, and why (the reason is written on the timeline, in the zone's working language).</summary>
public sealed record RoutingDecision(Guid? UnitId, Guid? GridId, bool UnitNeedsConfirmation, bool NotifyChiefServiceOfficer, string Why);

/// <summary>
/// Routing, in this order: an enterprise's request goes to the enterprise's park (and its chief service
/// officer hears of it); otherwise the category's unit; otherwise the grid whose polygon holds the point;
/// otherwise the zone's intake desk (no unit). The grid is recorded whatever decides the unit, and a
/// unit chosen by a point near a grid edge is to be confirmed by the handler.
/// </summary>
public sealed class CaseRouter(IOrganisationDirectory organisation, IEnterpriseDirectory enterprises)
{
    public async Task<RoutingDecision> RouteAsync(Guid zoneId, Guid? categoryUnitId, string? categoryName, double? latitude, double? longitude, Guid? enterpriseId, CancellationToken ct)
    {
        var grid = latitude is { } lat && longitude is { } lon ? await organisation.LocateAsync(zoneId, lat, lon, ct) : null;
        var nearEdge = grid?.NearBoundary ?? false;
        if (enterpriseId is { } e && await enterprises.FindAsync(e, ct) is { ZoneId: var z, ParkId: { } park } enterprise && z == zoneId)
            return new RoutingDecision(park, grid?.GridId, false, true, $"企业（{enterprise.Name}）诉求 → 所在园区");
        if (categoryUnitId is { } unit)
            return new RoutingDecision(unit, grid?.GridId, false, enterpriseId is not null, $"类别（{categoryName}）→ 对口承办单位");
        if (grid is not null)
            return new RoutingDecision(grid.GridId, grid.GridId, nearEdge, enterpriseId is not null, $"位置在{grid.GridName}内" + (nearEdge ? $"（距网格边界约 {grid.MetresToEdge:0} 米，请承办单位确认）" : ""));
        return new RoutingDecision(null, null, false, enterpriseId is not null, "无匹配规则 → 受理中心分派");
    }
}
