using BenchmarkDotNet.Attributes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Retrieval.Titles;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>
/// Per-operation cost on a loaded corpus (BRIEFINGBOT_BENCH_ARTICLES articles, default 10,000 real BBC + Reuters;
/// the corpus is built as in --quick). Each benchmark cycles through the same fixed query set.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly QuestionAnswerer _answerer = new();
    private readonly Summarizer _summarizer = new();
    private SearchIndex _index = SearchIndex.Empty;
    private IReadOnlyList<BenchQuery> _queries = [];
    private IReadOnlyList<Article> _articles = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = CorpusLoader.Load("scale", BenchSize.Articles, CancellationToken.None);
        _articles = corpus.Articles;
        _index = SearchIndex.Build(_articles);
        _queries = QuerySet.Build(_index, 200);
    }

    [Benchmark]
    public AnswerResult Ask() => _answerer.Answer(_index, NextQuery());

    [Benchmark]
    public IReadOnlyList<ArticleHit> Search() => ArticleSearcher.Search(_index, QueryParser.Parse(_index, NextQuery()), 5);

    [Benchmark]
    public IReadOnlyList<TitleMatch> Autocomplete()
    {
        var title = _articles[_next++ % _articles.Count].Title;
        return TitleMatcher.Match(_index, title[..Math.Min(8, title.Length)]);
    }

    [Benchmark]
    public Summary Summarize() => _summarizer.Summarize(_index, _articles[_next++ % _articles.Count], SummaryLength.Short);

    private string NextQuery() => _queries[_next++ % _queries.Count].Text;
}
