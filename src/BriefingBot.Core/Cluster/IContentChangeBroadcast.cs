namespace BriefingBot.Core.Cluster;

/// <summary>
/// Tells the other instances of the bot that share this one's state that content changed, so a moderator's
/// <c>/reload</c> or <c>/sources</c> change on any instance reaches all of them. A single instance has no one to tell.
/// </summary>
public interface IContentChangeBroadcast
{
    /// <summary>Best effort: a failure is logged by the implementation, never thrown at the moderator's command.</summary>
    Task PublishAsync(ContentChange change, CancellationToken cancellationToken);
}
