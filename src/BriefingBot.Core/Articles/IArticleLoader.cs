namespace BriefingBot.Core.Articles;

/// <summary>Reads every supported article file in a folder. Bad files become <see cref="LoadProblem"/>s, never exceptions.</summary>
public interface IArticleLoader
{
    Task<ArticleLoadResult> LoadFolderAsync(string folder, CancellationToken cancellationToken);
}
