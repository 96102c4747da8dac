using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Logistics;

namespace SmartIsland.Projects.Data;

internal sealed partial class ProjectsModel
{
    partial void ConfigureLogistics(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Carrier>(c =>
        {
            c.ToTable("prj_carriers");
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.CreditCode).HasMaxLength(18);
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.Liaison).HasMaxLength(64);
            c.HasIndex(x => new { x.ZoneId, x.EnterpriseId }).IsUnique();
        });
        modelBuilder.Entity<Vehicle>(v =>
        {
            v.ToTable("prj_vehicles");
            v.Property(x => x.Plate).HasMaxLength(10);
            v.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            v.Property(x => x.Emission).HasConversion<string>().HasMaxLength(16);
            v.Property(x => x.RatedLoad).HasPrecision(6, 2);
            v.Property(x => x.PassNumber).HasMaxLength(64);
            v.HasIndex(x => new { x.ZoneId, x.Plate }).IsUnique();
            v.HasIndex(x => x.CarrierId);
        });
        modelBuilder.Entity<Driver>(d =>
        {
            d.ToTable("prj_drivers");
            d.Property(x => x.Name).HasMaxLength(64);
            d.Property(x => x.IdNumber).HasMaxLength(18);
            d.Property(x => x.Phone).HasMaxLength(20);
            d.Property(x => x.LicenceClass).HasMaxLength(8);
            d.HasIndex(x => x.CarrierId);
        });
        modelBuilder.Entity<TransportDemand>(t =>
        {
            t.ToTable("prj_transport_demands");
            t.Property(x => x.Title).HasMaxLength(100);
            t.Property(x => x.Cargo).HasMaxLength(100);
            t.Property(x => x.Route).HasMaxLength(200);
            t.Property(x => x.PeakTag).HasMaxLength(32);
            t.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.StatusNote).HasMaxLength(200);
            t.HasIndex(x => new { x.ZoneId, x.From, x.To });
        });
    }
}
