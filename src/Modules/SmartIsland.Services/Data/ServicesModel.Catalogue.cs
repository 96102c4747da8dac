using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Data;

internal sealed partial class ServicesModel
{
    partial void ConfigureCatalogue(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<ServiceItem>(i =>
        {
            i.ToTable("svc_items");
            i.Property(x => x.Code).HasMaxLength(64);
            i.Property(x => x.Name).HasMaxLength(200);
            i.Property(x => x.NameEn).HasMaxLength(300);
            i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            i.Property(x => x.DepartmentName).HasMaxLength(100);
            i.Property(x => x.LegalBasis).HasMaxLength(4000);
            i.Property(x => x.Conditions).AsJson();
            i.Property(x => x.Prohibited).AsJson();
            i.Property(x => x.Steps).AsJson();
            i.Property(x => x.FormFields).AsJson();
            i.Property(x => x.Fee).HasMaxLength(200);
            i.Property(x => x.Place).HasMaxLength(200);
            i.Property(x => x.Hours).HasMaxLength(200);
            i.Property(x => x.ContactPhone).HasMaxLength(40);
            i.Property(x => x.ComplaintPhone).HasMaxLength(40);
            i.Property(x => x.IssuesLicenceType).HasMaxLength(64);
            i.Property(x => x.DiscretionRule).HasMaxLength(64);
            i.Property(x => x.Keywords).HasMaxLength(500);
            i.Ignore(x => x.IsImmediate);
            i.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
            i.HasIndex(x => new { x.ZoneId, x.DepartmentId });
            i.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Material>(m =>
        {
            m.ToTable("svc_materials");
            m.Property(x => x.Code).HasMaxLength(32);
            m.Property(x => x.Name).HasMaxLength(200);
            m.Property(x => x.NameEn).HasMaxLength(300);
            m.Property(x => x.Description).HasMaxLength(1000);
            m.Property(x => x.LicenceTypes).AsJson();
            m.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
        });
        modelBuilder.Entity<ItemMaterial>(m =>
        {
            m.ToTable("svc_item_materials");
            m.Property(x => x.Requirement).HasConversion<string>().HasMaxLength(16);
            m.Property(x => x.Form).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.Note).HasMaxLength(500);
            m.HasOne(x => x.Material).WithMany().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => new { x.ItemId, x.MaterialId }).IsUnique();
        });
        modelBuilder.Entity<Bundle>(b =>
        {
            b.ToTable("svc_bundles");
            b.Property(x => x.Code).HasMaxLength(64);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.NameEn).HasMaxLength(300);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
            b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.BundleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BundleItem>(b =>
        {
            b.ToTable("svc_bundle_items");
            b.HasIndex(x => new { x.BundleId, x.ItemId }).IsUnique();
            b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
