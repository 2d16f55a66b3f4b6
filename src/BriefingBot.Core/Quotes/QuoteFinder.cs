using System.Runtime.CompilerServices;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval;
using BriefingBot.Core.Store;
using BriefingBot.Core.Text;
using FuzzySharp;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Finds quotations by topic and by speaker. Quotations are extracted once per snapshot, on first use, and kept
/// with it, so reloading replaces them together with the articles.
/// </summary>
public sealed class QuoteFinder(QuoteExtractor extractor) : ISnapshotWarmer
{
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
            .SelectMany(article => extractor.Extract(article)
                .Where(q => q.Speaker is not null)
                .Select(q => new IndexedQuote(q, Stems(article, q), TextNormalizer.FoldForMatching(q.Speaker!))))
            .ToArray()));

    /// <summary>
    /// Quotations about <paramref name="about"/> (words of the quote or its sentence, typos tolerated) said by
    /// <paramref name="by"/> (fuzzy on the speaker's name); either may be null. Best first.
    /// </summary>
    public IReadOnlyList<QuoteHit> Find(ArticleSnapshot snapshot, string? about, string? by, int max)
    {
        var index = Indexed(snapshot);
        var query = string.IsNullOrWhiteSpace(about) ? null : QueryParser.Parse(snapshot.Index, about);

        // A quotation sharing no stem with the topic scores 0, so only those sharing one are looked at.
        IEnumerable<IndexedQuote> candidates = query is null ? index.Quotes : index.WithAnyOf(query.Terms.Select(t => t.Stem));
        if (!string.IsNullOrWhiteSpace(by))
        {
            var wanted = TextNormalizer.FoldForMatching(by);
            candidates = candidates.Where(q => SpeakerMatches(q.FoldedSpeaker, wanted));
        }

        var scored = candidates
            .Select(q => (q.Quote, Score: query is null ? 1.0 : Relevance(q, query)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => snapshot.EffectiveDate(snapshot.Find(x.Quote.ArticleId)!))
            .ThenBy(x => x.Quote.ArticleId, StringComparer.Ordinal)
            .ThenBy(x => x.Quote.Span.Start)
            .Take(max);

        return scored.Select(x =>
        {
            var article = snapshot.Find(x.Quote.ArticleId)!;
            return new QuoteHit(x.Quote, article.Title, Math.Round(x.Score, 4))
            {
                SourceUrl = article.SourceUrl,
                Link = TextFragmentLink.Build(article.SourceUrl, x.Quote.Text),
            };
        }).ToArray();
    }

    /// <summary>Distinct speakers whose names match what is typed, most quoted first (for autocomplete).</summary>
    public IReadOnlyList<string> Speakers(ArticleSnapshot snapshot, string typed, int max)
    {
        var wanted = TextNormalizer.FoldForMatching(typed);
        return Indexed(snapshot).Quotes
            .Where(q => wanted.Length == 0 || SpeakerMatches(q.FoldedSpeaker, wanted))
            .GroupBy(q => q.Quote.Speaker!, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(g => g.Key)
            .ToArray();
    }

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
