using System.Net;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Discord.Translation;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// Pushes messages (scheduled digests) to a channel: through the target's webhook URL when it has one, else as
/// the bot user. Failures become values the delivery code can act on: gone or forbidden targets are permanent,
/// rate limits, 5xx and network trouble are transient.
/// </summary>
public sealed class DiscordMessageSender(DiscordRestClient rest, ReplyRenderer renderer) : IMessageSender
{
    // Unknown channel, unknown webhook, missing access, missing permissions, invalid webhook token.
    private static readonly HashSet<int> PermanentCodes = [10003, 10015, 50001, 50013, 50027];

    public async Task<DeliveryResult> SendAsync(DeliveryTarget target, Reply message, CancellationToken cancellationToken)
    {
        var body = renderer.Render(message, allowEphemeral: false);
        try
        {
            if (!string.IsNullOrWhiteSpace(target.WebhookUrl))
            {
                await rest.ExecuteWebhookAsync(target.WebhookUrl, body, cancellationToken);
            }
            else
            {
                // The scheduler's exactly-once rests on this: a resend after a crash carries the same nonce, and
                // Discord answers it with the message it already made.
                var create = target.Nonce is { } nonce ? body with { Nonce = nonce, EnforceNonce = true } : body;
                await rest.CreateMessageAsync(target.ChannelId, create, cancellationToken);
            }

            return DeliveryResult.Delivered;
        }
        catch (DiscordRestException ex)
        {
            return Classify(ex);
        }
    }

    private static DeliveryResult Classify(DiscordRestException ex)
    {
        if (ex.DiscordCode is { } code && PermanentCodes.Contains(code))
        {
            return new DeliveryResult(DeliveryStatus.PermanentFailure, ex.Message);
        }

        return ex.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized =>
                new DeliveryResult(DeliveryStatus.PermanentFailure, ex.Message),
            HttpStatusCode.TooManyRequests =>
                new DeliveryResult(DeliveryStatus.TransientFailure, ex.Message) { RetryAfter = ex.RetryAfter },
            // No status: unreachable, or paused by the invalid-request guard, which says how long the pause lasts.
            null or >= HttpStatusCode.InternalServerError =>
                new DeliveryResult(DeliveryStatus.TransientFailure, ex.Message) { RetryAfter = ex.RetryAfter ?? TimeSpan.FromMinutes(1) },
            _ => new DeliveryResult(DeliveryStatus.PermanentFailure, ex.Message), // 400: this message will never be accepted
        };
    }
}
