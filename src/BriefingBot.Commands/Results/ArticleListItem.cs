namespace BriefingBot.Commands.Results;

/// <summary>One article listed by /articles.</summary>
public sealed record ArticleListItem(
    string ArticleId,
    string Title,
    string? SourceUrl,
    string? Outlet,
    string? Author,
    DateTimeOffset? PublishedAt,
    int WordCount,
    int ReadingMinutes);
