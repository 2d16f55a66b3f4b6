using System.Net;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// A REST call Discord refused or that could not be completed. The message names the route template, never a
/// token. <see cref="DiscordCode"/> is Discord's JSON error code (e.g. 50013 missing permissions) when it sent one.
/// </summary>
public sealed class DiscordRestException : Exception
{
    public DiscordRestException()
    {
    }

    public DiscordRestException(string message)
        : base(message)
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordRestException(string message, HttpStatusCode? statusCode, int? discordCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        DiscordCode = discordCode;
    }

    /// <summary>The HTTP status, or null when no response arrived (network failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    public int? DiscordCode { get; }

    /// <summary>For 429s the client would not wait out: when to try again.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
