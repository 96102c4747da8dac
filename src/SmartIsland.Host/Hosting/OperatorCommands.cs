using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Audit;
using SmartIsland.Platform.Data;

namespace SmartIsland.Host.Hosting;

/// <summary>
/// Commands for operators, run as <c>SmartIsland.Host migrate</c> or <c>SmartIsland.Host verify-audit</c>
/// (see README): they use the same settings as the web host and exit without serving.
/// </summary>
public static class OperatorCommands
{
    public static readonly string[] Names = ["migrate", "verify-audit"];

    public static async Task<int> RunAsync(string command, IServiceProvider services, PlatformSettings settings)
    {
        switch (command)
        {
            case "migrate":
                await DatabaseHosting.MigrateAndSeedAsync(services, settings);
                Console.WriteLine($"migrate: database is up to date ({settings.Provider}).");
                return 0;
            case "verify-audit":
                var result = await VerifyAuditChainAsync(services);
                Console.WriteLine(result.Valid
                    ? $"verify-audit: intact, {result.EntriesChecked} entries checked."
                    : $"verify-audit: BROKEN at entry {result.FirstBrokenSequence}: {result.Reason} ({result.EntriesChecked} entries intact before it).");
                return result.Valid ? 0 : 1;
            default:
                Console.Error.WriteLine($"unknown command '{command}'; known: {string.Join(", ", Names)}");
                return 2;
        }
    }

    /// <summary>Checks the whole chain, across zones, streaming entries in sequence order.</summary>
    public static async Task<AuditVerification> VerifyAuditChainAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(ct);
        return await AuditChain.VerifyAsync(db.AuditLog.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct);
    }
}
