using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Adds one query term's BM25F contribution to every article, fed the term's sentence postings in order: it sums
/// the body frequency of the current article until the article changes, merges the title postings (which are
/// sorted by article too) and writes the score into the scratch array. No per-term dictionary, no body postings.
/// </summary>
internal ref struct ArticleAccumulator
{
    private const double ArticleK1 = 1.2;
    private const double ArticleB = 0.75;

    private readonly SearchIndex _index;
    private readonly RankingOptions _options;
    private readonly SearchScratch _scratch;
    private readonly double _average;
    private PostingList _title;
    private int _titleAt;
    private double _idf;
    private int _article;
    private int _frequency;

    public ArticleAccumulator(SearchIndex index, RankingOptions options, SearchScratch scratch)
    {
        _index = index;
        _options = options;
        _scratch = scratch;
        _average = index.AverageArticleLength + (options.TitleWeight * index.AverageTitleLength);
        _article = -1;
    }

    public void StartTerm(QueryTerm term)
    {
        _title = _index.TitlePostings[term.TermId];
        _titleAt = 0;
        var df = Math.Max(_index.ArticleFrequencies[term.TermId], _title.Count);
        var count = _index.Articles.Count;
        _idf = Math.Log(1 + ((count - df + 0.5) / (df + 0.5))) * term.Weight;
        _article = -1;
        _frequency = 0;
    }

    public void Add(int article, int frequency)
    {
        if (article != _article)
        {
            Flush();
            _article = article;
        }

        _frequency += frequency;
    }

    public void EndTerm()
    {
        Flush();
        while (_titleAt < _title.Count)
        {
            Score(_title.Ids[_titleAt], _options.TitleWeight * _title.Frequencies[_titleAt]);
            _titleAt++;
        }
    }

    private void Flush()
    {
        if (_article < 0)
        {
            return;
        }

        // Articles whose title has the term but whose body does not come first, in order.
        while (_titleAt < _title.Count && _title.Ids[_titleAt] < _article)
        {
            Score(_title.Ids[_titleAt], _options.TitleWeight * _title.Frequencies[_titleAt]);
            _titleAt++;
        }

        double f = Math.Min(_frequency, byte.MaxValue); // the old body postings saturated at 255 too
        if (_titleAt < _title.Count && _title.Ids[_titleAt] == _article)
        {
            f += _options.TitleWeight * _title.Frequencies[_titleAt++];
        }

        Score(_article, f);
        _article = -1;
        _frequency = 0;
    }

    private readonly void Score(int article, double f)
    {
        var length = _index.ArticleLengths[article] + (_options.TitleWeight * _index.TitleLengths[article]);
        var norm = ArticleK1 * (1 - ArticleB + (ArticleB * length / _average));
        if (_scratch.Article[article] == 0)
        {
            _scratch.TouchedArticles.Add(article);
        }

        _scratch.Article[article] += (float)(_idf * f * (ArticleK1 + 1) / (f + norm));
    }
}
