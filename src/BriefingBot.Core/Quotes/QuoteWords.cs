using BriefingBot.Core.Text;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Reads the words around a quotation as whitespace-separated spans of the body, and decides where a phrase or a
/// sentence ends, the way attributions are written ("Mr." and "U.S." do not end one).
/// </summary>
internal static class QuoteWords
{
    public static List<TextSpan> ReadWordsForward(string body, int from, int limit, int maxWords)
    {
        var words = new List<TextSpan>();
        var i = from;
        while (i < limit && words.Count < maxWords)
        {
            while (i < limit && char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            var start = i;
            while (i < limit && !char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            if (i > start)
            {
                // Punctuation glued to the closing mark (",”" leaves nothing but "," or ".") is not a word.
                if (words.Count == 0 && body.AsSpan(start, i - start).Trim(",.;:!?").IsEmpty)
                {
                    if (body[start] is '.' or '!' or '?')
                    {
                        return words;
                    }

                    continue;
                }

                words.Add(new TextSpan(start, i - start));
                if (EndsSentence(body, words[^1]))
                {
                    break;
                }
            }
        }

        return words;
    }

    public static List<TextSpan> ReadWords(string body, int from, int to)
    {
        var words = new List<TextSpan>();
        var i = from;
        while (i < to)
        {
            while (i < to && char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            var start = i;
            while (i < to && !char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(new TextSpan(start, i - start));
            }
        }

        return words;
    }

    /// <summary>The word without surrounding punctuation and quote marks.</summary>
    public static string Clean(string body, TextSpan word) =>
        body.AsSpan(word.Start, word.Length).Trim(".,;:!?“”\"()[]—–").ToString();

    public static bool EndsPhrase(string body, TextSpan word)
    {
        var last = body[word.End - 1];
        if (last is ',' or ';' or ':' or '!' or '?' or '—' or '”' or '"' or ')')
        {
            return true;
        }

        return last == '.' && !IsAbbreviation(body, word);
    }

    public static bool EndsSentence(string body, TextSpan word)
    {
        var last = body[word.End - 1];
        return last is '!' or '?' || (last == '.' && !IsAbbreviation(body, word));
    }

    // "Mr.", "U.S.", "Gen.": a dot that does not end the phrase.
    private static bool IsAbbreviation(string body, TextSpan word)
    {
        var text = body.AsSpan(word.Start, word.Length - 1);
        return text.Contains('.') || NewsLexicon.AttributionTitleLookup.Contains(text)
            || (text.Length == 1 && char.IsUpper(text[0]));
    }

    public static string Phrase(string body, List<TextSpan> words, int start, int end)
    {
        var from = words[start].Start;
        var to = words[end - 1].End;
        return body.AsSpan(from, to - from).Trim(".,;:!?“”\"()[]—– ").ToString();
    }
}
