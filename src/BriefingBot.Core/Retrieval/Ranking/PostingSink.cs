using System.Runtime.CompilerServices;
using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Adds sentence postings' BM25 shares into a query's scratch arrays. The arrays and the length-norm table are
/// fetched once per query rather than once per posting, which the posting loop runs tens of thousands of times.
/// </summary>
internal ref struct PostingSink
{
    private readonly SentenceScore[] _scores;
    private readonly SentenceEntry[] _sentences;
    private readonly double[] _norms;
    private TouchedRecorder _touched;

    public PostingSink(SearchIndex index, SearchScratch scratch, RankingOptions options)
    {
        _scores = scratch.Scores;
        _touched = new TouchedRecorder(scratch.TouchedSentences);
        _sentences = index.Sentences;
        _norms = scratch.LengthNorms(index, options);
    }

    /// <summary>Makes room to record up to <paramref name="postings"/> more touched sentences (see <see cref="TouchedRecorder"/>).</summary>
    public void Reserve(int postings) => _touched.Reserve(postings);

    /// <summary>Trims the touched list to the sentences actually recorded since <see cref="Reserve"/>.</summary>
    public readonly void Commit() => _touched.Commit();

    /// <summary>Adds one posting's share to its sentence, recording the sentence as touched on its first share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int id, int tf, double weight, uint mask)
    {
        _touched.Record(id, _scores[id].Bm25 == 0); // every contribution is positive, so zero means "not seen yet"
        Share(id, tf, weight, mask);
    }

    /// <summary>
    /// Adds a common term's share only to a sentence a rarer term already matched (see
    /// <see cref="RankingOptions.CommonTermPostings"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Rescore(int id, int tf, double weight, uint mask)
    {
        if (_scores[id].Bm25 != 0)
        {
            Share(id, tf, weight, mask);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Share(int id, int tf, double weight, uint mask)
    {
        var norm = _norms[_sentences[id].TermCount];
        ref var score = ref _scores[id];
        score.Bm25 += (float)(weight * tf / (tf + norm));
        score.Mask |= mask;
    }
}
