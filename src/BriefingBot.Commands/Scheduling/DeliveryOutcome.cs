namespace BriefingBot.Commands.Scheduling;

/// <summary>The result of one try, as the ledger records it.</summary>
public sealed record DeliveryOutcome(DeliveryAttemptState State)
{
    public string? Error { get; init; }

    public DateTimeOffset? NextRetryAt { get; init; }

    /// <summary>For a delivered slot: the moment the posted digest covered articles up to.</summary>
    public DateTimeOffset? Marker { get; init; }
}
