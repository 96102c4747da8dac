using Microsoft.EntityFrameworkCore;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Enterprises.Data;

internal sealed class EnterprisesModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<Enterprise>(e =>
        {
            e.ToTable("ent_enterprises");
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Name).HasMaxLength(EnterpriseFieldRules.NameMax);
            e.Property(x => x.LegalRepresentative).HasMaxLength(EnterpriseFieldRules.PersonNameMax);
            e.Property(x => x.IndustryCode).HasMaxLength(5);
            e.Property(x => x.Address).HasMaxLength(EnterpriseFieldRules.AddressMax);
            e.Property(x => x.ContactName).HasMaxLength(EnterpriseFieldRules.PersonNameMax);
            e.Property(x => x.ContactPhone).HasMaxLength(30);
            e.HasIndex(x => new { x.ZoneId, x.CreditCode }).IsUnique();
            // The list sorts by each of these within a zone (and filters by park): an index per order
            // keeps a page of 100,000 enterprises a range read instead of a sort (docs/benchmarks.md).
            e.HasIndex(x => new { x.ZoneId, x.Name });
            e.HasIndex(x => new { x.ZoneId, x.IndustryCode, x.Name });
            e.HasIndex(x => new { x.ZoneId, x.RegisteredOn, x.Name });
            e.HasIndex(x => new { x.ZoneId, x.ParkId, x.Name });
            e.HasMany(x => x.Qualifications).WithOne().HasForeignKey(q => q.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Indicators).WithOne().HasForeignKey(i => i.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Facts).WithOne().HasForeignKey(f => f.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Qualification>(q =>
        {
            q.ToTable("ent_qualifications");
            q.Property(x => x.CertificateNumber).HasMaxLength(EnterpriseFieldRules.CertificateNumberMax);
            q.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            q.HasIndex(x => new { x.EnterpriseId, x.Kind });
        });
        modelBuilder.Entity<YearlyIndicator>(i =>
        {
            i.ToTable("ent_yearly_indicators");
            i.HasIndex(x => new { x.EnterpriseId, x.Year }).IsUnique();
            foreach (var money in new[]
            {
                nameof(YearlyIndicator.Revenue), nameof(YearlyIndicator.RdExpense), nameof(YearlyIndicator.TaxPaid),
                nameof(YearlyIndicator.MainBusinessRevenue), nameof(YearlyIndicator.TotalIncome), nameof(YearlyIndicator.HighTechProductRevenue),
                nameof(YearlyIndicator.DomesticRdExpense), nameof(YearlyIndicator.TotalCost), nameof(YearlyIndicator.TotalAssets),
                nameof(YearlyIndicator.TotalLiabilities), nameof(YearlyIndicator.NetProfit), nameof(YearlyIndicator.ValueAdded),
                nameof(YearlyIndicator.EquityFinancing),
            })
                i.Property(money).HasPrecision(18, 2);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            i.Property(x => x.LandMu).HasPrecision(12, 2);
            i.Property(x => x.EnergyUseTce).HasPrecision(14, 2);
            i.Property(x => x.ReturnReason).HasMaxLength(Features.IndicatorWorkflow.ReasonMax);
        });
        modelBuilder.Entity<IndicatorCorrection>(c =>
        {
            c.ToTable("ent_indicator_corrections");
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.Reason).HasMaxLength(Features.IndicatorWorkflow.ReasonMax);
            c.Property(x => x.DecisionNote).HasMaxLength(Features.IndicatorWorkflow.ReasonMax);
            c.Property(x => x.RequestedByName).HasMaxLength(256);
            c.Property(x => x.DecidedByName).HasMaxLength(256);
            // The changed figures as JSON; a correction touches at most every figure of a year (~2 KB).
            c.Property(x => x.Changes).HasMaxLength(4000);
            c.HasIndex(x => new { x.EnterpriseId, x.Year });
            c.HasIndex(x => new { x.IndicatorId, x.Status });
            c.HasOne<YearlyIndicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QuarterlyIndicator>(q =>
        {
            q.ToTable("ent_quarterly_indicators");
            q.HasIndex(x => new { x.EnterpriseId, x.Year, x.Quarter }).IsUnique();
            foreach (var money in new[] { nameof(QuarterlyIndicator.Revenue), nameof(QuarterlyIndicator.MainBusinessRevenue), nameof(QuarterlyIndicator.TaxPaid), nameof(QuarterlyIndicator.ValueAdded), nameof(QuarterlyIndicator.RdExpense) })
                q.Property(money).HasPrecision(18, 2);
            q.Property(x => x.EnergyUseTce).HasPrecision(14, 2);
            q.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EnterpriseFact>(f =>
        {
            f.ToTable("ent_facts");
            f.Property(x => x.Key).HasMaxLength(64);
            f.Property(x => x.Value).HasMaxLength(32);
            f.Property(x => x.Evidence).HasMaxLength(500);
            f.HasIndex(x => new { x.EnterpriseId, x.Key }).IsUnique();
        });
    }
}
