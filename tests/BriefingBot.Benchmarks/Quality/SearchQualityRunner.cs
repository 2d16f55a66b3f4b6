using System.Diagnostics;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Semantic;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Testing.Quality;

namespace BriefingBot.Benchmarks.Quality;

/// <summary>
/// <c>--eval search</c>: /search's article ranking on our news questions used as search queries. An article is right
/// when it holds a sentence that answers the question (so a duplicate of the answering article counts too). Reports
/// top-1 and top-5 for words alone and for meaning and words, and the milliseconds a search takes with warm vectors.
/// </summary>
public static class SearchQualityRunner
{
    private const int Top = 5;

    public static JsonObject Run(string split, RankingOptions ranking, Action<string> log, CancellationToken cancellationToken)
    {
        var questions = NewsQaDataset.LoadQuestions(split).Where(q => q.Answerable).ToArray();
        var index = SearchIndex.Build(NewsQaDataset.LoadCollection(cancellationToken));
        var right = questions.Select(q => Enumerable.Range(0, index.Articles.Count).Where(a => Answers(index, a, q)).Select(a => index.Articles[a].Id).ToHashSet(StringComparer.Ordinal)).ToArray();
        var json = new JsonObject
        {
            ["evaluation"] = $"search-{split}: news questions as /search queries; right = an article holding an answering sentence",
            ["questions"] = questions.Length,
        };

        json["lexical"] = Score(questions, right, q => ArticleSearcher.Search(index, QueryParser.Parse(index, q), Top, ranking), log, "lexical");
        var embeddings = BenchEmbeddings.Open(out var embedder);
        using (embedder)
        {
            BenchEmbeddings.Warm(embeddings, index, Environment.ProcessorCount, log, cancellationToken);
            json["meaning"] = Score(questions, right, q => ArticleSearcher.Search(index, QueryParser.Parse(index, q), Top, ranking, embeddings, SemanticOptions.Default, cancellationToken), log, "meaning");
        }

        return json;
    }

    private static bool Answers(SearchIndex index, int article, NewsQaQuestion question)
    {
        var body = NewsQaDataset.Normalize(index.Articles[article].Body);
        return question.Answers.Any(a => body.Contains(NewsQaDataset.Normalize(a), StringComparison.Ordinal));
    }

    private static JsonObject Score(NewsQaQuestion[] questions, HashSet<string>[] right, Func<string, IReadOnlyList<ArticleHit>> search, Action<string> log, string name)
    {
        int top1 = 0, top5 = 0;
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < questions.Length; i++)
        {
            var hits = search(questions[i].Question);
            top1 += hits.Count > 0 && right[i].Contains(hits[0].Article.Id) ? 1 : 0;
            top5 += hits.Any(h => right[i].Contains(h.Article.Id)) ? 1 : 0;
        }

        var result = new JsonObject
        {
            ["top1"] = Math.Round((double)top1 / questions.Length, 4),
            ["top5"] = Math.Round((double)top5 / questions.Length, 4),
            ["msPerSearch"] = Math.Round(timer.Elapsed.TotalMilliseconds / questions.Length, 2),
        };
        log($"{name}: {result.ToJsonString()}");
        return result;
    }
}
