using System.Collections.Frozen;

namespace BriefingBot.Core.Text;

/// <summary>
/// English stop words in folded form (as <see cref="Tokenizer"/> produces them): the Snowball English list, the
/// Lucene English list, and the negative contractions as the tokenizer folds them ("don't" -> "dont").
/// </summary>
/// <remarks>
/// Question words (who, when, why, ...) are stop words here: the answer engine reads them from the raw question.
/// Contractions such as "I'm" or "he's" need no entries of their own, because the tokenizer drops their clitic.
/// </remarks>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        // Snowball English.
        "i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
        "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am",
        "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing",
        "would", "should", "could", "ought", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until",
        "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
        "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again",
        "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few",
        "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",

        // The one word Lucene's English list adds.
        "will",

        // Negative contractions, folded.
        "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "doesnt", "dont", "didnt", "wont", "wouldnt",
        "shant", "shouldnt", "cant", "cannot", "couldnt", "mustnt", "neednt", "aint",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(string foldedWord) => Words.Contains(foldedWord);

    public static bool Contains(ReadOnlySpan<char> foldedWord) => SpanLookup.Contains(foldedWord);

    /// <summary>Every stop word, for callers that need to show or export the list.</summary>
    public static IReadOnlySet<string> All => Words;
}
