using System.Runtime.CompilerServices;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;
using BriefingBot.Core.Text;
using FuzzySharp;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Finds quotations by topic and by speaker. Quotations are extracted once per snapshot, on first use, and kept
/// with it, so reloading replaces them together with the articles. With <paramref name="embeddings"/> available a
/// topic matches by meaning as well as words: a quotation about "the economy" may never use the word.
/// </summary>
public sealed class QuoteFinder(QuoteExtractor extractor, ISentenceEmbeddings? embeddings = null, SemanticOptions? semantic = null) : ISnapshotWarmer
{
    /// <summary>Weight of the topic's lexical relevance (the share of its weight the quote's sentence has) beside the cosine.</summary>
    public const double TopicLexicalWeight = 0.5;

    /// <summary>
    /// A quotation matched by meaning alone must be at least this close to the topic. A topic is a word or two and the
    /// quote's sentence carries its attribution too, so all-MiniLM-L6-v2 scores even good pairs low: "the economy"
    /// against “Inflation will hurt households this winter,” the minister said. 0.27, against an unemployment quote
    /// 0.33, while unrelated topic/quote pairs we tried stay below 0.2 (one outlier: "climate change" / the inflation
    /// quote, 0.29, which ranks below the quote that is about it).
    /// </summary>
    public const double TopicMeaningFloor = 0.25;

    /// <summary>
    /// The cosine a quote without a vector is taken to have, times its lexical relevance: it keeps its lexical place
    /// until the background worker embeds its sentence.
    /// </summary>
    public const double CosineStandIn = 0.5;

    private const int SpeakerMatchFloor = 80;

    private readonly ConditionalWeakTable<ArticleSnapshot, QuoteIndex> _quotes = [];

    /// <summary>Extracts the snapshot's quotations ahead of the first /quote.</summary>
    public void Warm(ArticleSnapshot snapshot) => _ = Indexed(snapshot);

    /// <summary>All attributed quotations of a snapshot, in article order.</summary>
    public IReadOnlyList<Quote> All(ArticleSnapshot snapshot) => Indexed(snapshot).Quotes.Select(q => q.Quote).ToArray();

    /// <summary>
    /// Attributed quotations with their stems and folded speakers, computed once per snapshot so a /quote request
    /// only compares, never re-analyses.
    /// </summary>
    private QuoteIndex Indexed(ArticleSnapshot snapshot) =>
        _quotes.GetValue(snapshot, s => new QuoteIndex(s.Articles
            .AsParallel()
            .AsOrdered()
            .SelectMany((article, position) => extractor.Extract(article)
                .Where(q => q.Speaker is not null)
                .Select(q =>
                {
                    var (first, end) = Sentences(s.Index, position, q.SentenceSpan.Length > 0 ? q.SentenceSpan : q.Span);
                    return new IndexedQuote(q, Stems(article, q), TextNormalizer.FoldForMatching(q.Speaker!), first, end);
                }))
            .ToArray()));

    /// <summary>
    /// Quotations about <paramref name="about"/> (words of the quote or its sentence, typos tolerated, and with meaning
    /// available what the sentence means) said by <paramref name="by"/> (fuzzy on the speaker's name); either may be
    /// null. Best first.
    /// </summary>
    public IReadOnlyList<QuoteHit> Find(ArticleSnapshot snapshot, string? about, string? by, int max, CancellationToken cancellationToken = default)
    {
        var index = Indexed(snapshot);
        var query = string.IsNullOrWhiteSpace(about) ? null : QueryParser.Parse(snapshot.Index, about);

        // Only quotations sharing a stem with the topic can score by words; with meaning every quotation is a
        // candidate, but the word score is still computed for those few alone.
        // By reference: a quotation record's own hash reads every string in it, and with meaning on every quotation is looked up.
        var sharing = query is null ? null : new HashSet<IndexedQuote>(index.WithAnyOf(query.Terms.Select(t => t.Stem)), ReferenceEqualityComparer.Instance);
        IEnumerable<IndexedQuote> candidates = sharing is null || embeddings is { IsAvailable: true } ? index.Quotes : sharing;
        if (!string.IsNullOrWhiteSpace(by))
        {
            var speakers = MatchingSpeakers(index, TextNormalizer.FoldForMatching(by));
            candidates = candidates.Where(q => speakers.Contains(q.FoldedSpeaker));
        }

        var lexical = candidates
            .Select(q => (Indexed: q, Lexical: query is null ? 1.0 : sharing!.Contains(q) ? Relevance(q, query) : 0))
            .ToArray();
        var scored = (query is null ? null : ByMeaning(snapshot.Index, about!, lexical, cancellationToken))
            ?? lexical.Select(x => (x.Indexed.Quote, Score: x.Lexical)).ToArray();
        var ranked = scored
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => snapshot.EffectiveDate(snapshot.Find(x.Quote.ArticleId)!))
            .ThenBy(x => x.Quote.ArticleId, StringComparer.Ordinal)
            .ThenBy(x => x.Quote.Span.Start)
            .Take(max);

        return ranked.Select(x =>
        {
            var article = snapshot.Find(x.Quote.ArticleId)!;
            return new QuoteHit(x.Quote, article.Title, Math.Round(x.Score, 4))
            {
                SourceUrl = article.SourceUrl,
                Link = TextFragmentLink.Build(article.SourceUrl, x.Quote.Text),
            };
        }).ToArray();
    }

    /// <summary>
    /// Quotations scored by topic words and meaning together; null when meaning is unavailable. A quote qualifies by
    /// a word of the topic or by a cosine above <see cref="TopicMeaningFloor"/>.
    /// </summary>
    private (Quote Quote, double Score)[]? ByMeaning(
        SearchIndex index,
        string about,
        (IndexedQuote Indexed, double Lexical)[] lexical,
        CancellationToken cancellationToken)
    {
        if (embeddings is not { IsAvailable: true } || lexical.Length == 0 || embeddings.VectorsFor(index) is not { } vectors
            || embeddings.EmbedQuery(about, cancellationToken) is not { } topic)
        {
            return null;
        }

        // The lexically likeliest quotes first, so a tight budget goes where the words already point.
        var missing = lexical.Where(x => x.Lexical > 0)
            .OrderByDescending(x => x.Lexical)
            .SelectMany(x => Enumerable.Range(x.Indexed.FirstSentence, x.Indexed.EndSentence - x.Indexed.FirstSentence))
            .Where(id => !vectors.Has(id))
            .ToArray();
        var budget = (semantic ?? SemanticOptions.Default).OnDemandBudget;
        if (missing.Length > 0 && budget > 0)
        {
            embeddings.EmbedNow(index, missing, budget, cancellationToken);
        }

        // Every quotation is compared, but only those that qualify are kept: most of a collection's quotations are
        // about something else, and a list of them all would be allocated per request only to be filtered out.
        var scored = new List<(Quote Quote, double Score)>();
        foreach (var (indexed, lexicalScore) in lexical)
        {
            var similarity = Similarity(vectors, topic, indexed);
            if (lexicalScore > 0 || similarity >= TopicMeaningFloor)
            {
                var score = (TopicLexicalWeight * lexicalScore) + (similarity ?? CosineStandIn * lexicalScore);
                scored.Add((indexed.Quote, Math.Max(score, 1e-4)));
            }
        }

        return scored.ToArray();
    }

    /// <summary>The best cosine of the topic with the sentences holding the quote; null when none has a vector yet.</summary>
    private static double? Similarity(SentenceVectors vectors, float[] topic, IndexedQuote quote)
    {
        double? best = null;
        for (var id = quote.FirstSentence; id < quote.EndSentence; id++)
        {
            if (vectors.Dot(id, topic) is { } similarity && similarity > (best ?? double.NegativeInfinity))
            {
                best = similarity;
            }
        }

        return best;
    }

    /// <summary>The index sentences of article <paramref name="article"/> that overlap <paramref name="span"/> of its body.</summary>
    private static (int First, int End) Sentences(SearchIndex index, int article, TextSpan span)
    {
        var (first, end) = index.SentenceRange(article);
        var from = -1;
        var to = -1;
        for (var id = first; id < end; id++)
        {
            var entry = index.Sentence(id);
            if (entry.Start < span.End && entry.Start + entry.Length > span.Start)
            {
                from = from < 0 ? id : from;
                to = id + 1;
            }
        }

        return from < 0 ? (first, first) : (from, to);
    }

    /// <summary>Distinct speakers whose names match what is typed, most quoted first (for autocomplete).</summary>
    public IReadOnlyList<string> Speakers(ArticleSnapshot snapshot, string typed, int max)
    {
        var index = Indexed(snapshot);
        var wanted = TextNormalizer.FoldForMatching(typed);
        var speakers = wanted.Length == 0 ? null : MatchingSpeakers(index, wanted);
        return index.Quotes
            .Where(q => speakers is null || speakers.Contains(q.FoldedSpeaker))
            .GroupBy(q => q.Quote.Speaker!, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(g => g.Key)
            .ToArray();
    }

    private static HashSet<string> MatchingSpeakers(QuoteIndex index, string wanted) =>
        index.Speakers.Where(s => SpeakerMatches(s, wanted)).ToHashSet(StringComparer.Ordinal);

    private static bool SpeakerMatches(string speaker, string wanted) =>
        speaker.Contains(wanted, StringComparison.Ordinal) || Fuzz.PartialRatio(speaker, wanted) >= SpeakerMatchFloor;

    /// <summary>Share of the topic's weight found in the quotation and its sentence; 0 when none of it is.</summary>
    private static double Relevance(IndexedQuote quote, ParsedQuery query)
    {
        var matched = query.Terms.Where(t => quote.Stems.Contains(t.Stem)).GroupBy(t => t.Surface).Sum(g => g.Max(t => t.Idf * t.Weight));
        return query.TotalIdf <= 0 ? 0 : matched / query.TotalIdf;
    }

    private static HashSet<string> Stems(Articles.Article article, Quote quote)
    {
        var context = quote.SentenceSpan.Length > 0 ? quote.SentenceSpan.Of(article.Body) : quote.Text;
        return TextAnalyzer.Analyze(context).Where(t => !t.IsStopWord).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
    }
}
