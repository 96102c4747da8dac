using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartIsland.Platform.Audit;

/// <summary>The hash chain over the audit log: how an entry is sealed and how the chain is checked.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Timestamps are sealed at whole milliseconds: PostgreSQL keeps microseconds and SQLite text,
    /// so a finer value would not read back the same on both and would break the chain.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public static string ComputeHash(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            Normalize(e.At).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.ZoneId?.ToString() ?? "",
            e.UserId?.ToString() ?? "",
            e.UserName ?? "",
            e.Action,
            e.EntityType,
            e.EntityId ?? "",
            e.Before ?? "",
            e.After ?? "",
            e.Reason ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Seals <paramref name="entry"/> as the successor of the entry with <paramref name="previousHash"/>.</summary>
    public static void Seal(AuditEntry entry, long sequence, string previousHash)
    {
        entry.Sequence = sequence;
        entry.At = Normalize(entry.At);
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(entry);
    }

    /// <summary>
    /// Walks entries in sequence order and names the first one that does not fit: an edited entry
    /// (its hash no longer matches its content), a deleted one (a gap in the sequence, or a
    /// successor whose previous hash points at nothing), or a reordered one.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var walk = new Walk();
        foreach (var e in entriesInOrder)
        {
            if (walk.Next(e) is { } broken) return broken;
        }
        return AuditVerification.Intact(walk.Count);
    }

    /// <summary>The same check over entries streamed from the database, one at a time.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, CancellationToken cancellationToken = default)
    {
        var walk = new Walk();
        await foreach (var e in entriesInOrder.WithCancellation(cancellationToken))
        {
            if (walk.Next(e) is { } broken) return broken;
        }
        return AuditVerification.Intact(walk.Count);
    }

    private sealed class Walk
    {
        private string expectedPrevious = Genesis;
        private long expectedSequence = 1;

        public long Count { get; private set; }

        public AuditVerification? Next(AuditEntry e)
        {
            if (e.Sequence != expectedSequence)
                return AuditVerification.Broken(Count, e.Sequence, $"entry {expectedSequence} is missing (next present is {e.Sequence})");
            if (e.PreviousHash != expectedPrevious)
                return AuditVerification.Broken(Count, e.Sequence, "previous hash does not match the entry before it");
            if (ComputeHash(e) != e.Hash)
                return AuditVerification.Broken(Count, e.Sequence, "content does not match its hash (edited)");
            expectedPrevious = e.Hash;
            expectedSequence = e.Sequence + 1;
            Count++;
            return null;
        }
    }
}

public sealed record AuditVerification(bool Valid, long EntriesChecked, long? FirstBrokenSequence, string? Reason)
{
    public static AuditVerification Intact(long count) => new(true, count, null, null);
    public static AuditVerification Broken(long count, long sequence, string reason) => new(false, count, sequence, reason);
}
