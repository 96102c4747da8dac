using Microsoft.EntityFrameworkCore;

namespace SmartIsland.Platform.Data;

/// <summary>Tells a unique-index violation from other database failures, on both providers.</summary>
public static class DatabaseErrors
{
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        // PostgreSQL: SQLSTATE 23505 unique_violation (Npgsql's PostgresException.SqlState).
        { } inner when inner.GetType().GetProperty("SqlState")?.GetValue(inner) is "23505" => true,
        // SQLite: SQLITE_CONSTRAINT (19) with a UNIQUE message.
        { } inner when inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal) => true,
        _ => false,
    };
}
