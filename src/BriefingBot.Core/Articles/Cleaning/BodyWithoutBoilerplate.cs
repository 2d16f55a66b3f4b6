namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>A body with boilerplate removed, plus the metadata the removed byline lines carried.</summary>
internal sealed record BodyWithoutBoilerplate(string Text, string? Author, DateTimeOffset? PublishedAt, IReadOnlyList<string> Tags);
