using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// Thin loop: deliver what is due, sleep on the injected clock until the next due time (at most the poll interval,
/// so new subscriptions are noticed), repeat. All decisions live in <see cref="DueDigestRunner"/>.
/// </summary>
public sealed partial class ScheduledDigestService(
    DueDigestRunner scheduler,
    IOptions<ScheduledDigestOptions> options,
    TimeProvider timeProvider,
    ILogger<ScheduledDigestService> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wake;
            try
            {
                wake = await scheduler.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // An escaped exception would stop the host; a broken database is logged and tried again.
                LogTickFailed(logger, ex);
                wake = timeProvider.GetUtcNow() + options.Value.PollInterval;
            }

            var delay = wake - timeProvider.GetUtcNow();
            delay = delay < MinimumSleep ? MinimumSleep : delay > options.Value.PollInterval ? options.Value.PollInterval : delay;
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Error, Message = "Digest scheduler tick failed; trying again shortly")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
