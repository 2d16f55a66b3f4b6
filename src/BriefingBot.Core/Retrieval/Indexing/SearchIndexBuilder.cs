using System.Collections.Concurrent;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>
/// Builds a <see cref="SearchIndex"/>: analyses articles in parallel (the expensive part), then assigns term ids and
/// fills posting lists in article order on one thread, so the result is identical whatever the scheduling.
/// Works in chunks so the per-article analysis of a 100k-article corpus never sits in memory all at once.
/// </summary>
internal sealed class SearchIndexBuilder
{
    private const int ChunkSize = 2048;

    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);

    // Per term while building: its encoded sentence postings, the last sentence id written, and counts.
    private readonly List<List<byte>> _sentencePostings = [];
    private readonly List<int> _lastSentence = [];
    private readonly List<int> _sentenceFrequency = [];
    private readonly List<int> _articleFrequency = [];
    private readonly List<(int Term, int Article, int Count)> _titlePostings = [];
    private readonly Dictionary<string, int> _surfaceForms = new(StringComparer.Ordinal);
    private readonly List<SentenceEntry> _sentences = [];

    public SearchIndex Build(IReadOnlyList<Article> articles)
    {
        var firstSentence = new int[articles.Count + 1];
        var articleLengths = new int[articles.Count];
        var titleLengths = new int[articles.Count];
        var sentenceCounts = new Dictionary<int, int>();
        var bodyCounts = new Dictionary<int, int>();

        for (var chunkStart = 0; chunkStart < articles.Count; chunkStart += ChunkSize)
        {
            var chunkEnd = Math.Min(articles.Count, chunkStart + ChunkSize);
            var analysed = new AnalysedArticle[chunkEnd - chunkStart];
            var start = chunkStart;
            Parallel.ForEach(
                Partitioner.Create(chunkStart, chunkEnd),
                () => new StemCache(),
                (range, _, cache) =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        analysed[i - start] = Analyse(articles[i], cache);
                    }

                    return cache;
                },
                _ => { });

            for (var i = chunkStart; i < chunkEnd; i++)
            {
                var article = analysed[i - chunkStart];
                firstSentence[i] = _sentences.Count;
                bodyCounts.Clear();
                var length = 0;
                foreach (var sentence in article.Sentences)
                {
                    var sentenceId = _sentences.Count;
                    sentenceCounts.Clear();
                    foreach (var (surface, stem) in sentence.Terms)
                    {
                        var term = TermIdFor(stem);
                        _surfaceForms.TryAdd(surface, term);
                        sentenceCounts[term] = sentenceCounts.GetValueOrDefault(term) + 1;
                        bodyCounts[term] = bodyCounts.GetValueOrDefault(term) + 1;
                    }

                    foreach (var (term, count) in sentenceCounts)
                    {
                        SentencePostings.Encode(_sentencePostings[term], sentenceId - _lastSentence[term], count);
                        _lastSentence[term] = sentenceId;
                        _sentenceFrequency[term]++;
                    }

                    _sentences.Add(new SentenceEntry(i, sentence.Start, sentence.Length, sentence.Ordinal, sentence.Paragraph, sentence.Terms.Length));
                    length += sentence.Terms.Length;
                }

                // Body term frequencies are not stored: they are the sums of the sentence frequencies, and the searcher
                // adds those up per article as it reads the sentence postings. Only the article frequency is kept.
                foreach (var term in bodyCounts.Keys)
                {
                    _articleFrequency[term]++;
                }

                articleLengths[i] = length;
                var titleCounts = new Dictionary<int, int>();
                foreach (var (surface, stem) in article.TitleTerms)
                {
                    var term = TermIdFor(stem);
                    _surfaceForms.TryAdd(surface, term);
                    titleCounts[term] = titleCounts.GetValueOrDefault(term) + 1;
                }

                foreach (var (term, count) in titleCounts)
                {
                    _titlePostings.Add((term, i, count));
                }

                titleLengths[i] = article.TitleTerms.Length;
            }
        }

        firstSentence[articles.Count] = _sentences.Count;
        return new SearchIndex(
            articles,
            [.. _sentences],
            firstSentence,
            _terms,
            BuildSentencePostings(),
            [.. _articleFrequency],
            BuildTitlePostings(),
            articleLengths,
            titleLengths,
            _surfaceForms);
    }

    private int TermIdFor(string stem)
    {
        if (!_terms.TryGetValue(stem, out var id))
        {
            id = _terms.Count;
            _terms.Add(stem, id);
            _sentencePostings.Add([]);
            _lastSentence.Add(-1);
            _sentenceFrequency.Add(0);
            _articleFrequency.Add(0);
        }

        return id;
    }

    private SentencePostings BuildSentencePostings()
    {
        var offsets = new int[_sentencePostings.Count + 1];
        for (var t = 0; t < _sentencePostings.Count; t++)
        {
            offsets[t + 1] = offsets[t] + _sentencePostings[t].Count;
        }

        var data = new byte[offsets[^1]];
        for (var t = 0; t < _sentencePostings.Count; t++)
        {
            _sentencePostings[t].CopyTo(data, offsets[t]);
            _sentencePostings[t] = []; // let the builder's copy go as we go
        }

        return new SentencePostings(data, offsets, [.. _sentenceFrequency]);
    }

    /// <summary>Title postings grouped by term (a counting sort keeps each term's articles ascending).</summary>
    private PostingTable BuildTitlePostings()
    {
        var offsets = new int[_terms.Count + 1];
        foreach (var (term, _, _) in _titlePostings)
        {
            offsets[term + 1]++;
        }

        for (var t = 0; t < _terms.Count; t++)
        {
            offsets[t + 1] += offsets[t];
        }

        var ids = new int[_titlePostings.Count];
        var frequencies = new byte[_titlePostings.Count];
        var next = offsets[..^1];
        foreach (var (term, article, count) in _titlePostings)
        {
            ids[next[term]] = article;
            frequencies[next[term]++] = (byte)Math.Min(count, byte.MaxValue);
        }

        return new PostingTable(offsets, ids, frequencies);
    }

    private static AnalysedArticle Analyse(Article article, StemCache cache)
    {
        var body = article.Body;
        var spans = SentenceSplitter.Split(body);
        var sentences = new AnalysedSentence[spans.Count];
        var paragraph = 0;
        var scanned = 0;
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            paragraph += CountParagraphBreaks(body, scanned, span.Start);
            scanned = span.Start;
            sentences[s] = new AnalysedSentence(span.Start, span.Length, s, paragraph, cache.Terms(body.Substring(span.Start, span.Length)));
        }

        return new AnalysedArticle(sentences, cache.Terms(article.Title));
    }

    private static int CountParagraphBreaks(string body, int from, int to)
    {
        var breaks = 0;
        for (var i = body.IndexOf("\n\n", from, StringComparison.Ordinal); i >= 0 && i < to; i = body.IndexOf("\n\n", i + 2, StringComparison.Ordinal))
        {
            breaks++;
        }

        return breaks;
    }

    private sealed record AnalysedArticle(AnalysedSentence[] Sentences, (string Surface, string Stem)[] TitleTerms);

    private sealed record AnalysedSentence(int Start, int Length, int Ordinal, int Paragraph, (string Surface, string Stem)[] Terms);

    /// <summary>Per-worker analysis state: the term cache makes repeated words cost a lookup, and equal stems share one string.</summary>
    private sealed class StemCache
    {
        private readonly TermCache _cache = new();
        private readonly List<AnalyzedTerm> _buffer = [];

        public (string Surface, string Stem)[] Terms(string text)
        {
            _buffer.Clear();
            TextAnalyzer.Analyze(text, _buffer, _cache);
            var terms = new List<(string, string)>(_buffer.Count);
            foreach (var term in _buffer)
            {
                if (!term.IsStopWord && term.Stem.Length > 0)
                {
                    terms.Add((term.Token.Text, term.Stem));
                }
            }

            return [.. terms];
        }
    }
}
