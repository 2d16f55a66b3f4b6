using System.Threading.Channels;
using BriefingBot.Commands.Auditing;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Options;
using Microsoft.Extensions.Options;

namespace BriefingBot.Services;

/// <summary>
/// When <c>Content:WatchForChanges</c> is on, reloads the content folder after its files change and then stay quiet
/// for <c>Content:WatchDebounce</c>; logs the outcome and audits it as the "file watcher" user.
/// </summary>
public sealed partial class ContentWatcherService(
    ContentReloader reloader,
    IAuditLog audit,
    IOptions<ContentOptions> content,
    IOptions<ContentWatchOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentWatcherService> logger) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Notes that something in the folder changed. Many calls in a burst cause one reload.</summary>
    public void NotifyChanged() => _changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchForChanges)
        {
            return;
        }

        using var watcher = new FileSystemWatcher(content.Value.Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => NotifyChanged();
        watcher.Created += changed;
        watcher.Changed += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => NotifyChanged();
        watcher.Error += (_, e) =>
        {
            // The OS buffer overflowed: some events were lost, so reload to be sure.
            LogWatcherError(logger, e.GetException());
            NotifyChanged();
        };
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, content.Value.Folder, options.Value.WatchDebounce);

        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>The debounce loop, separate from the OS watcher so tests can drive it with <see cref="NotifyChanged"/>.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _changes.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            reader.TryRead(out _);

            // Wait for a quiet period: any change during the wait starts it again.
            do
            {
                await Task.Delay(options.Value.WatchDebounce, timeProvider, cancellationToken);
            }
            while (reader.TryRead(out _));

            try
            {
                var report = await reloader.ReloadAsync(cancellationToken);
                if (report.Status == ReloadStatus.AlreadyRunning)
                {
                    // A moderator's reload may have read the folder before these changes: go again after it.
                    NotifyChanged();
                }

                LogReloaded(logger, report.Status, report.ArticleCount, report.Failure);
                await audit.RecordAsync(ReloadAudit.Entry(report, timeProvider.GetUtcNow(), null, 0, AuditUsers.FileWatcher), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReloadFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 4140, Level = LogLevel.Information, Message = "Watching {Folder} for changes (reload after {Debounce} of quiet)")]
    private static partial void LogWatching(ILogger logger, string folder, TimeSpan debounce);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Information, Message = "Content changed on disk; reload {Status}: {Articles} articles {Failure}")]
    private static partial void LogReloaded(ILogger logger, ReloadStatus status, int articles, string? failure);

    [LoggerMessage(EventId = 4142, Level = LogLevel.Error, Message = "Automatic reload after a content change failed")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4143, Level = LogLevel.Warning, Message = "Content folder watcher error; reloading to be safe")]
    private static partial void LogWatcherError(ILogger logger, Exception exception);
}
