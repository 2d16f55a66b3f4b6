namespace BriefingBot.Discord.Models;

/// <summary><c>GET /gateway/bot</c>: where to connect and how many identifies are left.</summary>
public sealed record JsonGatewayBot
{
    public string Url { get; init; } = "";

    public int Shards { get; init; } = 1;

    public JsonSessionStartLimit? SessionStartLimit { get; init; }
}
