using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Sqlite;

/// <summary>The audit log in SQLite: append-only, read newest first.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : SqlAuditLog(new SqliteDialect(database));
