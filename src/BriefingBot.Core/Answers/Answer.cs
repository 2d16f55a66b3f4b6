namespace BriefingBot.Core.Answers;

/// <summary>One answer: the sentence that answers, where it comes from, and how sure the engine is.</summary>
public sealed record Answer(string ArticleId, string Title, string Sentence, double Score, double Confidence)
{
    /// <summary>The sentence before the answer in the same paragraph, for context; null at a paragraph start.</summary>
    public string? Before { get; init; }

    /// <summary>The sentence after the answer in the same paragraph; null at a paragraph end.</summary>
    public string? After { get; init; }

    /// <summary>The article's source URL, when known. Never invented.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>A link that opens the source and highlights the sentence (URL text fragment), when the source URL is known.</summary>
    public string? Link { get; init; }

    public string? Outlet { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
}
