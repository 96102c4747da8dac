using Microsoft.EntityFrameworkCore;
using SmartIsland.Investment.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Investment.Data;

/// <summary>The investment-promotion tables (prefix <c>inv_</c>).</summary>
/// <remarks>Migrations: see <see cref="PlatformDbContext"/> (one per provider).</remarks>
internal sealed class InvestmentModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Lead>(l =>
        {
            l.ToTable("inv_leads");
            l.Property(x => x.Code).HasMaxLength(32);
            l.Property(x => x.InvestorName).HasMaxLength(200);
            l.Property(x => x.ProjectName).HasMaxLength(200);
            l.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            l.Property(x => x.SourceEnterpriseName).HasMaxLength(200);
            l.Property(x => x.ChainDirection).HasConversion<string>().HasMaxLength(16);
            l.Property(x => x.SourceNote).HasMaxLength(500);
            l.Property(x => x.IndustryCode).HasMaxLength(8);
            l.Property(x => x.IntendedAmount).HasPrecision(14, 2);
            l.Property(x => x.NeedKind).HasConversion<string>().HasMaxLength(8);
            l.Property(x => x.NeedArea).HasPrecision(12, 2);
            l.Property(x => x.ContactName).HasMaxLength(64);
            l.Property(x => x.ContactPhone).HasMaxLength(32);
            l.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
            l.Property(x => x.DroppedReason).HasMaxLength(500);
            l.Property(x => x.OwnerName).HasMaxLength(64);
            l.Property(x => x.NextAction).HasMaxLength(200);
            l.Property(x => x.ProjectCode).HasMaxLength(32);
            l.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
            l.HasIndex(x => new { x.ZoneId, x.Stage });
            l.HasIndex(x => new { x.ZoneId, x.OwnerUserId });
            l.HasIndex(x => new { x.ZoneId, x.SourceEnterpriseId });
            l.HasMany(x => x.History).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LeadEvent>(e =>
        {
            e.ToTable("inv_lead_events");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.ActorName).HasMaxLength(64);
            e.HasIndex(x => new { x.LeadId, x.At });
        });
        modelBuilder.Entity<IdleSite>(s =>
        {
            s.ToTable("inv_idle_sites");
            s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.Area).HasPrecision(12, 2);
            s.Property(x => x.Location).HasMaxLength(200);
            s.Property(x => x.OwnerName).HasMaxLength(200);
            s.Property(x => x.Price).HasPrecision(12, 2);
            s.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            s.Property(x => x.IndustryCode).HasMaxLength(8);
            s.Property(x => x.Note).HasMaxLength(500);
            s.HasIndex(x => new { x.ZoneId, x.Kind, x.Status });
        });
        modelBuilder.Entity<ParkIndustries>(p =>
        {
            p.ToTable("inv_park_industries");
            p.Property(x => x.Divisions).HasMaxLength(200);
            p.Ignore(x => x.DivisionList);
            p.HasIndex(x => new { x.ZoneId, x.ParkId }).IsUnique();
        });
        modelBuilder.Entity<AgencyTask>(t =>
        {
            t.ToTable("inv_agency_tasks");
            t.Property(x => x.Title).HasMaxLength(200);
            t.Property(x => x.OwnerName).HasMaxLength(64);
            t.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.Note).HasMaxLength(500);
            t.HasIndex(x => new { x.ZoneId, x.LeadId });
            t.HasIndex(x => new { x.ZoneId, x.ProjectId });
            t.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
