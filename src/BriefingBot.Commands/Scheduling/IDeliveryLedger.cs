using NodaTime;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// The durable record of delivery slots that makes scheduled posts exactly-once per local date (see
/// DueDigestRunner). Writes are atomic and committed before they return.
/// </summary>
public interface IDeliveryLedger
{
    Task<DeliveryAttempt?> FindAsync(long subscriptionId, LocalDate slotDate, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the slot for one try, compare-and-swap style: succeeds only if the slot still looks like
    /// <paramref name="expected"/> (null: no record yet), then records it as <see cref="DeliveryAttemptState.Sending"/>.
    /// Returns null when someone else changed it first. A new record gets <paramref name="nonce"/>; a retry keeps its own.
    /// </summary>
    Task<DeliveryAttempt?> TryStartAsync(
        long subscriptionId, LocalDate slotDate, DeliveryAttempt? expected, string nonce, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records how the try went, and in the same transaction what it means for the subscription: delivered moves its
    /// marker to <see cref="DeliveryOutcome.Marker"/> and clears its error; a failure is shown as its last error; a
    /// permanent failure disables it.
    /// </summary>
    Task<DeliveryAttempt> RecordAsync(DeliveryAttempt attempt, DeliveryOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken);
}
