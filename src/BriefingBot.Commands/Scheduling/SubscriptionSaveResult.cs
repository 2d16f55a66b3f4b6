namespace BriefingBot.Commands.Scheduling;

/// <summary>What saving a subscription did: <see cref="Created"/> is false when an existing one was updated.</summary>
public sealed record SubscriptionSaveResult(DigestSubscription Subscription, bool Created);
