using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Data;

/// <summary>Supervision: reminders for missing daily reports and the problems raised for lagging projects.</summary>
internal sealed partial class ProjectsModel
{
    partial void ConfigureLags(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<ReportReminder>(r =>
        {
            r.ToTable("prj_reminders");
            r.HasIndex(x => new { x.ProjectId, x.Day, x.UserId }).IsUnique(); // once per member and day
            r.HasIndex(x => new { x.ZoneId, x.UserId, x.Day });
            r.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectProblem>(p =>
        {
            p.ToTable("prj_problems");
            p.Property(x => x.TrackingCode).HasMaxLength(32);
            p.Property(x => x.Description).HasMaxLength(2000);
            p.Property(x => x.RaisedBy).HasMaxLength(64);
            p.HasIndex(x => x.ProjectId);
            p.HasIndex(x => x.CaseId).IsUnique();
            p.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
