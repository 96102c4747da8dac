using Microsoft.EntityFrameworkCore;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Organisation.Data;

internal sealed class OrganisationModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Zone>(z =>
        {
            z.ToTable("org_zones");
            z.Property(x => x.Name).HasMaxLength(100);
            z.Property(x => x.ShortName).HasMaxLength(50);
            z.Property(x => x.DivisionCode).HasMaxLength(6);
            z.Property(x => x.Hotline).HasMaxLength(30);
            z.HasIndex(x => x.DivisionCode).IsUnique();
        });
        modelBuilder.Entity<Department>(d =>
        {
            d.ToTable("org_departments");
            d.Property(x => x.Name).HasMaxLength(100);
            d.HasIndex(x => new { x.ZoneId, x.Name }).IsUnique();
        });
        modelBuilder.Entity<Park>(p =>
        {
            p.ToTable("org_parks");
            p.Property(x => x.Name).HasMaxLength(100);
            p.HasIndex(x => new { x.ZoneId, x.Name }).IsUnique();
        });
        modelBuilder.Entity<Area>(a =>
        {
            a.ToTable("org_areas");
            a.Property(x => x.Name).HasMaxLength(100);
            a.HasOne<Area>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Grid>(g =>
        {
            g.ToTable("org_grids");
            g.Property(x => x.Name).HasMaxLength(100);
            g.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Person>(p =>
        {
            p.ToTable("org_people");
            p.Property(x => x.Name).HasMaxLength(64);
            p.Property(x => x.Phone).HasMaxLength(20);
            p.Property(x => x.Title).HasMaxLength(64);
        });
    }
}
