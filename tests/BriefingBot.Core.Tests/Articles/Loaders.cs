using BriefingBot.Core.Articles;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Core.Tests.Articles;

/// <summary>Builds loaders and runs loads for the article tests.</summary>
internal static class Loaders
{
    public static ArticleLoader Create(long maxFileBytes = ContentOptions.DefaultMaxFileBytes) =>
        new(new ContentOptions { MaxFileBytes = maxFileBytes }, NullLogger<ArticleLoader>.Instance);

    public static Task<ArticleLoadResult> LoadAsync(string folder, long maxFileBytes = ContentOptions.DefaultMaxFileBytes) =>
        Create(maxFileBytes).LoadFolderAsync(folder, CancellationToken.None);

    /// <summary>Parses one file's text through the full pipeline (parser + builder) by loading it from a temp folder.</summary>
    public static async Task<ArticleLoadResult> LoadOneAsync(string fileName, string content)
    {
        using var folder = new TempFolder();
        folder.Write(fileName, content);
        return await LoadAsync(folder.Path);
    }
}
