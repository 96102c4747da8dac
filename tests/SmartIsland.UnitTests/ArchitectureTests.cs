using NetArchTest.Rules;
using Shouldly;

namespace SmartIsland.UnitTests;

/// <summary>Module boundaries (docs/architecture.md): a module reaches another only through its public contract.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly[] Modules =
    [
        typeof(SmartIsland.Codes.Domain.CreditCode).Assembly,
        typeof(SmartIsland.Calendar.CalendarModule).Assembly,
        typeof(SmartIsland.Organisation.OrganisationModule).Assembly,
        typeof(SmartIsland.Enterprises.EnterprisesModule).Assembly,
        typeof(SmartIsland.Access.AccessModule).Assembly,
    ];

    [Fact]
    public void The_platform_kernel_depends_on_no_module()
    {
        var result = Types.InAssembly(typeof(SmartIsland.Platform.Data.PlatformDbContext).Assembly)
            .ShouldNot().HaveDependencyOnAny("SmartIsland.Codes", "SmartIsland.Calendar", "SmartIsland.Organisation", "SmartIsland.Enterprises", "SmartIsland.Access", "SmartIsland.Host")
            .GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_module_touches_another_modules_persistence()
    {
        foreach (var module in Modules)
        {
            var own = module.GetName().Name!;
            var others = Modules.Select(m => m.GetName().Name!).Where(n => n != own).Select(n => n + ".Data").ToArray();
            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(others).GetResult();
            result.IsSuccessful.ShouldBeTrue($"{own} uses another module's Data namespace: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void No_module_depends_on_the_host()
    {
        foreach (var module in Modules)
        {
            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOn("SmartIsland.Host").GetResult();
            result.IsSuccessful.ShouldBeTrue(module.GetName().Name);
        }
    }
}
