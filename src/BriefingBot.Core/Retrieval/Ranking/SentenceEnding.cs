namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Tells a sentence from an image caption, a heading or a list entry that the splitter also yields as a "sentence":
/// these name the right things but rarely state an answer, so ranking holds them back.
/// </summary>
internal static class SentenceEnding
{
    /// <summary>
    /// Whether the text ends as a sentence does, or as one that introduces a quote or a list ("he stated:"), after
    /// closing quotes and brackets and trailing reference marks ("… in 1914.[citation needed]", "… in 1873.:33").
    /// </summary>
    public static bool IsComplete(string sentence) => IsComplete(sentence.AsSpan());

    /// <inheritdoc cref="IsComplete(string)"/>
    public static bool IsComplete(ReadOnlySpan<char> sentence)
    {
        var text = sentence.TrimEnd();
        if (text is [.., ']'] && text.LastIndexOf('[') is var open and > 0)
        {
            text = text[..open].TrimEnd();
        }

        if (text is [.., ':'])
        {
            return true;
        }

        // Page references (".:245", ".:12-11") after the full stop; digits alone end no sentence, so trimming them
        // cannot turn a caption ("… from 2005-2010") into one.
        text = text.TrimEnd("0123456789–-:").TrimEnd("\"'’”)");
        return text is [.., '.' or '!' or '?' or '…'];
    }
}
