using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Digest;

/// <summary>
/// Groups articles that tell the same story, so a digest shows it once. Two articles belong together when their
/// titles and opening sentences share enough distinctive words (cosine of tf-idf vectors).
/// </summary>
public static class StoryGrouper
{
    /// <summary>Similarity above which two articles are one story; high enough that a shared topic alone is not enough.</summary>
    public const double SameStoryThreshold = 0.45;

    /// <summary>Groups in input order; each group's first article is the one that appeared first.</summary>
    public static IReadOnlyList<IReadOnlyList<Article>> Group(SearchIndex index, IReadOnlyList<Article> articles)
    {
        var vectors = articles.Select(a => Vector(index, a)).ToArray();
        var groups = new List<(Dictionary<string, double> Lead, List<Article> Members)>();
        for (var i = 0; i < articles.Count; i++)
        {
            var home = groups.FirstOrDefault(g => Cosine(g.Lead, vectors[i]) >= SameStoryThreshold);
            if (home.Members is null)
            {
                groups.Add((vectors[i], [articles[i]]));
            }
            else
            {
                home.Members.Add(articles[i]);
            }
        }

        return groups.Select(g => (IReadOnlyList<Article>)g.Members).ToArray();
    }

    internal static double Similarity(SearchIndex index, Article a, Article b) => Cosine(Vector(index, a), Vector(index, b));

    private static Dictionary<string, double> Vector(SearchIndex index, Article article)
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

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
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
