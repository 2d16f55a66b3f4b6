using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Delivery slots in PostgreSQL, safe with several bot processes on one database: a claim locks the slot's row
/// (<c>FOR UPDATE</c>) before comparing it, and the first claim of a slot is an insert that does nothing on conflict.
/// </summary>
public sealed class PostgresDeliveryLedger(PostgresDatabase database) : SqlDeliveryLedger(new PostgresDialect(database));
