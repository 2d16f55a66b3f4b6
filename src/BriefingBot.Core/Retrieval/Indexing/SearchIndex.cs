using System.Collections.Concurrent;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Retrieval.Titles;

namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>
/// An immutable inverted index over the sentences and articles of one snapshot. Sentences of an article are
/// contiguous, so an article's sentences are <c>FirstSentence[a] .. FirstSentence[a + 1] - 1</c>.
/// Build it with <see cref="Build"/>; query it through <see cref="SentenceSearcher"/> and friends.
/// </summary>
public sealed class SearchIndex
{
    private readonly Lazy<TermCorrector> _corrector;
    private readonly Lazy<TitleLookup> _titles;
    private readonly Lazy<SortedVocabulary> _vocabulary;

    // Score arrays for queries in flight; one per concurrent query, kept with the index so they go away with it.
    private readonly ConcurrentBag<SearchScratch> _scratch = [];

    internal SearchIndex(
        IReadOnlyList<Article> articles,
        SentenceEntry[] sentences,
        int[] firstSentence,
        Dictionary<string, int> terms,
        SentencePostings sentencePostings,
        int[] articleFrequencies,
        PostingTable titlePostings,
        int[] articleLengths,
        int[] titleLengths,
        Dictionary<string, int> surfaceForms)
    {
        Articles = articles;
        Sentences = sentences;
        FirstSentence = firstSentence;
        Terms = terms;
        TermNames = new string[terms.Count];
        foreach (var (stem, id) in terms)
        {
            TermNames[id] = stem;
        }

        SentencePostings = sentencePostings;
        ArticleFrequencies = articleFrequencies;
        TitlePostings = titlePostings;
        ArticleLengths = articleLengths;
        TitleLengths = titleLengths;
        SurfaceForms = surfaceForms;
        AverageSentenceLength = sentences.Length == 0 ? 1 : Math.Max(1, sentences.Average(s => (double)s.TermCount));
        AverageArticleLength = articleLengths.Length == 0 ? 1 : Math.Max(1, articleLengths.Average());
        AverageTitleLength = titleLengths.Length == 0 ? 1 : Math.Max(1, titleLengths.Average());
        _corrector = new Lazy<TermCorrector>(() => new TermCorrector(this), LazyThreadSafetyMode.ExecutionAndPublication);
        _titles = new Lazy<TitleLookup>(() => new TitleLookup(this), LazyThreadSafetyMode.ExecutionAndPublication);
        _vocabulary = new Lazy<SortedVocabulary>(() => new SortedVocabulary(surfaceForms.Keys), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static SearchIndex Empty { get; } = Build([]);

    public IReadOnlyList<Article> Articles { get; }

    public int SentenceCount => Sentences.Length;

    internal SentenceEntry[] Sentences { get; }

    /// <summary>Index of each article's first sentence, plus one final entry equal to the sentence count.</summary>
    internal int[] FirstSentence { get; }

    /// <summary>Stem → term id.</summary>
    internal Dictionary<string, int> Terms { get; }

    /// <summary>Term id → stem.</summary>
    internal string[] TermNames { get; }

    internal SentencePostings SentencePostings { get; }

    /// <summary>Per term, how many article bodies contain it.</summary>
    internal int[] ArticleFrequencies { get; }

    internal PostingTable TitlePostings { get; }

    internal int[] ArticleLengths { get; }

    internal int[] TitleLengths { get; }

    /// <summary>Folded surface word → term id of its stem; the vocabulary typo correction searches.</summary>
    internal Dictionary<string, int> SurfaceForms { get; }

    internal double AverageSentenceLength { get; }

    internal double AverageArticleLength { get; }

    internal double AverageTitleLength { get; }

    internal TermCorrector Corrector => _corrector.Value;

    internal TitleLookup Titles => _titles.Value;

    internal SortedVocabulary Vocabulary => _vocabulary.Value;

    public static SearchIndex Build(IReadOnlyList<Article> articles) => new SearchIndexBuilder().Build(articles);

    /// <summary>Builds the lazily created spelling corrector, title lookup and vocabulary now.</summary>
    public void Warm()
    {
        _ = _corrector.Value;
        _ = _titles.Value;
        _ = _vocabulary.Value;
    }

    /// <summary>Working arrays for one query; give them back with <see cref="Return"/>.</summary>
    internal SearchScratch Rent() => _scratch.TryTake(out var scratch) ? scratch : new SearchScratch(Sentences.Length, Articles.Count);

    internal void Return(SearchScratch scratch)
    {
        scratch.Reset();
        _scratch.Add(scratch);
    }

    /// <summary>The text of sentence <paramref name="sentence"/>.</summary>
    public string SentenceText(int sentence)
    {
        var entry = Sentences[sentence];
        return Articles[entry.Article].Body.Substring(entry.Start, entry.Length);
    }

    /// <summary>The text of sentence <paramref name="sentence"/> without copying it, for ranking's look at the words.</summary>
    internal ReadOnlySpan<char> SentenceSpan(int sentence)
    {
        var entry = Sentences[sentence];
        return Articles[entry.Article].Body.AsSpan(entry.Start, entry.Length);
    }

    internal SentenceEntry Sentence(int sentence) => Sentences[sentence];

    internal (int First, int End) SentenceRange(int article) => (FirstSentence[article], FirstSentence[article + 1]);

    internal int TermId(string stem) => Terms.TryGetValue(stem, out var id) ? id : -1;
}
