using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;

namespace SmartIsland.IntegrationTests;

/// <summary>Two app instances on one PostgreSQL database write at the same time and still keep one unbroken audit chain.</summary>
public sealed class TwoNodeAuditTests : IAsyncLifetime
{
    private readonly string database = "si_test_" + Guid.NewGuid().ToString("N")[..12];
    private PostgresNode? nodeA, nodeB;

    public ValueTask InitializeAsync()
    {
        nodeA = new PostgresNode(database);
        _ = nodeA.Server; // the first node migrates and seeds; the second finds it done
        nodeB = new PostgresNode(database);
        _ = nodeB.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (nodeA is not null) await nodeA.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_writes_on_two_nodes_keep_one_unbroken_audit_chain()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await nodeA!.ClientForAsync("admin");
        var b = await nodeB!.ClientForAsync("dept");
        var bAdmin = await nodeB.ClientForAsync("admin"); // signed in first: a sign-in is itself an audit entry
        var before = (await a.GetFromJsonAsync<JsonElement>("/api/audit/verify", ct)).GetProperty("entriesChecked").GetInt64();

        var writes = Enumerable.Range(0, 24).Select(async i =>
        {
            var first17 = "91410100MA" + (2_000_000 + i * 37 + Random.Shared.Next(0, 30)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var input = new EnterpriseInput { CreditCode = first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17), Name = $"双节点并发测试{i}号有限公司", IndustryCode = "C3825" };
            var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/enterprises", input, ct);
            response.EnsureSuccessStatusCode();
        });
        await Task.WhenAll(writes);

        var verify = await bAdmin.GetFromJsonAsync<JsonElement>("/api/audit/verify", ct);
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
        verify.GetProperty("entriesChecked").GetInt64().ShouldBe(before + 24);
    }
}
