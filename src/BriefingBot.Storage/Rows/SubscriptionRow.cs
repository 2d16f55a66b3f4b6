using BriefingBot.Commands.Scheduling;
using NodaTime;

namespace BriefingBot.Storage.Rows;

/// <summary>
/// A <c>subscriptions</c> row as either provider reads it, and the one place it becomes a subscription, so both
/// treat a damaged row alike.
/// </summary>
internal sealed record SubscriptionRow(long Id, long GuildId, long ChannelId, string LocalTime, string TimeZone)
{
    public string? WebhookUrl { get; init; }

    public DateTimeOffset ActiveSince { get; init; }

    public DateTimeOffset? LastPostedAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public string? DisabledReason { get; init; }

    public required string ChangedBy { get; init; }

    public DigestSubscription ToSubscription(TimeZoneCatalog zones)
    {
        if (!DailyPostTime.TryParseTime(LocalTime, out var time, out var problem))
        {
            throw new InvalidDataException($"Subscription {Id} has a corrupt time: {problem}.");
        }

        // A zone dropped from a future tz database must not crash the scheduler: run the subscription on UTC and say so.
        var zone = zones.Find(TimeZone);
        var disabled = DisabledReason;
        if (zone is null)
        {
            zone = DateTimeZone.Utc;
            disabled ??= $"time zone {TimeZone} is no longer known; add the subscription again with a current zone";
        }

        return new DigestSubscription(unchecked((ulong)GuildId), unchecked((ulong)ChannelId), new DailyPostTime(time, zone))
        {
            Id = Id,
            WebhookUrl = WebhookUrl,
            ActiveSince = ActiveSince,
            LastPostedAt = LastPostedAt,
            LastError = LastError,
            LastErrorAt = LastErrorAt,
            DisabledReason = disabled,
            ChangedBy = ChangedBy,
        };
    }
}
