namespace BriefingBot.Core.Articles.Parsing;

/// <summary>The article metadata a Markdown file's YAML front matter may carry.</summary>
internal sealed record FrontMatter(
    string? Title,
    string? Url,
    string? Outlet,
    string? Author,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<string> Tags)
{
    public static FrontMatter None { get; } = new(null, null, null, null, null, []);
}
