using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation.Data;

/// <summary>The module's tables (prefix <c>cul_</c>); each area configures its own entities in its own method.</summary>
internal sealed partial class CultivationModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        ConfigureTiers(modelBuilder, provider);
        ConfigureOfficers(modelBuilder, provider);
        ConfigurePerformance(modelBuilder, provider);
        ConfigurePolicies(modelBuilder, provider);
        ConfigurePortal(modelBuilder, provider);
    }

    partial void ConfigureTiers(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigureOfficers(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigurePerformance(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigurePolicies(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigurePortal(ModelBuilder modelBuilder, DatabaseProvider provider);
}
