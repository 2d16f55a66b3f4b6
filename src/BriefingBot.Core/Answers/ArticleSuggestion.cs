namespace BriefingBot.Core.Answers;

/// <summary>An article that may still interest the user when no sentence answers confidently.</summary>
public sealed record ArticleSuggestion(string ArticleId, string Title, string? SourceUrl);
