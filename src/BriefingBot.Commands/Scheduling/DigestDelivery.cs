using System.Globalization;
using BriefingBot.Commands.Rendering;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// Builds and sends one subscription's digest: the articles new since its marker (the latest ones on its very first
/// post), rendered like /digest. When nothing is new it posts a one-line "No new articles since …" rather than
/// staying silent, so a quiet day never looks like a broken bot. Preview uses <see cref="Compose"/> alone and writes nothing.
/// </summary>
public sealed partial class DigestDelivery(
    IArticleStore store,
    DigestBuilder builder,
    IMessageSender sender,
    IOptions<ScheduledDigestOptions> options,
    ILogger<DigestDelivery> logger)
{
    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM HH:mm", null);

    public DigestPost Compose(DigestSubscription subscription, DateTimeOffset now)
    {
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            // Right after start-up the content may not be loaded yet; posting "nothing new" then would be a lie.
            return new DigestPost(Reply.Text("No articles are loaded yet."), null, now) { NotReadyReason = "no articles are loaded yet" };
        }

        var query = new DigestQuery
        {
            Since = subscription.LastPostedAt,
            MaxItems = options.Value.MaxItems,
            FallBackToLatest = false,
        };
        var edition = builder.Build(snapshot, query, now);
        var localDate = Instant.FromDateTimeOffset(now).InZone(subscription.Schedule.Zone).Date;
        if (edition.Items.Count == 0 && subscription.LastPostedAt is { } since)
        {
            var sinceLocal = LocalPattern.Format(Instant.FromDateTimeOffset(since).InZone(subscription.Schedule.Zone));
            return new DigestPost(new Reply { Content = $"No new articles since {sinceLocal} ({subscription.Schedule.ZoneId}).", Data = edition }, edition, now);
        }

        var heading = "Daily digest · " + localDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        return new DigestPost(DigestReplyRenderer.Render(edition, heading), edition, now);
    }

    /// <summary>Sends a composed post. Never throws for transport trouble: an exception counts as a transient failure.</summary>
    public async Task<DeliveryResult> SendAsync(DigestSubscription subscription, DigestPost post, string nonce, CancellationToken cancellationToken)
    {
        try
        {
            var message = ReplyFitter.Fit(post.Message with { Ephemeral = false, Buttons = [] });
            return await sender.SendAsync(subscription.Target with { Nonce = nonce }, message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogSenderThrew(logger, ex, subscription.Id, subscription.ChannelId);
            return new DeliveryResult(DeliveryStatus.TransientFailure, ex.Message);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sender threw for subscription {SubscriptionId} (channel {ChannelId}); treating it as transient")]
    private static partial void LogSenderThrew(ILogger logger, Exception exception, long subscriptionId, ulong channelId);
}
