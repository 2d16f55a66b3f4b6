using System.Text.RegularExpressions;
using static BriefingBot.Core.Quotes.QuoteWords;
using static BriefingBot.Core.Quotes.SpeakerPhrase;
using static BriefingBot.Core.Text.NewsLexicon;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Gives quotations without an attribution of their own a speaker, and replaces "he"/"she" with the person meant.
/// </summary>
/// <remarks>
/// Quotes without an attribution of their own take their speaker from the neighbouring quote in the same paragraph,
/// or, when their paragraph opens with the quote, from the quote in the paragraph before (news style for a quotation
/// running over several paragraphs). "he"/"she" are resolved to the most recent person-like speaker.
/// </remarks>
internal static class SpeakerResolver
{
    public static void Resolve(string body, List<QuoteCandidate> quotes)
    {
        // Pronouns first, so that quotes inheriting a speaker below inherit the person rather than "he".
        // "he"/"she" stand for the latest person named before them: a person quoted earlier, or the subject of a
        // speech verb in the text ("The official said that ..." then "“...,” he said").
        string? lastPerson = null;
        var lastPersonAt = -1;
        foreach (var quote in quotes)
        {
            if (quote.Speaker is { } speaker && quote.HasOwnAttribution
                && (speaker.Equals("he", StringComparison.OrdinalIgnoreCase) || speaker.Equals("she", StringComparison.OrdinalIgnoreCase)))
            {
                var subject = PersonSubjectBefore(body, quote.OpenMark, quotes);
                var mentioned = NamedPersonBefore(body, Math.Max(0, lastPersonAt), quote.OpenMark, quotes);
                if (mentioned is not null && (subject is null || mentioned.Value.Position > subject.Value.Position))
                {
                    subject = mentioned;
                }

                var resolved = subject is not null && subject.Value.Position > lastPersonAt ? subject.Value.Phrase : lastPerson;
                if (resolved is not null)
                {
                    quote.Speaker = resolved;
                }
            }

            if (quote.Speaker is { } named && IsPerson(named))
            {
                lastPerson = named;
                lastPersonAt = quote.OpenMark;
            }
        }

        // Within a paragraph, an unattributed quote shares the attribution of its neighbour.
        for (var i = 0; i < quotes.Count; i++)
        {
            if (quotes[i].Speaker is not null || quotes[i].IsFragment)
            {
                continue;
            }

            quotes[i].Speaker = NeighbourSpeaker(quotes, i, -1) ?? NeighbourSpeaker(quotes, i, +1);
        }

        // A paragraph that opens with a quote continues the quotation of the paragraph before.
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            if (quote.Speaker is not null || quote.IsFragment || !quote.OpensParagraph)
            {
                continue;
            }

            var previous = LastSpeechInParagraph(quotes, i, quote.Paragraph - 1);
            if (previous?.Speaker is not null)
            {
                quote.Speaker = previous.Speaker;
                for (var j = i + 1; j < quotes.Count && quotes[j].Paragraph == quote.Paragraph && quotes[j].Speaker is null; j++)
                {
                    quotes[j].Speaker = previous.Speaker;
                }
            }
        }

        // An open quote that runs on into the next paragraph takes the speaker named there.
        for (var i = quotes.Count - 2; i >= 0; i--)
        {
            if (quotes[i].Speaker is null && quotes[i].RunsToParagraphEnd && quotes[i + 1].OpensParagraph
                && quotes[i + 1].Paragraph == quotes[i].Paragraph + 1)
            {
                quotes[i].Speaker = quotes[i + 1].Speaker;
            }
        }
    }

    private static string? NeighbourSpeaker(List<QuoteCandidate> quotes, int index, int step)
    {
        for (var j = index + step; j >= 0 && j < quotes.Count && quotes[j].Paragraph == quotes[index].Paragraph; j += step)
        {
            if (!quotes[j].IsFragment && quotes[j].HasOwnAttribution)
            {
                return quotes[j].Speaker;
            }
        }

        return null;
    }

    private static QuoteCandidate? LastSpeechInParagraph(List<QuoteCandidate> quotes, int before, int paragraph)
    {
        for (var j = before - 1; j >= 0 && quotes[j].Paragraph >= paragraph; j--)
        {
            if (quotes[j].Paragraph == paragraph && !quotes[j].IsFragment)
            {
                return quotes[j];
            }
        }

        return null;
    }

    /// <summary>
    /// The latest full name ("Captain Tom Reid was less certain.") written outside quotations between two points:
    /// "he" after it most likely means that person even when no speech verb followed the name.
    /// </summary>
    private static (string Phrase, int Position)? NamedPersonBefore(string body, int from, int to, List<QuoteCandidate> quotes)
    {
        (string, int)? latest = null;
        foreach (Match match in PersonName().Matches(body[from..to]))
        {
            var at = from + match.Index;
            if (!IsQuoted(quotes, at))
            {
                latest = (match.Groups["name"].Value, at);
            }
        }

        return latest;
    }

    /// <summary>The most recent non-pronoun, person-like subject of a speech verb before <paramref name="position"/>.</summary>
    private static (string Phrase, int Position)? PersonSubjectBefore(string body, int position, List<QuoteCandidate> quotes)
    {
        var words = ReadWords(body, Math.Max(0, position - 3000), position);
        for (var v = words.Count - 1; v > 0; v--)
        {
            if (!SpeechVerbs.Contains(Clean(body, words[v])) || IsQuoted(quotes, words[v].Start))
            {
                continue;
            }

            var start = v;
            while (start > 0 && v - start < MaxSpeakerWords && !EndsPhrase(body, words[start - 1])
                && !BackwardStops.Contains(Clean(body, words[start - 1])))
            {
                start--;
            }

            while (start < v && !StartsSpeaker(body, words, start))
            {
                start++;
            }

            if (start < v && IsSpeakerPhrase(body, words, start, v))
            {
                var phrase = Phrase(body, words, start, v);
                if (IsPerson(phrase))
                {
                    return (phrase, words[start].Start);
                }
            }
        }

        return null;
    }

    private static bool IsQuoted(List<QuoteCandidate> quotes, int position)
    {
        foreach (var quote in quotes)
        {
            if (quote.Text.Start <= position && position < quote.Text.End)
            {
                return true;
            }
        }

        return false;
    }
}
