namespace BriefingBot.Discord;

/// <summary>How interactions reach the bot.</summary>
public enum DiscordMode
{
    /// <summary>A WebSocket connection to Discord's gateway (default; nothing to expose to the internet).</summary>
    Gateway,

    /// <summary>Discord POSTs interactions to our <c>/interactions</c> endpoint; stateless, so it scales out.</summary>
    Http,
}
