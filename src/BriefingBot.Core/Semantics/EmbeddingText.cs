using BriefingBot.Core.Retrieval;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// What each vector slot of an index embeds: slots below <see cref="SearchIndex.SentenceCount"/> are its sentences,
/// the next <c>Articles.Count</c> its titles. A sentence is embedded on its own, never with its title, so a sentence
/// shared by many articles (wire copy, syndication, re-combined test corpora) is embedded and cached once; the title
/// gives the context separately (<see cref="CandidateFeatures.TitleSimilarity"/>).
/// </summary>
public static class EmbeddingText
{
    /// <summary>How many vector slots <paramref name="index"/> needs.</summary>
    public static int Slots(SearchIndex index) => index.SentenceCount + index.Articles.Count;

    /// <summary>The vector slot of <paramref name="article"/>'s title.</summary>
    public static int TitleSlot(SearchIndex index, int article) => index.SentenceCount + article;

    public static string For(SearchIndex index, int slot) =>
        slot < index.SentenceCount ? index.SentenceText(slot) : index.Articles[slot - index.SentenceCount].Title;

    /// <summary>
    /// The <paramref name="count"/> articles whose titles are closest in meaning to <paramref name="question"/>, best
    /// first; titles without a vector yet are skipped. A brute-force pass: one dot product per article.
    /// </summary>
    internal static IEnumerable<int> ClosestTitles(SearchIndex index, SentenceVectors vectors, float[] question, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var best = new TopK(count);
        for (var article = 0; article < index.Articles.Count; article++)
        {
            if (vectors.Dot(TitleSlot(index, article), question) is { } similarity)
            {
                best.Add(similarity, article);
            }
        }

        return best.Sorted().Select(x => x.Id);
    }
}
