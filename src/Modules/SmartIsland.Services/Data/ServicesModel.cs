using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;

namespace SmartIsland.Services.Data;

/// <summary>The module's tables (prefix <c>svc_</c>); each area configures its own entities in its own method.</summary>
internal sealed partial class ServicesModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        ConfigureCatalogue(modelBuilder, provider);
        ConfigureApplications(modelBuilder, provider);
        ConfigureDiscretion(modelBuilder, provider);
    }

    partial void ConfigureCatalogue(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigureApplications(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigureDiscretion(ModelBuilder modelBuilder, DatabaseProvider provider);
}
