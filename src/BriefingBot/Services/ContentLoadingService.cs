using BriefingBot.Core.Store;
using BriefingBot.Terminal;

namespace BriefingBot.Services;

/// <summary>
/// Loads the content before any transport starts, so the first question already has articles to search.
/// Problems are logged with their file names; they never stop the bot. A load shows progress only in the console
/// (which registers <see cref="ConsoleProgress"/>): a Discord bot's standard error is a log.
/// </summary>
public sealed partial class ContentLoadingService(ContentReloader reloader, ILogger<ContentLoadingService> logger, ConsoleProgress? progress = null)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var load = reloader.ReloadAsync(cancellationToken);
        var report = progress is null ? await load : await progress.ShowWhileAsync("Loading articles…", load);
        foreach (var problem in report.Skipped)
        {
            LogSkipped(logger, problem.Source, problem.Reason);
        }

        if (report.Status == ReloadStatus.Failed)
        {
            LogNoContent(logger, report.Failure ?? "unknown reason");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Skipped {Source}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "No content loaded: {Reason}. The bot runs and /reload can load it later.")]
    private static partial void LogNoContent(ILogger logger, string reason);
}
