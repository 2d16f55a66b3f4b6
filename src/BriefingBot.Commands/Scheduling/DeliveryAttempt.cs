using NodaTime;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// The durable record of one slot: a subscription's digest for one local date, at most one per pair. Its
/// <c>Nonce</c> goes with every try of the slot, so Discord can drop a repeat of a message it already accepted.
/// </summary>
public sealed record DeliveryAttempt(long Id, long SubscriptionId, LocalDate SlotDate, string Nonce, DeliveryAttemptState State, int Tries)
{
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the state last changed; for <see cref="DeliveryAttemptState.Sending"/>, when the last try began.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? NextRetryAt { get; init; }

    public string? LastError { get; init; }

    public bool Finished => State is not (DeliveryAttemptState.Sending or DeliveryAttemptState.Retrying);
}
