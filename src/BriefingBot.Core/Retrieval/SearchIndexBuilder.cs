using System.Collections.Concurrent;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval;

/// <summary>
/// Builds a <see cref="SearchIndex"/>: analyses articles in parallel (the expensive part), then assigns term ids and
/// fills posting lists in article order on one thread, so the result is identical whatever the scheduling.
/// Works in chunks so the per-article analysis of a 100k-article corpus never sits in memory all at once.
/// </summary>
internal sealed class SearchIndexBuilder
{
    private const int ChunkSize = 2048;

    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly List<PostingListBuilder> _sentencePostings = [];
    private readonly List<PostingListBuilder> _bodyPostings = [];
    private readonly List<PostingListBuilder> _titlePostings = [];
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

                    foreach (var (term, count) in sentenceCounts.OrderBy(kv => kv.Key))
                    {
                        _sentencePostings[term].Add(sentenceId, count);
                    }

                    _sentences.Add(new SentenceEntry(i, sentence.Start, sentence.Length, sentence.Ordinal, sentence.Paragraph, sentence.Terms.Length));
                    length += sentence.Terms.Length;
                }

                foreach (var (term, count) in bodyCounts)
                {
                    _bodyPostings[term].Add(i, count);
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
                    _titlePostings[term].Add(i, count);
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
            _sentencePostings.Select(p => p.Build()).ToArray(),
            _bodyPostings.Select(p => p.Build()).ToArray(),
            _titlePostings.Select(p => p.Build()).ToArray(),
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
            _sentencePostings.Add(new PostingListBuilder());
            _bodyPostings.Add(new PostingListBuilder());
            _titlePostings.Add(new PostingListBuilder());
        }

        return id;
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

    /// <summary>Per-worker memo of surface word → stem: news repeats its vocabulary, and identical stems then share one string.</summary>
    private sealed class StemCache
    {
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);

        public (string Surface, string Stem)[] Terms(string text)
        {
            var analysed = TextAnalyzer.Analyze(text);
            var terms = new List<(string, string)>(analysed.Count);
            foreach (var term in analysed)
            {
                if (term.IsStopWord || term.Stem.Length == 0)
                {
                    continue;
                }

                var surface = term.Token.Text;
                if (!_stems.TryGetValue(surface, out var stem))
                {
                    stem = term.Stem;
                    _stems[surface] = stem;
                }

                terms.Add((surface, stem));
            }

            return [.. terms];
        }
    }
}
