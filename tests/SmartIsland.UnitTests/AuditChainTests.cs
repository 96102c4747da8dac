using SmartIsland.Platform.Audit;
using Shouldly;

namespace SmartIsland.UnitTests;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEntry
            {
                At = new DateTimeOffset(2026, 11, 25, 8, 0, i, 123, TimeSpan.Zero).AddTicks(4567), // sub-millisecond ticks are dropped when sealed
                UserName = "leader",
                Action = AuditActions.Update,
                EntityType = "Enterprise",
                EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Before = "{\"Name\":\"旧\"}",
                After = "{\"Name\":\"新\"}",
            };
            AuditChain.Seal(e, i, previous);
            previous = e.Hash;
            entries.Add(e);
        }
        return entries;
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var result = AuditChain.Verify(Chain(5));
        result.Valid.ShouldBeTrue();
        result.EntriesChecked.ShouldBe(5);
    }

    [Fact]
    public void An_edited_entry_is_named()
    {
        var chain = Chain(5);
        chain[2].After = "{\"Name\":\"篡改\"}";
        var result = AuditChain.Verify(chain);
        result.Valid.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(3);
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_breaks_its_successor()
    {
        var chain = Chain(5);
        chain[1].Reason = "rewritten";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);
        AuditChain.Verify(chain).FirstBrokenSequence.ShouldBe(3);
    }

    [Fact]
    public void A_deleted_entry_is_named()
    {
        var chain = Chain(5);
        chain.RemoveAt(3); // sequence 4
        var result = AuditChain.Verify(chain);
        result.Valid.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(5);
    }

    [Fact]
    public void Deleting_the_first_entry_is_detected() =>
        AuditChain.Verify(Chain(3).Skip(1)).Valid.ShouldBeFalse();

    [Fact]
    public void Deleting_the_last_entries_and_renumbering_nothing_still_verifies_the_rest() =>
        // Truncating the tail cannot be seen from the chain alone; the count is compared with backups (see docs/architecture.md).
        AuditChain.Verify(Chain(5).Take(3)).Valid.ShouldBeTrue();
}
