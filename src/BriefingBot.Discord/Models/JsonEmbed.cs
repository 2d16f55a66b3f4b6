namespace BriefingBot.Discord.Models;

/// <summary>A rich embed as sent by the bot.</summary>
public sealed record JsonEmbed
{
    public string Type { get; init; } = "rich";

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    /// <summary>ISO 8601.</summary>
    public string? Timestamp { get; init; }

    public int? Color { get; init; }

    public JsonEmbedFooter? Footer { get; init; }

    public JsonEmbedAuthor? Author { get; init; }

    public IReadOnlyList<JsonEmbedField>? Fields { get; init; }
}
