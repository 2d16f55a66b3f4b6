using System.Diagnostics;
using BriefingBot.Core.Articles;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Benchmarks.Corpora;

/// <summary>
/// Loads the corpora through the bot's own <see cref="ArticleLoader"/> (the .jsonl files as they ship), so load time
/// and the articles are what the bot would see: seeds, BBC News (2,225), Reuters-21578 (stories with a body) and a
/// scale corpus of N articles built from BBC + Reuters.
/// </summary>
/// <remarks>
/// Synchronous on purpose: the measurements run right after a load, and code after an await runs inline on top of the
/// frames that completed it. An async load here left its Reuters list and the concatenated real articles reachable
/// from this method's frame during the whole quick run (27 MB of articles beyond the first 10,000).
/// </remarks>
public static class CorpusLoader
{
    public const string BbcFile = "bbc-news-2225.jsonl";
    public const string ReutersFile = "reuters21578.jsonl";

    public static Corpus Load(string name, int articles, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        switch (name)
        {
            case "seeds":
                var seeds = LoadFolder(RepositoryPaths.Seeds, cancellationToken);
                return new Corpus("seeds", seeds, stopwatch.Elapsed.TotalSeconds, "the repository's seed articles");
            case "bbc":
                var bbc = LoadSharedFile(BbcFile, cancellationToken);
                return new Corpus("bbc", bbc, stopwatch.Elapsed.TotalSeconds, "BBC News 2004-05, as loaded from bbc-news-2225.jsonl");
            case "reuters":
                var reuters = LoadSharedFile(ReutersFile, cancellationToken);
                return new Corpus("reuters", reuters, stopwatch.Elapsed.TotalSeconds, "Reuters-21578 stories with a body, as loaded from reuters21578.jsonl");
            default:
                var real = LoadSharedFile(BbcFile, cancellationToken).Concat(LoadSharedFile(ReutersFile, cancellationToken)).ToArray();
                var scaled = ScaleCorpus.Build(real, articles);
                var recombined = Math.Max(0, articles - real.Length);
                return new Corpus(
                    "scale-" + articles,
                    scaled,
                    stopwatch.Elapsed.TotalSeconds,
                    recombined == 0
                        ? $"the first {articles} real BBC + Reuters articles"
                        : $"all {real.Length} real BBC + Reuters articles plus {recombined} re-combined ones (first half of one real article's paragraphs + second half of another's in the same category/topic, id suffix ~N)");
        }
    }

    /// <summary>The shared data folder, or a <see cref="DataMissingException"/> saying where it was looked for.</summary>
    public static string RequireFile(string fileName) =>
        SharedData.Find(fileName) ?? throw new DataMissingException(
            $"Shared data file '{fileName}' not found in '{SharedData.Folder ?? "(repository root not found)"}'. " +
            $"Put the datasets in ../shared/data next to the repository, or set {SharedData.FolderVariable}.");

    private static IReadOnlyList<Article> LoadSharedFile(string fileName, CancellationToken cancellationToken)
    {
        var path = RequireFile(fileName);

        // The loader reads whole folders; the data folder also holds SQuAD and friends, so load a folder with just this file.
        var folder = Directory.CreateTempSubdirectory("briefingbot-bench-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder.FullName, fileName), path);
            return LoadFolder(folder.FullName, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<Article> LoadFolder(string folder, CancellationToken cancellationToken)
    {
        var loader = new ArticleLoader(new ContentOptions(), NullLogger<ArticleLoader>.Instance);
        var result = loader.LoadFolder(folder, cancellationToken);
        return result.Articles;
    }
}
