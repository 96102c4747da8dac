using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;

namespace SmartIsland.Licences.Data;

/// <summary>The licence tables (prefix <c>lic_</c>).</summary>
internal sealed class LicencesModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
    }
}
