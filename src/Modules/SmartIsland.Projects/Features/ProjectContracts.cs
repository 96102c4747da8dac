using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Features;

/// <summary>
/// What other modules may ask of the key-project register: open a project (招商: a signed lead becomes a project in one
/// step) and find projects by id. Everything else about projects is this module's own business.
/// </summary>
public interface IProjectRegistry
{
    /// <summary>Opens a project in phase Signed; validated like any new project (400 naming the field), audited.</summary>
    Task<ProjectRef> CreateAsync(NewProject project, CancellationToken ct = default);

    /// <summary>Projects of the current zone by id (unknown ids are left out).</summary>
    Task<IReadOnlyList<ProjectRef>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
}

/// <summary>
/// A new key project. Investment in 万元. <see cref="SourceLeadId"/> keeps where it came from (招商线索), so the
/// project page can show the lead's history. <see cref="ResponsibleLeaderUserId"/> names the 分包领导's account (a zone
/// leader or department staff of the zone); its display name then replaces <see cref="ResponsibleLeader"/>.
/// </summary>
public sealed record NewProject(
    string Name, ProjectLevel Level, ProjectCategory Category, Guid? ParkId, Guid? OwnerEnterpriseId, string? OwnerName,
    decimal TotalInvestment, DateOnly SignedOn, string? ResponsibleLeader, string? Description, Guid? SourceLeadId = null,
    Guid? ResponsibleLeaderUserId = null);

public sealed record ProjectRef(Guid Id, string Code, string Name, ProjectPhase Phase, Guid? SourceLeadId);
