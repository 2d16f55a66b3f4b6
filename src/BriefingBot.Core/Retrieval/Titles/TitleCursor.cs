using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Core.Retrieval.Titles;

/// <summary>
/// Walks one term's title postings alongside its sentence postings: both are sorted by article, so asking "is the
/// term in this article's title?" for each posting in turn costs one merge step, not a search.
/// </summary>
internal ref struct TitleCursor
{
    private readonly ReadOnlySpan<int> _ids;
    private int _at;
    private int _article;
    private bool _contains;

    public TitleCursor(PostingList titles)
    {
        _ids = titles.Ids;
        _article = -1;
    }

    public bool Contains(int article)
    {
        if (article != _article)
        {
            _article = article;
            while (_at < _ids.Length && _ids[_at] < article)
            {
                _at++;
            }

            _contains = _at < _ids.Length && _ids[_at] == article;
        }

        return _contains;
    }
}
