using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Reviews;

namespace SmartIsland.Projects.Data;

internal sealed partial class ProjectsModel
{
    partial void ConfigureReviews(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<ReviewRound>(r =>
        {
            r.ToTable("prj_review_rounds");
            r.Property(x => x.Title).HasMaxLength(100);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.CreatedBy).HasMaxLength(64);
            r.Property(x => x.ClosedBy).HasMaxLength(64);
            r.HasIndex(x => new { x.ZoneId, x.Year, x.Month }).IsUnique();
            r.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReviewEntry>(e =>
        {
            e.ToTable("prj_review_entries");
            e.HasIndex(x => new { x.RoundId, x.ProjectId }).IsUnique();
        });
        modelBuilder.Entity<ReviewSheet>(s =>
        {
            s.ToTable("prj_review_sheets");
            s.Ignore(x => x.Total);
            s.Property(x => x.ReviewerName).HasMaxLength(64);
            s.Property(x => x.Remark).HasMaxLength(500);
            foreach (var p in new[] { nameof(ReviewSheet.Progress), nameof(ReviewSheet.Investment), nameof(ReviewSheet.Quality), nameof(ReviewSheet.Safety) })
                s.Property(p).HasPrecision(6, 2);
            s.HasIndex(x => new { x.RoundId, x.ProjectId, x.ReviewerUserId }).IsUnique();
        });
        modelBuilder.Entity<ParkReviewSheet>(s =>
        {
            s.ToTable("prj_review_park_sheets");
            s.Ignore(x => x.Total);
            s.Property(x => x.ReviewerName).HasMaxLength(64);
            s.Property(x => x.Remark).HasMaxLength(500);
            foreach (var p in new[] { nameof(ParkReviewSheet.Planning), nameof(ParkReviewSheet.Support), nameof(ParkReviewSheet.Environment), nameof(ParkReviewSheet.Organisation) })
                s.Property(p).HasPrecision(6, 2);
            // A reviewer fills one sheet per park per round (a second save replaces it).
            s.HasIndex(x => new { x.RoundId, x.ParkId, x.ReviewerUserId }).IsUnique();
            s.HasOne<ReviewRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
