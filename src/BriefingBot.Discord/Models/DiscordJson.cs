using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>The one set of serializer settings for Discord's wire format: snake_case names, nulls left out.</summary>
public static class DiscordJson
{
    /// <summary>Immutable once first used; shared so System.Text.Json caches its metadata once.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
