using System.Security.Cryptography;
using BriefingBot.Commands.Auditing;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// Decides which digests are owed and delivers them, once per subscription per local date. The hosted service only
/// calls <see cref="RunDueAsync"/> and sleeps until the time it returns.
/// </summary>
/// <remarks>
/// Exactly-once design. A subscription owes the slot of its latest occurrence at or before now (so after downtime
/// covering several days only one missed digest is posted, not one per day), provided that occurrence is after the
/// moment the subscription was added or changed. The slot (subscription, local date) is claimed durably in the
/// ledger as "Sending" BEFORE the transport is called, and the outcome is recorded after, so:
/// <list type="bullet">
/// <item>a finished slot (delivered, failed, unknown, gave up) is never sent again, whatever restarts happen;</item>
/// <item>a transient failure is recorded with a retry time (exponential backoff, capped) and retried until the next
/// occurrence, always with the slot's nonce;</item>
/// <item>a slot found "Sending" for less than <see cref="ScheduledDigestOptions.ClaimTimeout"/> is another instance's
/// send in progress (instances sharing a database see each other's claims) and is left to it;</item>
/// <item>a slot still "Sending" after that means a process died mid-send and Discord may or may not have
/// accepted the message. Within <see cref="ScheduledDigestOptions.NonceWindow"/> it is resent with the same nonce, which
/// Discord (enforce_nonce) turns into a no-op if the first send landed. After that, or for webhooks (no nonce), the
/// slot is marked Unknown and NOT resent: the trade-off is a possible missed digest instead of a possible double post.
/// The marker is not advanced for Unknown, so the next digest still covers those articles.</item>
/// </list>
/// </remarks>
public sealed partial class DueDigestRunner(
    ISubscriptionStore subscriptions,
    IDeliveryLedger ledger,
    DigestDelivery delivery,
    IAuditLog audit,
    IOptions<ScheduledDigestOptions> options,
    TimeProvider timeProvider,
    ILogger<DueDigestRunner> logger,
    BotMetrics? metrics = null)
{
    public const string AuditUser = "scheduler";

    /// <summary>Delivers every digest that is due now; returns when something may next be due.</summary>
    public async Task<DateTimeOffset> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var wake = now + options.Value.PollInterval;
        foreach (var subscription in await subscriptions.ListEnabledAsync(cancellationToken))
        {
            try
            {
                var next = await ProcessAsync(subscription, now, cancellationToken);
                wake = next < wake ? next : wake;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // One broken subscription must not stop the others; it is looked at again on the next tick.
                LogSubscriptionFailed(logger, ex, subscription.Id, subscription.ChannelId);
            }
        }

        return wake;
    }

    private async Task<DateTimeOffset> ProcessAsync(DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = subscription.Schedule;
        var instant = Instant.FromDateTimeOffset(now);
        var nextOccurrence = schedule.NextOccurrenceAfter(instant).ToDateTimeOffset();
        var slot = schedule.LatestOccurrenceAtOrBefore(instant);
        if (slot.ToInstant() <= Instant.FromDateTimeOffset(subscription.ActiveSince))
        {
            return nextOccurrence;
        }

        var attempt = await ledger.FindAsync(subscription.Id, slot.Date, cancellationToken);
        switch (attempt)
        {
            case null:
                break;
            case { Finished: true }:
                return nextOccurrence;
            case { State: DeliveryAttemptState.Retrying, NextRetryAt: { } retryAt } when retryAt > now:
                return retryAt < nextOccurrence ? retryAt : nextOccurrence;
            case { State: DeliveryAttemptState.Sending } when now - attempt.UpdatedAt < options.Value.ClaimTimeout:
                var claimEnds = attempt.UpdatedAt + options.Value.ClaimTimeout;
                return claimEnds < nextOccurrence ? claimEnds : nextOccurrence;
            case { State: DeliveryAttemptState.Sending } when !SafeToResend(subscription, attempt, now):
                LogOutcomeUnknown(logger, subscription.Id, subscription.ChannelId, slot.Date);
                await ledger.RecordAsync(attempt, new DeliveryOutcome(DeliveryAttemptState.Unknown)
                {
                    Error = "a send was interrupted (restart) and could not be confirmed; not resent to avoid a double post",
                }, now, cancellationToken);
                return nextOccurrence;
        }

        return await DeliverAsync(subscription, slot.Date, attempt, now, nextOccurrence, cancellationToken);
    }

    private bool SafeToResend(DigestSubscription subscription, DeliveryAttempt attempt, DateTimeOffset now) =>
        subscription.WebhookUrl is null && now - attempt.UpdatedAt <= options.Value.NonceWindow;

    private async Task<DateTimeOffset> DeliverAsync(
        DigestSubscription subscription, LocalDate slotDate, DeliveryAttempt? expected, DateTimeOffset now, DateTimeOffset nextOccurrence, CancellationToken cancellationToken)
    {
        var post = delivery.Compose(subscription, now);
        if (!post.Ready)
        {
            // Nothing claimed: the slot stays owed and is looked at again on the next tick.
            LogNotReady(logger, subscription.Id, post.NotReadyReason!);
            return now + options.Value.PollInterval;
        }

        var started = await ledger.TryStartAsync(subscription.Id, slotDate, expected, NewNonce(), now, cancellationToken);
        if (started is null)
        {
            return now + options.Value.PollInterval; // someone else moved the slot on; look again later
        }

        LogClaimed(logger, slotDate, subscription.Id, subscription.ChannelId, started.Tries);

        var result = await delivery.SendAsync(subscription, post, started.Nonce, cancellationToken);
        var finishedAt = timeProvider.GetUtcNow();
        metrics?.Digest(posted: result.Status == DeliveryStatus.Delivered);
        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                await ledger.RecordAsync(started, new DeliveryOutcome(DeliveryAttemptState.Delivered) { Marker = post.Marker }, finishedAt, cancellationToken);
                LogDelivered(logger, subscription.Id, subscription.ChannelId, slotDate, started.Tries);
                return nextOccurrence;

            case DeliveryStatus.PermanentFailure:
                var reason = result.Detail ?? "the channel cannot be posted to";
                await ledger.RecordAsync(started, new DeliveryOutcome(DeliveryAttemptState.Failed) { Error = reason }, finishedAt, cancellationToken);
                await audit.RecordAsync(new AuditEntry(finishedAt, subscription.GuildId, 0, AuditUser, "digest-schedule disable",
                    $"#{subscription.ChannelId}", "disabled: " + reason), cancellationToken);
                LogDisabled(logger, subscription.Id, subscription.ChannelId, reason);
                return nextOccurrence;

            default:
                var error = result.Detail ?? "delivery failed";
                var retryAt = finishedAt + RetryDelay(started.Tries, result.RetryAfter);
                if (retryAt >= nextOccurrence)
                {
                    await ledger.RecordAsync(started, new DeliveryOutcome(DeliveryAttemptState.GaveUp) { Error = error }, finishedAt, cancellationToken);
                    LogGaveUp(logger, subscription.Id, subscription.ChannelId, started.Tries, error);
                    return nextOccurrence;
                }

                await ledger.RecordAsync(started, new DeliveryOutcome(DeliveryAttemptState.Retrying) { Error = error, NextRetryAt = retryAt }, finishedAt, cancellationToken);
                LogRetrying(logger, subscription.Id, subscription.ChannelId, started.Tries, retryAt, error);
                return retryAt;
        }
    }

    /// <summary>1, 2, 4 … times the base delay, capped; never sooner than Discord's retry-after.</summary>
    private TimeSpan RetryDelay(int tries, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var backoff = new ExponentialBackoff(settings.RetryBaseDelay, settings.MaxRetryDelay).Delay(tries - 1);
        return retryAfter is { } after && after > backoff ? after : backoff;
    }

    /// <summary>20 hex characters: inside Discord's 25-character nonce limit, and unguessable.</summary>
    private static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(10));

    [LoggerMessage(EventId = 4117, Level = LogLevel.Information, Message = "Digest slot {Slot} of subscription {SubscriptionId} (channel {ChannelId}) claimed by this instance; sending, try {Tries}")]
    private static partial void LogClaimed(ILogger logger, LocalDate slot, long subscriptionId, ulong channelId, int tries);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Digest delivered for subscription {SubscriptionId} (channel {ChannelId}), slot {Slot}, try {Tries}")]
    private static partial void LogDelivered(ILogger logger, long subscriptionId, ulong channelId, LocalDate slot, int tries);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Digest for subscription {SubscriptionId} (channel {ChannelId}) failed on try {Tries}; retrying at {RetryAt}: {Error}")]
    private static partial void LogRetrying(ILogger logger, long subscriptionId, ulong channelId, int tries, DateTimeOffset retryAt, string error);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "Digest for subscription {SubscriptionId} (channel {ChannelId}) gave up after {Tries} tries: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long subscriptionId, ulong channelId, int tries, string error);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Error, Message = "Subscription {SubscriptionId} (channel {ChannelId}) disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, long subscriptionId, ulong channelId, string reason);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "Digest for subscription {SubscriptionId} (channel {ChannelId}), slot {Slot}, was interrupted mid-send and cannot be confirmed; not resending")]
    private static partial void LogOutcomeUnknown(ILogger logger, long subscriptionId, ulong channelId, LocalDate slot);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Information, Message = "Digest for subscription {SubscriptionId} waits: {Reason}")]
    private static partial void LogNotReady(ILogger logger, long subscriptionId, string reason);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Error, Message = "Scheduling subscription {SubscriptionId} (channel {ChannelId}) failed; will look again")]
    private static partial void LogSubscriptionFailed(ILogger logger, Exception exception, long subscriptionId, ulong channelId);
}
