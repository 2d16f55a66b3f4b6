namespace BriefingBot.Commands.Scheduling;

/// <summary>Where one (subscription, local date) slot stands. Only <see cref="Sending"/> and <see cref="Retrying"/> are unfinished.</summary>
public enum DeliveryAttemptState
{
    /// <summary>Claimed and handed to the transport; the outcome is not recorded yet (or the process died meanwhile).</summary>
    Sending,

    /// <summary>The last try failed transiently; another is due at the attempt's NextRetryAt.</summary>
    Retrying,

    Delivered,

    /// <summary>
    /// A send was started but never confirmed, and it is too late to resend safely (Discord's nonce dedupe has
    /// expired, or the target is a webhook, which has none). Not resent: a missing post beats a double post.
    /// </summary>
    Unknown,

    /// <summary>A permanent failure (channel gone, no permission); the subscription was disabled.</summary>
    Failed,

    /// <summary>Retries ran out before the next occurrence; the next slot carries the articles instead.</summary>
    GaveUp,
}
