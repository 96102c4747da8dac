using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// Writes what a screening produces — a zone's standings (500,000 rows for 100,000 enterprises × 5 sets), new pool
/// entries and their history — with prepared INSERTs inside the caller's transaction, using EF's mapping (columns,
/// converters) but not its change tracker, which would cost most of the time. These rows are not audited one by
/// one: the run's single "Screen" audit entry records what was written, and the pool history is itself the
/// record of each move (with the run that caused it).
/// </summary>
internal static class RowWriter
{
    /// <summary>
    /// Rows per statement: SQLite binds parameters by name (cost grows with their square), one row per reused
    /// prepared statement is fastest there (the platform's BulkInserter measured it); Npgsql binds by position, so
    /// PostgreSQL takes 500 rows (at most 8,000 parameters here, well under its 65,535) per round trip.
    /// </summary>
    private static int RowsPerStatement(PlatformDbContext db) => db.Provider == DatabaseProvider.Postgres ? 500 : 1;

    public static async Task InsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Select(p =>
        {
            var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
            var converter = p.GetValueConverter() ?? mapping.Converter;
            Func<object?, object?> toProvider = converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v);
            return (Getter: p.GetGetter(), Mapping: mapping, ToProvider: toProvider, Name: sql.DelimitIdentifier(p.GetColumnName(table)!));
        }).ToArray();
        var insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ";
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Screening rows are written inside a transaction.");
        var per = RowsPerStatement(db);

        async Task<DbCommand> CreateAsync(int count)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var text = new System.Text.StringBuilder(insertInto);
            var p = 0;
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "p" + p++;
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.PrepareAsync(ct);
            return command;
        }

        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += per)
            {
                var count = Math.Min(per, rows.Count - start);
                var command = count == per ? full ??= await CreateAsync(count) : await CreateAsync(count);
                try
                {
                    var p = 0;
                    for (var r = start; r < start + count; r++)
                    {
                        foreach (var column in columns)
                            command.Parameters[p++].Value = column.ToProvider(column.Getter.GetClrValue(rows[r])) ?? DBNull.Value;
                    }
                    await command.ExecuteNonQueryAsync(ct);
                }
                finally
                {
                    if (command != full) await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }
}
