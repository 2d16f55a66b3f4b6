using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>A (partial) Discord user.</summary>
public sealed record JsonUser
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    public string Username { get; init; } = "";

    public string? GlobalName { get; init; }
}
