using System.Text.Json.Serialization;

namespace BriefingBot.Feeds.Parsing;

internal sealed record JsonFeedAuthor
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
