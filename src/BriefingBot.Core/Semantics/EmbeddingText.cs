using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Ranking;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// What each vector slot of an index embeds: slots below <see cref="SearchIndex.SentenceCount"/> are its sentences,
/// the next <c>Articles.Count</c> its titles. A sentence is embedded after its article's title ("Casino Royale is
/// next Bond movie. It was turned into a spoof in 1967."): news sentences lean on their story for their subject, and
/// with the title in front the model places a detail inside the story it belongs to. Inside the right article this
/// picks the answering sentence by cosine alone for 61% of our news questions against 51% for the bare sentence
/// (docs/ranking.md); the price is that a sentence syndicated under two titles is embedded twice.
/// </summary>
public static class EmbeddingText
{
    /// <summary>How many vector slots <paramref name="index"/> needs.</summary>
    public static int Slots(SearchIndex index) => index.SentenceCount + index.Articles.Count;

    /// <summary>The vector slot of <paramref name="article"/>'s title.</summary>
    public static int TitleSlot(SearchIndex index, int article) => index.SentenceCount + article;

    public static string For(SearchIndex index, int slot) =>
        slot < index.SentenceCount ? InContext(index.Articles[index.Sentence(slot).Article].Title, index.SentenceText(slot)) : index.Articles[slot - index.SentenceCount].Title;

    /// <summary>A sentence as it is embedded: after its title, unless the title is empty or the sentence starts with it.</summary>
    public static string InContext(string title, string sentence)
    {
        var heading = title.Trim();
        if (heading.Length == 0 || sentence.StartsWith(heading, StringComparison.OrdinalIgnoreCase))
        {
            return sentence;
        }

        return char.IsPunctuation(heading[^1]) ? $"{heading} {sentence}" : $"{heading}. {sentence}";
    }

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
