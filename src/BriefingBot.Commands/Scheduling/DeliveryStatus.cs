namespace BriefingBot.Commands.Scheduling;

public enum DeliveryStatus
{
    Delivered,

    /// <summary>Worth retrying later (rate limit, Discord down, network).</summary>
    TransientFailure,

    /// <summary>Will not succeed by retrying (channel deleted, missing permission, webhook gone).</summary>
    PermanentFailure,
}
