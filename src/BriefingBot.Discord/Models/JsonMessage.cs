using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>A message as Discord returns it (the fields the bot reads).</summary>
public sealed record JsonMessage
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong ChannelId { get; init; }
}
