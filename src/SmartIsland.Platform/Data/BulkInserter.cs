using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SmartIsland.Platform.Data;

/// <summary>
/// Inserts many new rows of one entity type with prepared multi-row INSERTs, reusing EF Core's mapping
/// (table, columns, value converters, provider parameter types) but not its change tracker, which
/// costs most of a 100,000-row import. Used only through <see cref="PlatformDbContext.BulkInsertAsync{T}"/>,
/// which keeps the tenancy and audit rules.
/// </summary>
internal sealed class BulkInserter
{
    /// <summary>
    /// Rows per statement. Microsoft.Data.Sqlite binds parameters by name, which grows with the square
    /// of their number: one row per prepared statement measured fastest (12.7 s against 23.8 s with 10
    /// rows and 72 s with 100 for the import benchmark). Npgsql binds by position, so PostgreSQL
    /// takes 100 rows per round trip.
    /// </summary>
    private readonly int rowsPerStatement;

    private readonly DbContext db;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, Func<object?, object?> ToProvider)[] columns;
    private readonly string insertInto;
    private readonly ISqlGenerationHelper sql;

    private BulkInserter(DbContext db, Type clrType)
    {
        this.db = db;
        rowsPerStatement = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? 100 : 1;
        var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        sql = db.GetService<ISqlGenerationHelper>();
        var mapped = new List<(IProperty, RelationalTypeMapping, Func<object?, object?>)>();
        var names = new List<string>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName(table) is not { } column) continue;
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var converter = property.GetValueConverter() ?? mapping.Converter;
            mapped.Add((property, mapping, converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v)));
            names.Add(sql.DelimitIdentifier(column));
        }
        columns = [.. mapped];
        insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ";
    }

    public static Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        new BulkInserter(db, typeof(T)).InsertAsync(rows, ct);

    private async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                DbCommand command;
                if (count == rowsPerStatement)
                {
                    // Full chunks reuse one prepared statement; only the last, shorter chunk gets its own.
                    full ??= await CreateAsync(count, ct);
                    command = full;
                }
                else
                {
                    command = await CreateAsync(count, ct);
                }
                try
                {
                    var p = 0;
                    for (var r = start; r < start + count; r++)
                    {
                        foreach (var (property, _, toProvider) in columns)
                            command.Parameters[p++].Value = toProvider(property.GetGetter().GetClrValue(rows[r])) ?? DBNull.Value;
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

    private async Task<DbCommand> CreateAsync(int rowCount, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var text = new System.Text.StringBuilder(insertInto);
        var p = 0;
        for (var r = 0; r < rowCount; r++)
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
}
