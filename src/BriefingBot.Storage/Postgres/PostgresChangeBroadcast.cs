using BriefingBot.Core.Cluster;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Announces a content change to every instance on the same database with <c>pg_notify</c>. PostgreSQL delivers a
/// notification to every listening session once the sending transaction commits (here: at once), in order.
/// </summary>
public sealed partial class PostgresChangeBroadcast(PostgresDatabase database, InstanceIdentity instance, ILogger<PostgresChangeBroadcast> logger)
    : IContentChangeBroadcast
{
    public async Task PublishAsync(ContentChange change, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload);", connection);
            command.Parameters.AddWithValue("channel", ContentChangeMessage.Channel);
            command.Parameters.AddWithValue("payload", new ContentChangeMessage(change, instance.Id).Format());
            await command.ExecuteNonQueryAsync(cancellationToken);
            LogPublished(logger, change);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The change is already applied here; the others catch up when their listener reconnects or on the next change.
            LogPublishFailed(logger, ex, change);
        }
    }

    [LoggerMessage(EventId = 9210, Level = LogLevel.Information, Message = "Told the other instances: {Change} changed")]
    private static partial void LogPublished(ILogger logger, ContentChange change);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Warning, Message = "Could not tell the other instances that {Change} changed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, ContentChange change);
}
