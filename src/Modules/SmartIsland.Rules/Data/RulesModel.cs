using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;

namespace SmartIsland.Rules.Data;

internal sealed class RulesModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<RuleSetRecord>(r =>
        {
            r.ToTable("rul_rule_sets");
            r.Property(x => x.Code).HasMaxLength(64);
            r.Property(x => x.SetVersion).HasMaxLength(32);
            r.HasIndex(x => new { x.ZoneId, x.Code, x.SetVersion }).IsUnique();
        });
    }
}
