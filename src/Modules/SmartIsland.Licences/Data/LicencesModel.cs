using Microsoft.EntityFrameworkCore;
using SmartIsland.Licences.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Licences.Data;

/// <summary>The licence tables (prefix <c>lic_</c>).</summary>
/// <remarks>Migrations: see <see cref="PlatformDbContext"/> (one per provider).</remarks>
internal sealed class LicencesModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<LicenceType>(t =>
        {
            t.ToTable("lic_licence_types");
            t.Property(x => x.Code).HasMaxLength(64);
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.NameEn).HasMaxLength(200);
            t.Property(x => x.IssuingBody).HasMaxLength(100);
            t.Property(x => x.SourceSystem).HasMaxLength(64);
            t.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
        });

        modelBuilder.Entity<Licence>(l =>
        {
            l.ToTable("lic_licences");
            l.Property(x => x.TypeCode).HasMaxLength(64);
            l.Property(x => x.Number).HasMaxLength(64);
            l.Property(x => x.HolderKind).HasConversion<string>().HasMaxLength(16);
            l.Property(x => x.HolderKey).HasMaxLength(32);
            l.Property(x => x.HolderName).HasMaxLength(200);
            l.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            l.Property(x => x.RevokedReason).HasMaxLength(500);
            l.Property(x => x.IssuedFor).HasMaxLength(100);
            l.Property(x => x.SourceSystem).HasMaxLength(64);
            l.HasIndex(x => x.Number).IsUnique();
            l.HasIndex(x => new { x.ZoneId, x.HolderKey, x.TypeCode });
            // One certificate per purpose (an application's number); licences without one (mirrors) are not limited.
            l.HasIndex(x => new { x.ZoneId, x.TypeCode, x.IssuedFor }).IsUnique();
        });
    }
}
