using System.Data.Common;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Sqlite;

/// <summary>Subscriptions in SQLite. Each call commits before it returns, so an acknowledged change survives a crash.</summary>
public sealed class SqliteSubscriptionStore(SqliteDatabase database, TimeZoneCatalog zones, TimeProvider timeProvider)
    : SqlSubscriptionStore(new SqliteDialect(database), zones, timeProvider)
{
    // SQLite cannot say whether an upsert inserted; the write-locked transaction makes "look, then upsert" atomic.
    private protected override async Task<SubscriptionSaveResult> SaveAsync(
        DbConnection connection, DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await FindAsync(connection, transaction, subscription.GuildId, subscription.ChannelId, cancellationToken);
        DigestSubscription saved;
        await using (var command = Upsert(connection, transaction, subscription, now))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            saved = Read(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SubscriptionSaveResult(saved, existing is null);
    }
}
