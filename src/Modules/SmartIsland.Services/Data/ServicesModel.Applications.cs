using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Data;

internal sealed partial class ServicesModel
{
    partial void ConfigureApplications(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Application>(a =>
        {
            a.ToTable("svc_applications");
            a.Property(x => x.Number).HasMaxLength(32);
            a.Property(x => x.ItemCode).HasMaxLength(64);
            a.Property(x => x.ItemName).HasMaxLength(200);
            a.Property(x => x.DepartmentName).HasMaxLength(100);
            a.Property(x => x.ApplicantKind).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.ApplicantKey).HasMaxLength(32);
            a.Property(x => x.ApplicantName).HasMaxLength(200);
            a.Property(x => x.ContactName).HasMaxLength(64);
            a.Property(x => x.ContactPhone).HasMaxLength(32);
            a.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.RefusalRule).HasMaxLength(16);
            a.Property(x => x.RefusalText).HasMaxLength(1000);
            a.Property(x => x.DecisionNote).HasMaxLength(2000);
            a.Property(x => x.DeferredCaseCode).HasMaxLength(32);
            a.Property(x => x.LicenceNumber).HasMaxLength(40);
            a.HasIndex(x => x.Number).IsUnique();
            a.HasIndex(x => new { x.ZoneId, x.Stage, x.SubmittedAt });
            a.HasIndex(x => new { x.ZoneId, x.DepartmentId, x.SubmittedAt });
            a.HasIndex(x => new { x.ZoneId, x.EnterpriseId, x.SubmittedAt });
            a.HasIndex(x => x.BundleApplicationId);
            a.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            a.HasMany(x => x.Materials).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            a.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ApplicationMaterial>(m =>
        {
            m.ToTable("svc_application_materials");
            m.Property(x => x.MaterialCode).HasMaxLength(32);
            m.Property(x => x.MaterialName).HasMaxLength(200);
            m.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            m.Property(x => x.LicenceNumber).HasMaxLength(40);
            m.Property(x => x.LicenceSource).HasMaxLength(64);
            m.Property(x => x.FileName).HasMaxLength(200);
            m.Property(x => x.ContentType).HasMaxLength(64);
            m.Property(x => x.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<StoredFile>(f => f.ToTable("svc_files"));
        modelBuilder.Entity<ApplicationEvent>(e =>
        {
            e.ToTable("svc_application_events");
            e.Property(x => x.ActorName).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.ApplicationId, x.At });
        });
        modelBuilder.Entity<ApplicationNotice>(n =>
        {
            n.ToTable("svc_notices");
            n.Property(x => x.ApplicationNumber).HasMaxLength(32);
            n.Property(x => x.Text).HasMaxLength(1000);
            n.HasIndex(x => new { x.ZoneId, x.EnterpriseId, x.At });
            n.HasIndex(x => new { x.ZoneId, x.RecipientUserId, x.At });
        });
        modelBuilder.Entity<BundleApplication>(b =>
        {
            b.ToTable("svc_bundle_applications");
            b.Property(x => x.Number).HasMaxLength(32);
            b.Property(x => x.BundleName).HasMaxLength(200);
            b.Property(x => x.ApplicantKey).HasMaxLength(32);
            b.Property(x => x.ApplicantName).HasMaxLength(200);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.ZoneId, x.EnterpriseId, x.SubmittedAt });
        });
    }
}
