using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Postgres;

/// <summary>The audit log in PostgreSQL: append-only, read newest first.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : SqlAuditLog(new PostgresDialect(database));
