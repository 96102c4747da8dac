using Microsoft.EntityFrameworkCore;
using SmartIsland.Cultivation.Policies;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation.Data;

internal sealed partial class CultivationModel
{
    partial void ConfigurePolicies(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Policy>(p =>
        {
            p.ToTable("cul_policies");
            p.Property(x => x.Slug).HasMaxLength(PolicyRules.SlugMax);
            p.Property(x => x.Title).HasMaxLength(PolicyRules.TitleMax);
            p.Property(x => x.TitleEn).HasMaxLength(PolicyRules.TitleMax);
            p.Property(x => x.IssuingDepartment).HasMaxLength(PolicyRules.TitleMax);
            p.Property(x => x.Document).HasMaxLength(PolicyRules.DocumentMax);
            p.Property(x => x.AmountFormula).HasMaxLength(PolicyRules.FormulaMax);
            p.Property(x => x.Note).HasMaxLength(PolicyRules.NoteMax);
            p.Property(x => x.Budget).HasPrecision(18, 2);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            p.HasIndex(x => new { x.ZoneId, x.Slug }).IsUnique();
            p.HasIndex(x => new { x.ZoneId, x.Status, x.Year });
        });
        modelBuilder.Entity<PolicyEntitlement>(e =>
        {
            e.ToTable("cul_policy_entitlements");
            e.Property(x => x.EnterpriseName).HasMaxLength(200);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.VoucherNumber).HasMaxLength(64);
            e.Property(x => x.PaidReason).HasMaxLength(PolicyRules.NoteMax);
            e.Property(x => x.RejectReason).HasMaxLength(PolicyRules.NoteMax);
            e.Property(x => x.ConfirmNote).HasMaxLength(PolicyRules.NoteMax);
            e.Property(x => x.Missing).HasMaxLength(2000);
            foreach (var money in new[] { nameof(PolicyEntitlement.ComputedAmount), nameof(PolicyEntitlement.ConfirmedAmount), nameof(PolicyEntitlement.PaidAmount) })
                e.Property(money).HasPrecision(18, 2);
            // 免申即享 never pays twice: one entitlement per enterprise and policy, whatever the runs.
            e.HasIndex(x => new { x.ZoneId, x.PolicyId, x.EnterpriseId }).IsUnique();
            e.HasIndex(x => new { x.ZoneId, x.EnterpriseId });
            e.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
