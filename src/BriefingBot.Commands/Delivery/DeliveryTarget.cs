namespace BriefingBot.Commands.Delivery;

/// <summary>Where a pushed message goes: a channel through the bot user, or a channel webhook when one is set.</summary>
public sealed record DeliveryTarget(ulong ChannelId)
{
    /// <summary>A channel webhook URL (a secret); when set, delivery goes through it instead of the bot user.</summary>
    public string? WebhookUrl { get; init; }
}
