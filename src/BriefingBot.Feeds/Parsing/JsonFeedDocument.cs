using System.Text.Json.Serialization;

namespace BriefingBot.Feeds.Parsing;

/// <summary>JSON Feed 1.1 (and 1.0) as published: only the fields we keep.</summary>
internal sealed record JsonFeedDocument
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("home_page_url")]
    public string? HomePageUrl { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<JsonFeedItem>? Items { get; init; }
}
