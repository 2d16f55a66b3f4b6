
namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// A channel's daily digest: where, when, and how the last delivery went. One per channel in a guild
/// (guild 0 is the local console).
/// </summary>
public sealed record DigestSubscription(ulong GuildId, ulong ChannelId, DailyPostTime Schedule)
{
    /// <summary>Assigned by the store.</summary>
    public long Id { get; init; }

    /// <summary>A channel webhook URL to post through instead of the bot user. A secret: never shown back.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>
    /// When the subscription was added or last changed. Occurrences at or before it are not owed, so subscribing at
    /// 10:00 for 08:00 does not post at once.
    /// </summary>
    public DateTimeOffset ActiveSince { get; init; }

    /// <summary>The marker: the last delivered digest covered articles up to this moment. Null before the first post.</summary>
    public DateTimeOffset? LastPostedAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Why deliveries stopped (channel gone, no permission); null while enabled.</summary>
    public string? DisabledReason { get; init; }

    public bool Enabled => DisabledReason is null;

    /// <summary>Who added or last changed it (display name), for the list.</summary>
    public string ChangedBy { get; init; } = string.Empty;

    public DeliveryTarget Target => new(ChannelId) { WebhookUrl = WebhookUrl };
}
