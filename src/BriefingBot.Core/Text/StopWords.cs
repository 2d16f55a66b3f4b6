using System.Collections.Frozen;

namespace BriefingBot.Core.Text;

/// <summary>PLACEHOLDER (replaced by the text work): a short English stop list.</summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "has", "have", "he", "her",
        "his", "how", "i", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them", "they",
        "this", "to", "was", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with", "you",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string foldedWord) => Words.Contains(foldedWord);
}
