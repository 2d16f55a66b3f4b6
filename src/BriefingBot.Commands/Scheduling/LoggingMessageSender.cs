using BriefingBot.Commands.Replies;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// The sender used when no Discord transport is configured (console runs): scheduled digests are written to the log
/// instead of a channel, and count as delivered so the schedule behaves as it would in production.
/// </summary>
public sealed partial class LoggingMessageSender(ILogger<LoggingMessageSender> logger) : IMessageSender
{
    public Task<DeliveryResult> SendAsync(DeliveryTarget target, Reply message, CancellationToken cancellationToken)
    {
        var text = string.Join("\n", new[] { message.Content }
            .Concat(message.Embeds.SelectMany(e => new[] { e.Title, e.Description }.Concat(e.Fields.Select(f => $"• {f.Name}: {f.Value}"))))
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        LogMessage(logger, target.ChannelId, target.WebhookUrl is not null, text);
        return Task.FromResult(DeliveryResult.Delivered);
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Digest for channel {ChannelId} (webhook: {ViaWebhook}):\n{Text}")]
    private static partial void LogMessage(ILogger logger, ulong channelId, bool viaWebhook, string text);
}
