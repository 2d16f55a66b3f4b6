namespace BriefingBot.Commands.Scheduling;

/// <summary>How a push went. Permanent failures (channel gone, no access) disable a subscription; transient ones retry.</summary>
public sealed record DeliveryResult(DeliveryStatus Status, string? Detail = null)
{
    public TimeSpan? RetryAfter { get; init; }

    public static DeliveryResult Delivered { get; } = new(DeliveryStatus.Delivered);
}
