using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Summaries;
using BriefingBot.Core.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// Scores <see cref="Summarizer"/> (3 sentences) against CNN/DailyMail reference highlights, next to lead-3: the
/// first three sentences of the same cleaned body, split by the same splitter. Articles go through the real loader
/// (so boilerplate such as "By . Daily Mail Reporter" is cleaned as the bot would clean it) in one indexed collection.
/// </summary>
public static class SummaryEvaluation
{
    /// <summary>Loads the CNN/DM file the way the bot loads a .jsonl, and pairs each article with its reference.</summary>
    public static async Task<IReadOnlyList<(Article Article, string Reference)>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var references = CnnDmDataset.Load(path);
        var folder = Directory.CreateTempSubdirectory("briefingbot-cnndm-");
        try
        {
            File.Copy(path, Path.Combine(folder.FullName, Path.GetFileName(path)));
            var loader = new ArticleLoader(new ContentOptions(), NullLogger<ArticleLoader>.Instance);
            var result = await loader.LoadFolderAsync(folder.FullName, cancellationToken);

            // The source path ends in "#<line number>" (1-based), the reliable key back to the record.
            return result.Articles
                .Select(a => (Article: a, Record: RecordNumber(a.SourcePath)))
                .Where(x => x.Record >= 0 && x.Record < references.Count)
                .Select(x => (x.Article, references[x.Record].Reference))
                .ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static SummaryResult Run(IReadOnlyList<(Article Article, string Reference)> pairs, Summarizer? summarizer = null)
    {
        summarizer ??= new Summarizer();
        var index = SearchIndex.Build(pairs.Select(p => p.Article).ToArray());
        double r1 = 0, r2 = 0, rl = 0, l1 = 0, l2 = 0, ll = 0;
        foreach (var (article, reference) in pairs)
        {
            var gold = Rouge.Tokenize(reference);
            var ours = Rouge.Tokenize(summarizer.Summarize(index, article, SummaryLength.Short).Text);
            var lead = Rouge.Tokenize(string.Join(' ', SentenceSplitter.Split(article.Body).Take(3).Select(s => s.Of(article.Body))));
            r1 += Rouge.N(ours, gold, 1).F1;
            r2 += Rouge.N(ours, gold, 2).F1;
            rl += Rouge.L(ours, gold).F1;
            l1 += Rouge.N(lead, gold, 1).F1;
            l2 += Rouge.N(lead, gold, 2).F1;
            ll += Rouge.L(lead, gold).F1;
        }

        var n = Math.Max(1, pairs.Count);
        return new SummaryResult(pairs.Count, Pct(r1 / n), Pct(r2 / n), Pct(rl / n), Pct(l1 / n), Pct(l2 / n), Pct(ll / n));
    }

    private static double Pct(double fraction) => Math.Round(fraction * 100, 2);

    private static int RecordNumber(string sourcePath)
    {
        var hash = sourcePath.LastIndexOf('#');
        return hash >= 0 && int.TryParse(sourcePath.AsSpan(hash + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
    }
}
