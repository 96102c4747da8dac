using Microsoft.EntityFrameworkCore.Storage;

namespace SmartIsland.Platform.Data;

/// <summary>A database transaction that also holds the audit-chain lock until it is committed or disposed.</summary>
public sealed class AuditedTransaction(IDbContextTransaction transaction, Action release) : IAsyncDisposable
{
    private bool released;

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (!released)
        {
            released = true;
            release();
        }
    }
}
