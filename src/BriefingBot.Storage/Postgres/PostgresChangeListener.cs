using System.Threading.Channels;
using BriefingBot.Core.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Hears the changes other instances announce (<see cref="PostgresChangeBroadcast"/>) on a connection of its own and
/// applies them here. Changes that arrive together are applied once each. Notifications sent while the connection was
/// down are lost, so after a reconnect every kind of change is applied once to catch up.
/// </summary>
public sealed partial class PostgresChangeListener(
    PostgresDatabase database,
    InstanceIdentity instance,
    IEnumerable<IContentChangeHandler> handlers,
    TimeProvider timeProvider,
    ILogger<PostgresChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private readonly Channel<ContentChange> _pending = Channel.CreateUnbounded<ContentChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IReadOnlyList<IContentChangeHandler> _handlers = handlers.ToArray();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before announcing).</summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), ApplyAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await database.EnsureCreatedAsync(stoppingToken);

                // Its own unpooled connection: a pooled one would be reset (UNLISTEN) whenever it went back to the pool.
                var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 15 };
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ContentChangeMessage.Channel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (connectedBefore)
                {
                    LogCatchingUp(logger);
                    foreach (var change in Enum.GetValues<ContentChange>())
                    {
                        _pending.Writer.TryWrite(change);
                    }
                }

                connectedBefore = true;
                retry = FirstRetry;
                _listening.TrySetResult();
                LogListening(logger, database.Description);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(logger, ex, retry);
                try
                {
                    await Task.Delay(retry, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = retry * 2 > LongestRetry ? LongestRetry : retry * 2;
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (ContentChangeMessage.Parse(payload) is not { } message)
        {
            LogUnreadable(logger, payload);
            return;
        }

        if (message.Sender != instance.Id)
        {
            _pending.Writer.TryWrite(message.Change);
        }
    }

    private async Task ApplyAsync(CancellationToken stoppingToken)
    {
        var due = new HashSet<ContentChange>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_pending.Reader.TryRead(out var change))
                {
                    due.Add(change);
                }

                foreach (var change in due)
                {
                    await ApplyAsync(change, stoppingToken);
                }

                due.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(ContentChange change, CancellationToken stoppingToken)
    {
        foreach (var handler in _handlers.Where(h => h.Change == change))
        {
            try
            {
                await handler.ApplyAsync(stoppingToken);
                LogApplied(logger, change);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogApplyFailed(logger, ex, change);
            }
        }
    }

    [LoggerMessage(EventId = 9200, Level = LogLevel.Information, Message = "Listening for other instances' changes on {Database}")]
    private static partial void LogListening(ILogger logger, string database);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Lost the connection that hears other instances' changes; reconnecting in {Retry}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, TimeSpan retry);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Reconnected: applying every kind of change once, in case one was announced meanwhile")]
    private static partial void LogCatchingUp(ILogger logger);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "Applied a change from another instance: {Change}")]
    private static partial void LogApplied(ILogger logger, ContentChange change);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Error, Message = "Applying a change from another instance failed: {Change}")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, ContentChange change);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Warning, Message = "Ignored an unreadable change notification: {Payload}")]
    private static partial void LogUnreadable(ILogger logger, string payload);
}
