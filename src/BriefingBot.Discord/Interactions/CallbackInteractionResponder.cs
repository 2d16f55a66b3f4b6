using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;

namespace BriefingBot.Discord.Interactions;

/// <summary>Answers through <c>POST /interactions/{id}/{token}/callback</c>; used for gateway-delivered interactions.</summary>
public sealed class CallbackInteractionResponder(DiscordRestClient rest, JsonInteraction interaction) : IInteractionResponder
{
    public Task RespondAsync(JsonInteractionResponse response, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
}
