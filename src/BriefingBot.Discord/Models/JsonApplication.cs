using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>A (partial) application: READY's <c>application</c> and <c>GET /applications/@me</c>.</summary>
public sealed record JsonApplication
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    public string? Name { get; init; }
}
