namespace SmartIsland.Platform.Audit;

/// <summary>
/// Lets one writer at a time append to the audit chain within this app instance (a DI singleton, so
/// two hosts in one test process behave like two nodes). Across instances PostgreSQL's advisory lock
/// does the same; SQLite is single-node.
/// </summary>
public sealed class AuditChainGate : IDisposable
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}
