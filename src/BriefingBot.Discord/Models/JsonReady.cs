namespace BriefingBot.Discord.Models;

/// <summary>The READY dispatch: the parts needed to resume and to call application routes.</summary>
public sealed record JsonReady
{
    public string SessionId { get; init; } = "";

    public string? ResumeGatewayUrl { get; init; }

    public JsonApplication? Application { get; init; }

    public JsonUser? User { get; init; }
}
