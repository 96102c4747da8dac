using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Discretion;

namespace SmartIsland.Services.Data;

internal sealed partial class ServicesModel
{
    partial void ConfigureDiscretion(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Violation>(v =>
        {
            v.ToTable("svc_violations");
            v.Property(x => x.Number).HasMaxLength(32);
            v.Property(x => x.ItemCode).HasMaxLength(64);
            v.Property(x => x.ItemName).HasMaxLength(200);
            v.Property(x => x.RuleCode).HasMaxLength(64);
            v.Property(x => x.Plate).HasMaxLength(16);
            v.Property(x => x.PlateKey).HasMaxLength(16);
            v.Property(x => x.Place).HasMaxLength(200);
            v.Property(x => x.Note).HasMaxLength(1000);
            v.Property(x => x.OfficerName).HasMaxLength(64);
            v.Property(x => x.Cycle).HasMaxLength(8);
            v.Property(x => x.PlatformDecision).HasConversion<string>().HasMaxLength(16);
            v.Property(x => x.FinalDecision).HasConversion<string>().HasMaxLength(16);
            v.Property(x => x.PlatformFine).HasPrecision(12, 2);
            v.Property(x => x.FinalFine).HasPrecision(12, 2);
            v.Property(x => x.PlatformReason).HasMaxLength(500);
            v.Property(x => x.OverriddenByName).HasMaxLength(64);
            v.Property(x => x.OverrideReason).HasMaxLength(1000);
            v.Property(x => x.ExemptionKey).HasMaxLength(100);
            v.HasIndex(x => x.Number).IsUnique();
            // The vehicle's record in a cycle: what every decision reads.
            v.HasIndex(x => new { x.ZoneId, x.RuleCode, x.PlateKey, x.Cycle });
            v.HasIndex(x => new { x.ZoneId, x.RecordedAt });
            // One exemption per vehicle and cycle, even when two officers record at the same moment (nulls repeat freely).
            v.HasIndex(x => new { x.ZoneId, x.ExemptionKey }).IsUnique();
            v.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
