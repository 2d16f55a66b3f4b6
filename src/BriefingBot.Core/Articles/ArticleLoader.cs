using System.Security.Cryptography;
using System.Text;
using BriefingBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Core.Articles;

/// <summary>PLACEHOLDER (replaced by the ingestion work): loads .txt files only.</summary>
public sealed class ArticleLoader(ContentOptions options, ILogger<ArticleLoader> logger) : IArticleLoader
{
    private static readonly string[] Boilerplate =
    [
        "Leave a Reply", "This site uses Akismet", "Your email address will not be published", "Posted on by", "This entry was posted in",
    ];

    public async Task<ArticleLoadResult> LoadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        _ = options;
        _ = logger;
        if (!Directory.Exists(folder))
        {
            return new ArticleLoadResult([], [new LoadProblem(folder, "the folder does not exist")]) { FolderUnreadable = true };
        }

        var articles = new List<Article>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = TextNormalizer.Normalize(await File.ReadAllTextAsync(path, cancellationToken));
            var paragraphs = text.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0 && !Boilerplate.Any(b => p.StartsWith(b, StringComparison.Ordinal))).ToList();
            var title = paragraphs[0];
            var body = string.Join("\n\n", paragraphs.Skip(1));
            articles.Add(new Article
            {
                Id = Path.GetFileNameWithoutExtension(path),
                Title = title,
                Body = body,
                SourcePath = Path.GetFileName(path),
                ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + body))),
                WordCount = body.Split(' ').Length,
            });
        }

        return new ArticleLoadResult(articles, []);
    }
}
