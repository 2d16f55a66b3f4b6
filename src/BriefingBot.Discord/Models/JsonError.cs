namespace BriefingBot.Discord.Models;

/// <summary>Discord's error body: a JSON error code (e.g. 50013 missing permissions) and a message.</summary>
public sealed record JsonError
{
    public int Code { get; init; }

    public string? Message { get; init; }
}
