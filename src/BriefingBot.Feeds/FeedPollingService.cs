using BriefingBot.Core.Cluster;
using BriefingBot.Core.Store;
using BriefingBot.Feeds.Polling;
using BriefingBot.Feeds.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Feeds;

/// <summary>
/// The polling loop, and nothing else: wait until a feed is due (or a moderator wakes it), poll what is due, and
/// republish the snapshot when items arrived (and tell the other instances sharing the database to do the same).
/// Each tick catches and logs its failures, so the loop never stops the host.
/// </summary>
public sealed partial class FeedPollingService(
    FeedSourceManager manager,
    IFeedSourceStore sources,
    FeedPoller poller,
    ContentReloader reloader,
    PollSignal signal,
    IContentChangeBroadcast broadcast,
    TimeProvider timeProvider,
    ILogger<FeedPollingService> logger) : BackgroundService
{
    /// <summary>Looked at least this often, so a source added through the CLI (another process) is picked up.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                await manager.EnsureSettingsFeedsAsync(stoppingToken);
                var results = await poller.PollDueAsync(stoppingToken);
                if (results.Any(r => r.Added + r.Changed > 0))
                {
                    var report = await reloader.RefreshExternalAsync(stoppingToken);
                    LogPublished(logger, report.Added.Count, report.Changed.Count, report.ArticleCount);
                    await broadcast.PublishAsync(ContentChange.Feeds, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, ex);
            }

            try
            {
                var wait = await NextWaitAsync(stoppingToken);
                await Task.WhenAny(Task.Delay(wait, timeProvider, stoppingToken), wake);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogTickFailed(logger, ex);
                await Task.Delay(LongestWait, timeProvider, stoppingToken);
            }
        }
    }

    private async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var next = (await sources.ListAsync(cancellationToken))
            .Where(s => s.Enabled)
            .Select(s => s.State.RetryNotBefore is { } r && r > (s.State.NextPollAt ?? now) ? r : s.State.NextPollAt ?? now)
            .DefaultIfEmpty(now + LongestWait)
            .Min();
        var wait = next - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > LongestWait ? LongestWait : wait;
    }

    [LoggerMessage(EventId = 11030, Level = LogLevel.Information, Message = "Feed articles published: {Added} new, {Changed} changed, {Articles} articles in all")]
    private static partial void LogPublished(ILogger logger, int added, int changed, int articles);

    [LoggerMessage(EventId = 11031, Level = LogLevel.Error, Message = "Feed polling tick failed; trying again later")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
