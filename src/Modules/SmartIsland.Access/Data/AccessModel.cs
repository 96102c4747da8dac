using Microsoft.EntityFrameworkCore;
using SmartIsland.Access.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Access.Data;

internal sealed class AccessModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<ApiKey>(k =>
        {
            k.ToTable("access_api_keys");
            k.Property(x => x.Name).HasMaxLength(100);
            k.Property(x => x.Prefix).HasMaxLength(12);
            k.Property(x => x.KeyHash).HasMaxLength(64);
            k.Property(x => x.Roles).HasMaxLength(300);
            k.HasIndex(x => x.KeyHash).IsUnique();
        });
    }
}
