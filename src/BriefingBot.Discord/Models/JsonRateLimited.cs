namespace BriefingBot.Discord.Models;

/// <summary>The body of a 429: seconds to wait, and whether the whole bot (not one route) is limited.</summary>
public sealed record JsonRateLimited
{
    public string? Message { get; init; }

    public double RetryAfter { get; init; }

    public bool Global { get; init; }
}
