using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Sends the one initial response to an interaction: through the callback route (gateway mode) or as the HTTP
/// response body (HTTP mode). Everything after it (edits, follow-ups) goes over REST in both modes.
/// </summary>
public interface IInteractionResponder
{
    Task RespondAsync(JsonInteractionResponse response, CancellationToken cancellationToken);
}
