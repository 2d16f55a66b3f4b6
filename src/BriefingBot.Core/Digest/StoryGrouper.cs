using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Digest;

/// <summary>
/// Groups articles that tell the same story, so a digest shows it once. Two articles belong together when their
/// titles and opening sentences share enough distinctive words (cosine of tf-idf vectors); with meaning available,
/// when the mean of that cosine and the cosine of their title-and-lead vectors (the mean of the title's and the first
/// two sentences' vectors) is high enough.
/// </summary>
/// <remarks>
/// Meaning alone is a poor judge of "same story": all-MiniLM-L6-v2 places two episodes of one saga (a ban and its
/// appeal) as close as two reports of one event, while the words they share (names, figures) tell them apart. The
/// two together keep the recall of words alone and group far fewer merely related stories; see
/// docs/story-grouping.md for the labelled BBC pairs and the figures.
/// </remarks>
public static class StoryGrouper
{
    /// <summary>Similarity above which two articles are one story; high enough that a shared topic alone is not enough.</summary>
    public const double SameStoryThreshold = 0.45;

    /// <summary>
    /// The mean of the meaning and word cosines above which two articles are one story: on labelled BBC pairs it
    /// keeps the recall of <see cref="SameStoryThreshold"/> on words alone and groups 44% fewer same-topic pairs.
    /// </summary>
    public const double SameStoryMeaningThreshold = 0.62;

    private const int LeadSentences = 2;

    /// <summary>Groups in input order; each group's first article is the one that appeared first.</summary>
    public static IReadOnlyList<IReadOnlyList<Article>> Group(SearchIndex index, IReadOnlyList<Article> articles) =>
        Group(index, articles, embeddings: null);

    /// <summary>
    /// Groups in input order, by meaning where <paramref name="embeddings"/> has (or can embed, within
    /// <paramref name="onDemandBudget"/> vectors) the articles' titles and leads, by words otherwise.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Article>> Group(
        SearchIndex index,
        IReadOnlyList<Article> articles,
        ISentenceEmbeddings? embeddings,
        int onDemandBudget = 0,
        CancellationToken cancellationToken = default)
    {
        var words = articles.Select(a => Vector(index, a)).ToArray();
        var meanings = LeadVectors(index, articles, embeddings, onDemandBudget, cancellationToken);
        var groups = new List<(int Lead, List<Article> Members)>();
        for (var i = 0; i < articles.Count; i++)
        {
            var home = groups.FirstOrDefault(g => SameStory(words, meanings, g.Lead, i));
            if (home.Members is null)
            {
                groups.Add((i, [articles[i]]));
            }
            else
            {
                home.Members.Add(articles[i]);
            }
        }

        return groups.Select(g => (IReadOnlyList<Article>)g.Members).ToArray();
    }

    internal static double Similarity(SearchIndex index, Article a, Article b) => Cosine(Vector(index, a), Vector(index, b));

    /// <summary>
    /// The unit mean of the first sentences' vectors of each article (each embedded after its title, see
    /// <see cref="EmbeddingText"/>), or the title's alone for an article without sentences; null where any is missing,
    /// since comparing half-vectors with whole ones would skew the cosine.
    /// </summary>
    internal static float[]?[] LeadVectors(
        SearchIndex index,
        IReadOnlyList<Article> articles,
        ISentenceEmbeddings? embeddings,
        int onDemandBudget,
        CancellationToken cancellationToken)
    {
        var result = new float[]?[articles.Count];
        if (embeddings is not { IsAvailable: true } || articles.Count == 0 || embeddings.VectorsFor(index) is not { } vectors)
        {
            return result;
        }

        var positions = new Dictionary<Article, int>(ReferenceEqualityComparer.Instance);
        for (var a = 0; a < index.Articles.Count; a++)
        {
            positions.TryAdd(index.Articles[a], a);
        }

        var slots = articles.Select(a => positions.TryGetValue(a, out var position) ? LeadSlots(index, position) : []).ToArray();
        var missing = slots.SelectMany(s => s).Where(slot => !vectors.Has(slot)).ToArray();
        if (missing.Length > 0 && onDemandBudget > 0)
        {
            // In input order (newest first in a digest), so a tight budget goes to the stories shown first.
            embeddings.EmbedNow(index, missing, onDemandBudget, cancellationToken);
        }

        for (var i = 0; i < articles.Count; i++)
        {
            if (slots[i].Length == 0)
            {
                continue;
            }

            var sum = new float[vectors.Dimensions];
            if (slots[i].All(slot => vectors.AddTo(slot, sum)))
            {
                result[i] = Normalised(sum);
            }
        }

        return result;
    }

    internal static int[] LeadSlots(SearchIndex index, int article)
    {
        var (first, end) = index.SentenceRange(article);
        return end > first ? [.. Enumerable.Range(first, Math.Min(LeadSentences, end - first))] : [EmbeddingText.TitleSlot(index, article)];
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    private static bool SameStory(Dictionary<string, double>[] words, float[]?[] meanings, int a, int b) =>
        meanings[a] is { } x && meanings[b] is { } y
            ? Combined(Dot(x, y), Cosine(words[a], words[b])) >= SameStoryMeaningThreshold
            : Cosine(words[a], words[b]) >= SameStoryThreshold;

    /// <summary>The score <see cref="SameStoryMeaningThreshold"/> applies to.</summary>
    internal static double Combined(double meaning, double words) => (meaning + words) / 2;

    internal static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    internal static Dictionary<string, double> Vector(SearchIndex index, Article article)
    {
        var lead = string.Join(" ", SentenceSplitter.Split(article.Body).Take(3).Select(s => s.Of(article.Body)));
        var text = article.Title + ". " + article.Title + ". " + lead;
        var articles = Math.Max(1, index.Articles.Count);
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in TextAnalyzer.Analyze(text))
        {
            if (!term.IsStopWord)
            {
                vector[term.Stem] = vector.GetValueOrDefault(term.Stem) + 1;
            }
        }

        foreach (var stem in vector.Keys.ToArray())
        {
            var id = index.TermId(stem);
            var df = id < 0 ? 1 : Math.Max(1, index.ArticleFrequencies[id]);
            vector[stem] = Math.Log(1 + vector[stem]) * Math.Log(1 + ((double)articles / df));
        }

        return vector;
    }

    internal static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (term, weight) in a)
        {
            na += weight * weight;
            if (b.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }

        foreach (var weight in b.Values)
        {
            nb += weight * weight;
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
