using Microsoft.EntityFrameworkCore;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Data;

internal sealed partial class ProjectsModel
{
    partial void ConfigureThreeBatches(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ThreeBatchTarget>(t =>
        {
            t.ToTable("prj_targets");
            t.Property(x => x.Investment).HasPrecision(14, 2);
            t.HasIndex(x => new { x.ZoneId, x.Year }).IsUnique();
        });
}
