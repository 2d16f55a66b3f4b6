using System.Text.Json.Serialization;

namespace BriefingBot.Feeds.Parsing;

/// <summary>One JSON Feed item; 1.0's single <c>author</c> is read beside 1.1's <c>authors</c>.</summary>
internal sealed record JsonFeedItem
{
    /// <summary>A string by the spec, but numbers are common in the wild; kept raw and read either way.</summary>
    [JsonPropertyName("id")]
    public System.Text.Json.JsonElement Id { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("external_url")]
    public string? ExternalUrl { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("content_html")]
    public string? ContentHtml { get; init; }

    [JsonPropertyName("content_text")]
    public string? ContentText { get; init; }

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("date_published")]
    public string? DatePublished { get; init; }

    [JsonPropertyName("date_modified")]
    public string? DateModified { get; init; }

    [JsonPropertyName("authors")]
    public IReadOnlyList<JsonFeedAuthor>? Authors { get; init; }

    [JsonPropertyName("author")]
    public JsonFeedAuthor? Author { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }
}
