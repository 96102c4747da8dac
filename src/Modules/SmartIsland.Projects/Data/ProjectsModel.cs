using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Data;

/// <summary>The key-project tables (prefix <c>prj_</c>); each area configures its own entities in its own method.</summary>
/// <remarks>Migrations: see <see cref="PlatformDbContext"/> (one per provider).</remarks>
internal sealed partial class ProjectsModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        ConfigureRegister(modelBuilder);
        ConfigureReports(modelBuilder);
        ConfigureLags(modelBuilder, provider);
        ConfigureReviews(modelBuilder, provider);
        ConfigureLogistics(modelBuilder, provider);
        ConfigureThreeBatches(modelBuilder);
    }

    partial void ConfigureLags(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigureReviews(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigureLogistics(ModelBuilder modelBuilder, DatabaseProvider provider);
    partial void ConfigureThreeBatches(ModelBuilder modelBuilder);

    private static void ConfigureRegister(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(p =>
        {
            p.ToTable("prj_projects");
            p.Property(x => x.Code).HasMaxLength(32);
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.Phase).HasConversion<string>().HasMaxLength(24);
            p.Property(x => x.OwnerName).HasMaxLength(200);
            p.Property(x => x.Description).HasMaxLength(2000);
            p.Property(x => x.ResponsibleLeader).HasMaxLength(64);
            p.Property(x => x.TotalInvestment).HasPrecision(14, 2);
            p.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
            p.HasIndex(x => new { x.ZoneId, x.Phase });
            p.HasIndex(x => new { x.ZoneId, x.ParkId });
            p.HasIndex(x => new { x.ZoneId, x.SourceLeadId }).IsUnique();
            p.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.YearPlans).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Investments).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectMember>(m =>
        {
            m.ToTable("prj_members");
            m.Property(x => x.DisplayName).HasMaxLength(64);
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            m.HasIndex(x => new { x.ProjectId, x.UserId }).IsUnique();
            m.HasIndex(x => new { x.ZoneId, x.UserId });
        });
        modelBuilder.Entity<Milestone>(m =>
        {
            m.ToTable("prj_milestones");
            m.Property(x => x.Name).HasMaxLength(100);
            // Covering the overdue test (planned before the day, not reached by it): the lag rule reads it for every project.
            m.HasIndex(x => new { x.ZoneId, x.PlannedOn, x.ActualOn });
        });
        modelBuilder.Entity<YearPlan>(y =>
        {
            y.ToTable("prj_year_plans");
            y.Property(x => x.PlannedInvestment).HasPrecision(14, 2);
            y.HasIndex(x => new { x.ProjectId, x.Year }).IsUnique();
        });
        modelBuilder.Entity<MonthlyInvestment>(m =>
        {
            m.ToTable("prj_monthly_investments");
            m.Property(x => x.Amount).HasPrecision(14, 2);
            m.Property(x => x.ReportedBy).HasMaxLength(64);
            m.HasIndex(x => new { x.ProjectId, x.Year, x.Month }).IsUnique();
            // The lag rule and the dashboard sum a year's investment per project for the whole zone: answered from this
            // index alone, in project order (bench "projects": 5,000 projects, 110,000 months).
            m.HasIndex(x => new { x.ZoneId, x.Year, x.ProjectId, x.Month, x.Amount });
        });
    }

    private static void ConfigureReports(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DailyReport>(r =>
        {
            r.ToTable("prj_daily_reports");
            r.Property(x => x.Text).HasMaxLength(2000);
            r.Property(x => x.AuthorName).HasMaxLength(64);
            // The timeline (one project, newest days first) and "who reported today" (one zone, one day).
            r.HasIndex(x => new { x.ProjectId, x.Day });
            r.HasIndex(x => new { x.ZoneId, x.Day, x.ProjectId });
            r.HasMany(x => x.Photos).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReportPhoto>(p =>
        {
            p.ToTable("prj_report_photos");
            p.Property(x => x.ContentType).HasMaxLength(32);
            p.HasIndex(x => x.ReportId);
        });
    }
}
