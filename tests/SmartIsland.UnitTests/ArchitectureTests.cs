using NetArchTest.Rules;
using Shouldly;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.UnitTests;

/// <summary>
/// Module boundaries (docs/architecture.md): a module owns its tables, and another module reaches them
/// only through its public contract — never through its entity types (which would let it query or write
/// those tables via the shared context). Project references already stop modules from depending on the
/// host or the kernel on a module (a cycle would not build), so only this rule needs a test.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly[] Modules =
    [
        typeof(SmartIsland.Codes.Domain.CreditCode).Assembly,
        typeof(SmartIsland.Calendar.CalendarModule).Assembly,
        typeof(SmartIsland.Organisation.OrganisationModule).Assembly,
        typeof(SmartIsland.Enterprises.EnterprisesModule).Assembly,
        typeof(SmartIsland.Access.AccessModule).Assembly,
        typeof(SmartIsland.Cases.Domain.CaseWorkflow).Assembly,
        typeof(SmartIsland.Rules.RulesModule).Assembly,
        typeof(SmartIsland.Cultivation.CultivationModule).Assembly,
        typeof(SmartIsland.Scoring.ScoringModule).Assembly,
        typeof(SmartIsland.Licences.LicencesModule).Assembly,
        typeof(SmartIsland.Projects.ProjectsModule).Assembly,
        typeof(SmartIsland.Investment.InvestmentModule).Assembly,
        typeof(SmartIsland.Services.ServicesModule).Assembly,
    ];

    /// <summary>A module's persisted entities: its zone-owned or versioned rows, and the zone itself.</summary>
    private static string[] EntitiesOf(System.Reflection.Assembly module) =>
        module.GetTypes()
            .Where(t => t.IsClass && (typeof(IZoneOwned).IsAssignableFrom(t) || typeof(IVersioned).IsAssignableFrom(t) || t == typeof(SmartIsland.Organisation.Domain.Zone)))
            .Select(t => t.FullName!)
            .ToArray();

    [Fact]
    public void Every_module_with_tables_is_seen_by_this_test() =>
        Modules.Count(m => EntitiesOf(m).Length > 0).ShouldBe(12); // Calendar, Organisation, Enterprises, Access, Cases, Rules, Cultivation, Scoring, Licences, Services, Projects, Investment

    [Fact]
    public void No_module_uses_another_modules_entities()
    {
        foreach (var owner in Modules)
        {
            var entities = EntitiesOf(owner);
            if (entities.Length == 0) continue;
            foreach (var other in Modules.Where(m => m != owner))
            {
                var result = Types.InAssembly(other).ShouldNot().HaveDependencyOnAny(entities).GetResult();
                result.IsSuccessful.ShouldBeTrue(
                    $"{other.GetName().Name} uses entities of {owner.GetName().Name}: {string.Join(", ", result.FailingTypeNames ?? [])}; use its public contract instead");
            }
        }
    }
}
