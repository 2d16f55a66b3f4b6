using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Adds one query term's BM25F contribution to every article, walked through the articles whose body has the term in
/// ascending order (the term's sentence postings come grouped by article): it merges the title postings (sorted by
/// article too), which also tells the caller whether an article's title has the term, and writes the score into the
/// scratch array. No per-term dictionary, no body postings.
/// </summary>
/// <remarks>
/// It runs once per article a term touches, which for a common word is most of the posting loop's articles, so the
/// arrays it reads are held in fields and each article's length normalisation comes from a table
/// (<see cref="SearchScratch.ArticleNorms"/>) rather than being recomputed.
/// </remarks>
internal ref struct ArticleAccumulator
{
    internal const double ArticleK1 = 1.2;
    internal const double ArticleB = 0.75;

    private readonly int _articleCount;
    private readonly int[] _articleFrequencies;
    private readonly PostingTable _titlePostings;
    private readonly double[] _norms;
    private readonly float[] _scores;
    private readonly double _titleWeight;
    private TouchedRecorder _touched;
    private PostingList _title;
    private int _titleAt;
    private double _idf;

    public ArticleAccumulator(SearchIndex index, RankingOptions options, SearchScratch scratch)
    {
        _articleCount = index.Articles.Count;
        _articleFrequencies = index.ArticleFrequencies;
        _titlePostings = index.TitlePostings;
        _norms = scratch.ArticleNorms(index, options);
        _scores = scratch.Article;
        _touched = new TouchedRecorder(scratch.TouchedArticles);
        _titleWeight = options.TitleWeight;
    }

    public void StartTerm(QueryTerm term)
    {
        _title = _titlePostings[term.TermId];
        _titleAt = 0;
        var df = Math.Max(_articleFrequencies[term.TermId], _title.Count);

        _touched.Reserve(_articleFrequencies[term.TermId] + _title.Count); // every article the term can touch
        _idf = Math.Log(1 + ((_articleCount - df + 0.5) / (df + 0.5))) * term.Weight;
    }

    /// <summary>
    /// Starts the next article whose body has the term (articles come in ascending order): scores the articles before
    /// it whose title alone has the term, and says whether its own title has it.
    /// </summary>
    public bool Begin(int article)
    {
        var titleIds = _title.Ids;
        while (_titleAt < titleIds.Length && titleIds[_titleAt] < article)
        {
            Score(titleIds[_titleAt], _titleWeight * _title.Frequencies[_titleAt]);
            _titleAt++;
        }

        return _titleAt < titleIds.Length && titleIds[_titleAt] == article;
    }

    /// <summary>Scores the article begun last, given the term's whole body frequency in it.</summary>
    public void End(int article, int frequency)
    {
        double f = Math.Min(frequency, byte.MaxValue); // the old body postings saturated at 255 too
        if (_titleAt < _title.Count && _title.Ids[_titleAt] == article)
        {
            f += _titleWeight * _title.Frequencies[_titleAt++];
        }

        Score(article, f);
    }

    public void EndTerm()
    {
        while (_titleAt < _title.Count)
        {
            Score(_title.Ids[_titleAt], _titleWeight * _title.Frequencies[_titleAt]);
            _titleAt++;
        }

        _touched.Commit();
    }

    private void Score(int article, double f)
    {
        _touched.Record(article, _scores[article] == 0);
        _scores[article] += (float)(_idf * f * (ArticleK1 + 1) / (f + _norms[article]));
    }
}
