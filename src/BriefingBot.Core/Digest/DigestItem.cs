namespace BriefingBot.Core.Digest;

/// <summary>One story in a digest. Several articles about the same story appear once, with the others listed.</summary>
public sealed record DigestItem(string ArticleId, string Title, string Summary, DateTimeOffset Date)
{
    public string? Url { get; init; }

    public string? Outlet { get; init; }

    /// <summary>Other articles grouped into this story (ids).</summary>
    public IReadOnlyList<string> RelatedArticleIds { get; init; } = [];
}
