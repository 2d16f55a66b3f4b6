namespace BriefingBot.Core.Cluster;

/// <summary>Applies a change another instance announced (see <see cref="IContentChangeBroadcast"/>) to this one.</summary>
public interface IContentChangeHandler
{
    ContentChange Change { get; }

    Task ApplyAsync(CancellationToken cancellationToken);
}
