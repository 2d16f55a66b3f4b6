namespace BriefingBot.Core.Articles;

/// <summary>What a load produced: the articles that loaded and the problems that were skipped.</summary>
public sealed record ArticleLoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<LoadProblem> Problems)
{
    /// <summary>True when the folder itself could not be read (missing, no permission): nothing should be replaced.</summary>
    public bool FolderUnreadable { get; init; }
}
