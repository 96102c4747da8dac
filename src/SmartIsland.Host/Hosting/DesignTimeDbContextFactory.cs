using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Host.Hosting;

/// <summary>
/// Used only by dotnet-ef to build the model for a migration: <c>-- --provider Sqlite</c> or
/// <c>-- --provider Postgres</c> picks the provider (see the remark on <see cref="PlatformDbContext"/>).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args).Build();
        var provider = config["provider"] ?? "Sqlite";
        var settings = new PlatformSettings(
            Path.Combine(Path.GetTempPath(), "smartisland-design"),
            Enum.Parse<DatabaseProvider>(provider, ignoreCase: true),
            provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? "Host=localhost;Database=design" : "Data Source=:memory:",
            DemoData: false);
        var services = new ServiceCollection().AddModules(config, settings).BuildServiceProvider();
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        DatabaseHosting.Configure(options, settings);
        return new PlatformDbContext(options.Options, services.GetServices<IModuleModel>(), new SystemUser(), TimeProvider.System, new SmartIsland.Platform.Audit.AuditChainGate());
    }

    private sealed class SystemUser : ICurrentUser
    {
        public System.Security.Claims.ClaimsPrincipal Principal { get; } = new();
        public bool IsAuthenticated => false;
        public Guid? UserId => null;
        public string? UserName => "design-time";
        public Guid? ZoneId => null;
        public Guid? EnterpriseId => null;
        public Guid? UnitId => null;
        public bool IsInRole(string role) => false;
    }
}
