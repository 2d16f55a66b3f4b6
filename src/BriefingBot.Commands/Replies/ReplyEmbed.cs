namespace BriefingBot.Commands.Replies;

/// <summary>A card in a reply: Discord renders it as an embed, the terminal as a framed block.</summary>
public sealed record ReplyEmbed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Where the title links to. Only ever a real source URL, never invented.</summary>
    public string? Url { get; init; }

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    public string? Footer { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
