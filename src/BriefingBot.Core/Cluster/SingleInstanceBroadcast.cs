namespace BriefingBot.Core.Cluster;

/// <summary>The broadcast of an instance whose state no other instance shares (SQLite, or no storage at all).</summary>
public sealed class SingleInstanceBroadcast : IContentChangeBroadcast
{
    public Task PublishAsync(ContentChange change, CancellationToken cancellationToken) => Task.CompletedTask;
}
