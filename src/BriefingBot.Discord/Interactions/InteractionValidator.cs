using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// The fields an interaction must carry before the bot may act on it. Without an id or token there is no route to
/// answer on (an empty token once made the bot call <c>/interactions/{id}//callback</c>); without data or a caller
/// there is nothing to run or no one to check permissions for.
/// </summary>
internal static class InteractionValidator
{
    /// <summary>Discord's tokens are a few hundred URL-safe characters; anything else is not from Discord.</summary>
    private const int MaxTokenLength = 1000;

    /// <summary>Null when the interaction can be handled; otherwise a short reason that is safe to log.</summary>
    public static string? Problem(JsonInteraction interaction)
    {
        if (interaction.Type == InteractionType.Ping)
        {
            return null; // answered with PONG in the response body; nothing is called, so nothing else is needed
        }

        if (interaction.Id == 0)
        {
            return "no id";
        }

        if (interaction.ApplicationId == 0)
        {
            return "no application id";
        }

        if (string.IsNullOrWhiteSpace(interaction.Token))
        {
            return "no token";
        }

        if (!IsPathSafe(interaction.Token))
        {
            return "a token that is not URL-safe";
        }

        if (interaction.Data is null)
        {
            return "no data";
        }

        if ((interaction.Member?.User ?? interaction.User) is not { Id: not 0 })
        {
            return "no member or user";
        }

        return null;
    }

    /// <summary>The token becomes a path segment; a slash, dot segment or escape could point the call elsewhere.</summary>
    public static bool IsPathSafe(string token) =>
        token.Length <= MaxTokenLength
        && token is not ("." or "..")
        && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '+' or '=');
}
