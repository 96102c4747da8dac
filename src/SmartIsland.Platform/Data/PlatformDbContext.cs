using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartIsland.Platform.Audit;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Platform.Data;

/// <summary>
/// The one platform database. Each module adds its own tables through <see cref="IModuleModel"/>.
/// Three things happen here so that no module can forget them:
/// every <see cref="IZoneOwned"/> row is filtered to the signed-in user's zone and stamped on insert;
/// every <see cref="IVersioned"/> row is checked for concurrent edits;
/// every write appends to the hash-chained audit log in the same transaction.
/// </summary>
/// <remarks>
/// Add a migration for both providers (from the repository root):
/// <code>
/// dotnet ef migrations add NAME --project src/SmartIsland.Migrations.Sqlite   --startup-project src/SmartIsland.Host -- --provider Sqlite
/// dotnet ef migrations add NAME --project src/SmartIsland.Migrations.Postgres --startup-project src/SmartIsland.Host -- --provider Postgres
/// </code>
/// </remarks>
public class PlatformDbContext : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>
{
    private const long AuditChainAdvisoryLockKey = 7_400_412_001;

    private static readonly HashSet<string> NeverAudited = new(StringComparer.Ordinal)
    {
        nameof(PlatformUser.PasswordHash), nameof(PlatformUser.SecurityStamp), nameof(PlatformUser.ConcurrencyStamp), "KeyHash",
    };

    private readonly IReadOnlyList<IModuleModel> modules;
    private readonly ICurrentUser currentUser;
    private readonly TimeProvider clock;
    private readonly List<AuditEntry> recordedActions = [];

    /// <summary>Serialises appends to the audit chain inside this app instance; PostgreSQL adds an advisory lock across instances.</summary>
    private readonly SemaphoreSlim auditChainLock;

    public PlatformDbContext(DbContextOptions<PlatformDbContext> options, IEnumerable<IModuleModel> modules, ICurrentUser currentUser, TimeProvider clock, AuditChainGate gate)
        : base(options)
    {
        auditChainLock = gate.Semaphore;
        this.modules = modules.ToList();
        this.currentUser = currentUser;
        this.clock = clock;
        Provider = options.Extensions.Any(e => e.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal))
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;
        CurrentZoneId = currentUser.ZoneId;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The zone every query is filtered to; referenced by the query filters, so EF reads it per query.</summary>
    public Guid? CurrentZoneId { get; private set; }

    /// <summary>
    /// True only in system work (seeding, the CLI) after <see cref="UseAllZones"/>: writes may then touch
    /// any zone. Reads across zones use <c>IgnoreQueryFilters()</c> explicitly.
    /// </summary>
    public bool AllZones { get; private set; }

    /// <summary>The reason recorded with the next save's audit entries, where the action takes one.</summary>
    public string? AuditReason { get; set; }

    /// <summary>Allows writes in any zone. For system work only; never call it on a user's behalf.</summary>
    public PlatformDbContext UseAllZones()
    {
        AllZones = true;
        return this;
    }

    /// <summary>Acts inside one zone without a signed-in user (seeding, jobs).</summary>
    public PlatformDbContext UseZone(Guid zoneId)
    {
        CurrentZoneId = zoneId;
        AllZones = false;
        return this;
    }

    /// <summary>Records an action that changes no row (a login, an export, a verification) in the audit log at the next save.</summary>
    public void RecordAction(string action, string entityType, string? entityId, string? reason = null, object? details = null, PlatformUser? actor = null)
    {
        recordedActions.Add(new AuditEntry
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Reason = reason,
            After = details is null ? null : JsonSerializer.Serialize(details, AuditJson),
            // A sign-in happens before the request has a user: the account is named explicitly.
            UserId = actor?.Id,
            UserName = actor?.UserName,
        });
    }

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>True while this context holds the audit-chain lock for a transaction of several saves.</summary>
    private bool holdsChainLock;

    /// <summary>
    /// A transaction spanning several saves (a bulk import). It holds the audit-chain lock from start
    /// to commit, so other writers wait before touching the database instead of holding the lock while
    /// waiting for this transaction's database lock (which would deadlock on SQLite).
    /// </summary>
    public async Task<AuditedTransaction> BeginAuditedTransactionAsync(CancellationToken cancellationToken = default)
    {
        await auditChainLock.WaitAsync(cancellationToken);
        try
        {
            var transaction = await Database.BeginTransactionAsync(cancellationToken);
            holdsChainLock = true;
            return new AuditedTransaction(transaction, () =>
            {
                holdsChainLock = false;
                auditChainLock.Release();
            });
        }
        catch
        {
            auditChainLock.Release();
            throw;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // SQLite cannot compare or sort DateTimeOffset or decimal in SQL; store them as sortable numbers.
            // Money keeps 15 significant digits this way, enough for yuan amounts with fen (ADR 0002).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SortableDateTimeOffsetConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        }
        else
        {
            // timestamptz takes UTC only: any offset a module computes in (deadlines are in +08:00) is stored as UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    /// <summary>
    /// EF's binary form of a DateTimeOffset sorts by local clock ticks, so 10:00+08:00 would sort after
    /// 03:00+00:00 although it is the earlier instant. Normalising to UTC before encoding makes every stored
    /// value, and every query parameter, comparable; rows written before still decode (the format is the same).
    /// </summary>
    private sealed class SortableDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, long>(v => ToBinary(v), v => FromBinary(v))
    {
        private static readonly DateTimeOffsetToBinaryConverter Binary = new();

        private static long ToBinary(DateTimeOffset value) => (long)Binary.ConvertToProvider(value.ToUniversalTime())!;

        private static DateTimeOffset FromBinary(long value) => (DateTimeOffset)Binary.ConvertFromProvider(value)!;
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PlatformUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(64);
            u.Property(x => x.Culture).HasMaxLength(10);
            u.HasIndex(x => x.ZoneId);
        });

        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("platform_audit_log");
            a.HasKey(x => x.Sequence);
            a.Property(x => x.Sequence).ValueGeneratedNever();
            a.Property(x => x.Action).HasMaxLength(64);
            a.Property(x => x.EntityType).HasMaxLength(128);
            a.Property(x => x.EntityId).HasMaxLength(128);
            a.Property(x => x.UserName).HasMaxLength(256);
            a.Property(x => x.Reason).HasMaxLength(1000);
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.Property(x => x.Hash).HasMaxLength(64);
            a.HasIndex(x => new { x.ZoneId, x.Sequence });
            a.HasIndex(x => new { x.EntityType, x.EntityId });
            a.HasQueryFilter(x => x.ZoneId == CurrentZoneId);
        });

        foreach (var module in modules)
        {
            module.Configure(builder, Provider);
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            if (typeof(IZoneOwned).IsAssignableFrom(entity.ClrType))
            {
                ApplyZoneFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
                builder.Entity(entity.ClrType).HasIndex(nameof(IZoneOwned.ZoneId));
            }
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    private static readonly System.Reflection.MethodInfo ApplyZoneFilterMethod =
        typeof(PlatformDbContext).GetMethod(nameof(ApplyZoneFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private void ApplyZoneFilter<T>(ModelBuilder builder) where T : class, IZoneOwned
    {
        // A plain equality, so the (ZoneId, …) indexes serve every query; system reads across zones
        // say so with IgnoreQueryFilters() at the call site instead of a flag inside the filter.
        Expression<Func<T, bool>> filter = e => e.ZoneId == CurrentZoneId;
        builder.Entity<T>().HasQueryFilter(filter);
    }

    /// <summary>
    /// Inserts many new rows at once — for bulk imports — with the same rules as <see cref="SaveChangesAsync(bool, CancellationToken)"/>:
    /// zone stamped and checked, one audit entry per row (Create, all values after) sealed into the chain.
    /// Must run inside <see cref="BeginAuditedTransactionAsync"/>; tracked changes are not saved by it.
    /// </summary>
    public async Task BulkInsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        if (!holdsChainLock) throw new InvalidOperationException("BulkInsertAsync runs inside BeginAuditedTransactionAsync.");
        if (rows.Count == 0) return;
        var entityType = Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var properties = entityType.GetProperties().Where(p => !NeverAudited.Contains(p.Name)).ToList();
        var key = entityType.FindPrimaryKey()!.Properties;
        var now = clock.GetUtcNow();
        var audit = new List<AuditEntry>(rows.Count);
        foreach (var row in rows)
        {
            if (row is IZoneOwned owned) CheckZone(owned, isNew: true);
            audit.Add(NewAuditEntry(now, row, AuditActions.Create, typeof(T).Name,
                string.Join(",", key.Select(p => p.GetGetter().GetClrValue(row)?.ToString())),
                before: null, after: Json(properties.ToDictionary(p => p.Name, p => Audited(p, p.GetGetter().GetClrValue(row))))));
        }
        await SealAsync(audit, cancellationToken);
        await BulkInserter.InsertAsync(this, rows, cancellationToken);
        await BulkInserter.InsertAsync(this, audit, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Rows added through a navigation (case.Pauses.Add(…)) are only found by DetectChanges: find them
        // now, so they are stamped with their zone and audited like rows added with db.Add.
        ChangeTracker.DetectChanges();
        StampZonesAndVersions();
        var entries = CollectAuditEntries();
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var lockedHere = !holdsChainLock;
        if (lockedHere) await auditChainLock.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                await SealAsync(entries, cancellationToken);
                AuditLog.AddRange(entries);
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
                recordedActions.Clear();
                AuditReason = null;
                return written;
            }
            catch
            {
                // The sealed entries were never committed: take them back so a retry seals them afresh.
                foreach (var entry in entries)
                {
                    Entry(entry).State = EntityState.Detached;
                }
                throw;
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            if (lockedHere) auditChainLock.Release();
        }
    }

    /// <summary>
    /// Chains <paramref name="entries"/> after the newest entry. Callers hold the in-process chain lock;
    /// on PostgreSQL an advisory lock held to the end of the transaction keeps other nodes out too.
    /// </summary>
    private async Task SealAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainAdvisoryLockKey})", cancellationToken);
        }
        var last = await AuditLog.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        foreach (var entry in entries)
        {
            AuditChain.Seal(entry, ++sequence, previous);
            previous = entry.Hash;
        }
    }

    /// <summary>A new row gets the current zone; no row of another zone is written outside system work.</summary>
    private void CheckZone(IZoneOwned owned, bool isNew)
    {
        if (!isNew && owned.ZoneId == Guid.Empty)
        {
            // EF takes a new row with a preset key, found through a navigation (x.Children.Add(new …)),
            // for an existing row to update. A programming error: say so instead of writing it.
            throw new InvalidOperationException($"A new {owned.GetType().Name} was added through a navigation property and would be updated, not inserted: add it with db.Add(…).");
        }
        if (isNew && owned.ZoneId == Guid.Empty)
        {
            owned.ZoneId = CurrentZoneId ?? throw new ForbiddenException("tenancy", "A zone-owned row cannot be written without a zone.");
        }
        if (!AllZones && owned.ZoneId != CurrentZoneId)
        {
            throw new ForbiddenException("tenancy", $"A row of another zone cannot be written ({owned.GetType().Name}).");
        }
    }

    private AuditEntry NewAuditEntry(DateTimeOffset now, object entity, string action, string entityType, string? entityId, string? before, string? after) => new()
    {
        At = now,
        ZoneId = ZoneOf(entity),
        UserId = currentUser.UserId,
        UserName = ActingUserName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Before = before,
        After = after,
        Reason = AuditReason,
    };

    /// <summary>
    /// The zone whose audit log shows a change: the row's own zone; for an account (not zone-filtered,
    /// and often changed before anyone is signed in: failed sign-ins, lockouts) the account's zone.
    /// </summary>
    private Guid? ZoneOf(object entity) => entity switch
    {
        IZoneOwned z => z.ZoneId,
        PlatformUser u => u.ZoneId,
        IdentityUserRole<Guid> r => ChangeTracker.Entries<PlatformUser>().FirstOrDefault(e => e.Entity.Id == r.UserId)?.Entity.ZoneId
                                    ?? Set<PlatformUser>().Where(u => u.Id == r.UserId).Select(u => (Guid?)u.ZoneId).FirstOrDefault()
                                    ?? CurrentZoneId,
        _ => CurrentZoneId,
    };

    private string? ActingUserName => currentUser.UserName ?? (AllZones ? "system" : null);

    private void StampZonesAndVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IZoneOwned owned && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                CheckZone(owned, isNew: entry.State == EntityState.Added);
            }
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }
        }
    }

    private List<AuditEntry> CollectAuditEntries()
    {
        var now = clock.GetUtcNow();
        var result = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var (before, after) = Snapshot(entry);
            if (entry.State == EntityState.Modified && before is null) continue; // nothing audited changed
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            result.Add(NewAuditEntry(now, entry.Entity, action, entry.Metadata.ClrType.Name, KeyOf(entry), before, after));
        }
        foreach (var action in recordedActions)
        {
            action.At = now;
            action.ZoneId ??= CurrentZoneId;
            action.UserId ??= currentUser.UserId;
            action.UserName ??= ActingUserName;
            action.Reason ??= AuditReason;
            result.Add(action);
        }
        return result;
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static (string? Before, string? After) Snapshot(EntityEntry entry)
    {
        var props = entry.Properties.Where(p => !NeverAudited.Contains(p.Metadata.Name)).ToList();
        switch (entry.State)
        {
            case EntityState.Added:
                return (null, Json(props.ToDictionary(p => p.Metadata.Name, p => Audited(p.Metadata, p.CurrentValue))));
            case EntityState.Deleted:
                return (Json(props.ToDictionary(p => p.Metadata.Name, p => Audited(p.Metadata, p.OriginalValue))), null);
            default:
                var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0 || changed.All(p => p.Metadata.Name == nameof(IVersioned.Version))) return (null, null);
                return (Json(changed.ToDictionary(p => p.Metadata.Name, p => Audited(p.Metadata, p.OriginalValue))),
                        Json(changed.ToDictionary(p => p.Metadata.Name, p => Audited(p.Metadata, p.CurrentValue))));
        }
    }

    /// <summary>
    /// What the log keeps of a value: personal data only as "set" (it must stay erasable), binary content
    /// (a photo) as its length and SHA-256 (evidence of what was stored, without the bytes), the rest as is.
    /// </summary>
    private static object? Audited(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property, object? value) => value switch
    {
        null => null,
        _ when property.PropertyInfo?.IsDefined(typeof(SmartIsland.Platform.Security.PersonalDataAttribute), inherit: false) == true => "⟨personal data⟩",
        byte[] bytes => $"⟨{bytes.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}⟩",
        _ => value,
    };

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, AuditJson);
}
