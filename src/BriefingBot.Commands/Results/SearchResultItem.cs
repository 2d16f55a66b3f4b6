namespace BriefingBot.Commands.Results;

/// <summary>One article found by /search.</summary>
public sealed record SearchResultItem(string ArticleId, string Title, double Score, string Snippet, string? SourceUrl);
