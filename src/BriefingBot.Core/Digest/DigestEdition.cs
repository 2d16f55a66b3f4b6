namespace BriefingBot.Core.Digest;

/// <summary>One edition of a digest, ready to render: stories newest first.</summary>
public sealed record DigestEdition(IReadOnlyList<DigestItem> Items, DateTimeOffset GeneratedAt)
{
    public DateTimeOffset? Since { get; init; }

    /// <summary>True when nothing was new since <see cref="Since"/> and the latest articles were used instead.</summary>
    public bool FellBackToLatest { get; init; }

    /// <summary>How many articles the stories cover in all.</summary>
    public int ArticleCount { get; init; }
}
