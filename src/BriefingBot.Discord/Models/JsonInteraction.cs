using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>An interaction, from INTERACTION_CREATE or the HTTP endpoint (the fields the bot reads).</summary>
public sealed record JsonInteraction
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public JsonInteractionData? Data { get; init; }

    [JsonConverter(typeof(NullableSnowflakeConverter))]
    public ulong? GuildId { get; init; }

    [JsonConverter(typeof(NullableSnowflakeConverter))]
    public ulong? ChannelId { get; init; }

    /// <summary>Set in guilds; <see cref="User"/> is set instead in DMs.</summary>
    public JsonGuildMember? Member { get; init; }

    public JsonUser? User { get; init; }

    public string Token { get; init; } = "";

    public string? Locale { get; init; }
}
