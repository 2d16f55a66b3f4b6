namespace BriefingBot.Commands.Scheduling;

/// <summary>Where a pushed message goes: a channel through the bot user, or a channel webhook when one is set.</summary>
public sealed record DeliveryTarget(ulong ChannelId)
{
    /// <summary>A channel webhook URL (a secret); when set, delivery goes through it instead of the bot user.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>
    /// Identifies one logical message across retries (at most 25 characters). Bot-user senders should pass it as
    /// Create Message's <c>nonce</c> with <c>enforce_nonce: true</c>, so Discord drops a repeat it accepted in the
    /// last few minutes. Webhooks have no nonce, so the scheduler never resends an unconfirmed webhook post.
    /// </summary>
    public string? Nonce { get; init; }
}
