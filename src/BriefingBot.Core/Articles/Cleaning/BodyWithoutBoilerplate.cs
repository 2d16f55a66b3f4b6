namespace BriefingBot.Core.Articles;

/// <summary>A body with boilerplate removed, plus the metadata the removed byline lines carried.</summary>
internal sealed record CleanedBody(string Text, string? Author, DateTimeOffset? PublishedAt, IReadOnlyList<string> Tags);
