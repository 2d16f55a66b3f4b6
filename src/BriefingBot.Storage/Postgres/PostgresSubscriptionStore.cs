using System.Data.Common;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Postgres;

/// <summary>Subscriptions in PostgreSQL. Each call commits before it returns, so an acknowledged change survives a crash.</summary>
public sealed class PostgresSubscriptionStore(PostgresDatabase database, TimeZoneCatalog zones, TimeProvider timeProvider)
    : SqlSubscriptionStore(new PostgresDialect(database), zones, timeProvider)
{
    // One statement, so two instances saving the same channel at once cannot both report "created": xmax is 0 only
    // on a row this statement inserted, not on one it updated.
    private protected override async Task<SubscriptionSaveResult> SaveAsync(
        DbConnection connection, DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Upsert(connection, null, subscription, now, alias: " AS s", returningAlso: ", (s.xmax = 0) AS inserted");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SubscriptionSaveResult(Read(reader), reader.GetBoolean(12));
    }
}
