using BriefingBot.Core.Store;

namespace BriefingBot.Core.Cluster;

/// <summary>Another instance reloaded the shared content folder: reload it here too.</summary>
public sealed class FolderChangeHandler(ContentReloader reloader) : IContentChangeHandler
{
    public ContentChange Change => ContentChange.Folder;

    public async Task ApplyAsync(CancellationToken cancellationToken) => await reloader.ReloadAsync(cancellationToken);
}
