using BriefingBot.Core.Retrieval;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// The text embedded for a sentence: the sentence after its article's title, so that one which never names its
/// subject ("It can have the same power as a nuclear bomb") is still about something.
/// </summary>
public static class EmbeddingText
{
    public static string For(SearchIndex index, int sentence)
    {
        var title = index.Articles[index.Sentence(sentence).Article].Title.Trim();
        var text = index.SentenceText(sentence);
        return title.Length == 0 ? text : title.TrimEnd('.', ' ') + ". " + text;
    }
}
