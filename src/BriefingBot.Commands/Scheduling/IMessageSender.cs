using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands.Scheduling;

/// <summary>Posts a message to a channel without an interaction (scheduled digests). Discord implements it; tests fake it.</summary>
public interface IMessageSender
{
    Task<DeliveryResult> SendAsync(DeliveryTarget target, Reply message, CancellationToken cancellationToken);
}
