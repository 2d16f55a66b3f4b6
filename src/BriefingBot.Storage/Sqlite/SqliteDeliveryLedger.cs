using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Delivery slots in SQLite. Claims run in an immediate (write-locked) transaction, so two schedulers over one file
/// cannot both claim a slot; outcomes update the slot and its subscription in one transaction.
/// </summary>
public sealed class SqliteDeliveryLedger(SqliteDatabase database) : SqlDeliveryLedger(new SqliteDialect(database));
