using BriefingBot.Core.Retrieval.Ranking;

namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>
/// Per-query working memory sized to one index: flat score arrays indexed by sentence and by article, plus the list
/// of ids touched so only those are reset. Dictionaries keyed by sentence cost ~50 ns per posting and allocate per
/// query; arrays cost a few ns. Rented from <see cref="SearchIndex"/> (one per concurrent query) and returned clean.
/// </summary>
internal sealed class SearchScratch(int sentences, int articles)
{
    /// <summary>Each sentence's BM25 and matched query words; zero for a sentence the query has not touched.</summary>
    public SentenceScore[] Scores { get; } = new SentenceScore[sentences];

    public float[] Article { get; } = new float[articles];

    public List<int> TouchedSentences { get; } = new(1024);

    public List<int> TouchedArticles { get; } = new(256);

    /// <summary>One term's postings in the current article, held until the article's run ends.</summary>
    public List<(int Id, int Tf)> ArticleRun { get; } = new(64);

    private RankingOptions? _normsFor;
    private double[] _norms = [];
    private RankingOptions? _articleNormsFor;
    private double[] _articleNorms = [];

    /// <summary>
    /// BM25's length normalisation for each sentence length, computed as the posting loop used to compute it per
    /// posting (the same doubles), once per ranking options instead of a division per posting.
    /// </summary>
    public double[] LengthNorms(SearchIndex index, RankingOptions options)
    {
        if (!ReferenceEquals(options, _normsFor))
        {
            var longest = 0;
            foreach (var sentence in index.Sentences)
            {
                longest = Math.Max(longest, sentence.TermCount);
            }

            var norms = new double[longest + 1];
            for (var terms = 0; terms < norms.Length; terms++)
            {
                norms[terms] = options.K1 * (1 - options.B + (options.B * terms / index.AverageSentenceLength));
            }

            _norms = norms;
            _normsFor = options;
        }

        return _norms;
    }

    /// <summary>
    /// BM25F's length normalisation for each article (body plus weighted title), computed once per ranking options
    /// with the same arithmetic the article accumulator used per article and term.
    /// </summary>
    public double[] ArticleNorms(SearchIndex index, RankingOptions options)
    {
        if (!ReferenceEquals(options, _articleNormsFor))
        {
            var average = index.AverageArticleLength + (options.TitleWeight * index.AverageTitleLength);
            var norms = new double[index.Articles.Count];
            for (var article = 0; article < norms.Length; article++)
            {
                var length = index.ArticleLengths[article] + (options.TitleWeight * index.TitleLengths[article]);
                norms[article] = ArticleAccumulator.ArticleK1 * (1 - ArticleAccumulator.ArticleB + (ArticleAccumulator.ArticleB * length / average));
            }

            _articleNorms = norms;
            _articleNormsFor = options;
        }

        return _articleNorms;
    }

    /// <summary>Zeroes what this query touched, so the next query starts clean without clearing whole arrays.</summary>
    public void Reset()
    {
        foreach (var id in TouchedSentences)
        {
            Scores[id] = default;
        }

        foreach (var id in TouchedArticles)
        {
            Article[id] = 0;
        }

        TouchedSentences.Clear();
        TouchedArticles.Clear();
    }
}
