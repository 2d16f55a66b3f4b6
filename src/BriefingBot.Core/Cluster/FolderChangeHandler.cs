using BriefingBot.Core.Store;

namespace BriefingBot.Core.Cluster;

/// <summary>
/// Another instance reloaded the shared content folder: reload it here too. A reload already running here may have
/// read the folder before the change, so the peer's reload waits for it and runs after it.
/// </summary>
public sealed class FolderChangeHandler(ContentReloader reloader, TimeProvider timeProvider) : IContentChangeHandler
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(250);

    public ContentChange Change => ContentChange.Folder;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        while ((await reloader.ReloadAsync(cancellationToken)).Status == ReloadStatus.AlreadyRunning)
        {
            await Task.Delay(Wait, timeProvider, cancellationToken);
        }
    }
}
