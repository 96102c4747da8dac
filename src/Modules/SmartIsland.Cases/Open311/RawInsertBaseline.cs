using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Open311;

/// <summary>
/// The floor the Open311 intake benchmark is measured against (issue 3, Performance): the same form body
/// read, then one plain INSERT committed on its own — no validation, routing, deadlines or audit.
/// Mapped only when the bench sets <c>Bench:RawInsertBaseline=true</c>; it never exists in the normal app.
/// Writers take turns as SQLite allows one at a time (and the app's own writes take turns on the audit chain).
/// </summary>
internal static class RawInsertBaseline
{
    public const string Flag = "Bench:RawInsertBaseline";
    public const string Table = "bench_raw_requests";

    private static readonly SemaphoreSlim Writer = new(1, 1);
    private static volatile bool created;

    public static void MapIfEnabled(RouteGroupBuilder group, IConfiguration config)
    {
        if (!config.GetValue<bool>(Flag)) return;
        group.MapPost("/bench/raw-requests.json", async (HttpContext http, IDbContextFactory<PlatformDbContext> dbs, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            await using var db = await dbs.CreateDbContextAsync(ct);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            var id = Guid.NewGuid().ToString("N");
            await Writer.WaitAsync(ct);
            try
            {
                await using var command = connection.CreateCommand();
                if (!created)
                {
                    command.CommandText = $"CREATE TABLE IF NOT EXISTS {Table} (id TEXT PRIMARY KEY, service_code TEXT, description TEXT, lat TEXT, long TEXT, received_at TEXT)";
                    await command.ExecuteNonQueryAsync(ct);
                    created = true;
                }
                command.CommandText = $"INSERT INTO {Table} (id, service_code, description, lat, long, received_at) VALUES (@id, @code, @description, @lat, @long, @at)";
                Add(command, "@id", id);
                Add(command, "@code", form["service_code"].ToString());
                Add(command, "@description", form["description"].ToString());
                Add(command, "@lat", form["lat"].ToString());
                Add(command, "@long", form["long"].ToString());
                Add(command, "@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await command.ExecuteNonQueryAsync(ct); // autocommit: the row is durable when this returns
            }
            finally
            {
                Writer.Release();
            }
            return Results.Text($"[{{\"service_request_id\":\"{id}\"}}]", "application/json", statusCode: StatusCodes.Status201Created);
        }).DisableAntiforgery().ExcludeFromDescription();
    }

    private static void Add(System.Data.Common.DbCommand command, string name, string value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
