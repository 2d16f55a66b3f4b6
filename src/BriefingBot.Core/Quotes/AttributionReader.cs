using BriefingBot.Core.Text;
using static BriefingBot.Core.Quotes.QuoteWords;
using static BriefingBot.Core.Quotes.SpeakerPhrase;
using static BriefingBot.Core.Text.NewsLexicon;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Reads a quotation's own attribution, after it (<c>“…,” the defector wrote.</c>, <c>“…,” said John Smith.</c>,
/// <c>“…” the letter continues.</c>) or before it in the same sentence (<c>John Smith said: “…”</c>,
/// <c>According to X, “…”</c>).
/// </summary>
internal static class AttributionReader
{
    // How far after a quotation an attribution with an apposition may end ("…,” Ken Perkins, an analyst at ..., told AP).
    private const int MaxAppositiveWords = 30;

    /// <summary>Sets the quotation's speaker and where its attribution ends, when it has one of its own.</summary>
    public static void Read(string body, QuoteCandidate quote)
    {
        var attribution = FindAfter(body, quote) ?? FindBefore(body, quote);
        quote.Speaker = attribution?.Speaker;
        quote.AttributionEnd = attribution?.End ?? quote.AfterClose;
        quote.HasOwnAttribution = attribution is not null;
    }

    /// <summary>
    /// <c>“…,” the defector wrote</c> / <c>“…,” said John Smith</c>: the words right after the closing mark,
    /// in the same sentence.
    /// </summary>
    private static Attribution? FindAfter(string body, QuoteCandidate quote)
    {
        if (quote.RunsToParagraphEnd)
        {
            return null;
        }

        var words = ReadWordsForward(body, quote.AfterClose, quote.ParagraphSpan.End, MaxAppositiveWords);
        if (words.Count == 0)
        {
            return null;
        }

        var first = Clean(body, words[0]);
        if (SpeechVerbs.Contains(first))
        {
            return ReadSpeakerAfterVerb(body, words, 1);
        }

        if (first.Equals("according", StringComparison.OrdinalIgnoreCase) && words.Count > 2
            && Clean(body, words[1]).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return ReadSpeakerAfterVerb(body, words, 2);
        }

        // A quotation that ends its own sentence inside the marks ("…bomb.” The Times noted) has no attribution after.
        if (body[quote.Text.End - 1] == '.')
        {
            return null;
        }

        for (var v = 1; v < words.Count; v++)
        {
            var before = body[words[v - 1].End - 1];
            if (before != ',' && EndsPhrase(body, words[v - 1]))
            {
                return null;
            }

            if (!SpeechVerbs.Contains(Clean(body, words[v])))
            {
                if (v >= MaxSpeakerWords + 3 && !HasCommaBefore(body, words, v))
                {
                    return null;
                }

                continue;
            }

            if (before == ',' || HasCommaBefore(body, words, v))
            {
                // “…,” Ken Perkins, an analyst at RetailMetrics, told AP: the speaker is named before the apposition.
                var named = AppositiveSpeaker(body, words, 0, v);
                return named is null ? null : new Attribution(named, words[v].End);
            }

            var subjectEnd = v;
            while (subjectEnd > 0 && VerbModifiers.Contains(Clean(body, words[subjectEnd - 1])))
            {
                subjectEnd--;
            }

            // Right after a quotation any short phrase before a speech verb is its speaker
            // ("chairman and chief executive Richard Parsons said"), so no noun-phrase test here.
            return subjectEnd > 0 && subjectEnd <= MaxSpeakerWords
                ? new Attribution(Phrase(body, words, 0, subjectEnd), words[v].End)
                : null;
        }

        return null;
    }

    // "said judge Claire Armistead": a lower-case title before a name.
    private static bool HasCapitalisedWord(string body, List<TextSpan> words, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsUpper(body[words[i].Start]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCommaBefore(string body, List<TextSpan> words, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (body[words[i].End - 1] == ',')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first comma-separated phrase before <paramref name="verb"/> that reads like a speaker, skipping
    /// descriptions and relative clauses ("Rory O'Neill, editor of Hazards, which ran the survey, said").
    /// </summary>
    private static string? AppositiveSpeaker(string body, List<TextSpan> words, int from, int verb)
    {
        var start = from;
        for (var i = from; i < verb; i++)
        {
            if (!EndsPhrase(body, words[i]) && i < verb - 1)
            {
                continue;
            }

            var end = i + 1;
            var first = Clean(body, words[start]);
            if (!SpeakerStops.Contains(first) && !BackwardStops.Contains(first) && IsSpeakerPhrase(body, words, start, end))
            {
                return Phrase(body, words, start, end);
            }

            start = end;
        }

        return null;
    }

    /// <summary>"said the official, who ..." / "said John Smith."</summary>
    private static Attribution? ReadSpeakerAfterVerb(string body, List<TextSpan> words, int from)
    {
        var end = from;
        while (end < words.Count && end - from < MaxSpeakerWords)
        {
            var cleaned = Clean(body, words[end]);
            if (end > from && SpeakerStops.Contains(cleaned))
            {
                break;
            }

            end++;
            if (EndsPhrase(body, words[end - 1]))
            {
                break;
            }
        }

        if (end == from || !(IsSpeakerPhrase(body, words, from, end) || HasCapitalisedWord(body, words, from, end)))
        {
            return null;
        }

        return new Attribution(Phrase(body, words, from, end), words[end - 1].End);
    }

    /// <summary>
    /// <c>John Smith said: “…”</c>, <c>According to X, “…”</c>, or <c>the defector said his warnings ... because “…”</c>:
    /// the nearest speech verb before the opening mark in the same sentence, and the noun phrase before it.
    /// </summary>
    private static Attribution? FindBefore(string body, QuoteCandidate quote)
    {
        var sentenceStart = SentenceStartBefore(body, quote.ParagraphSpan, quote.OpenMark);
        var words = ReadWords(body, sentenceStart, quote.OpenMark);
        var participle = false;
        for (var v = words.Count - 1; v >= 0; v--)
        {
            var cleaned = Clean(body, words[v]);
            if (cleaned.Equals("to", StringComparison.OrdinalIgnoreCase) && v > 0
                && Clean(body, words[v - 1]).Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                var end = v + 1;
                while (end < words.Count && end - v <= MaxSpeakerWords && !EndsPhrase(body, words[end - 1]))
                {
                    end++;
                }

                return end > v + 1 ? new Attribution(Phrase(body, words, v + 1, end), quote.AfterClose) : null;
            }

            if (cleaned.Equals("saying", StringComparison.OrdinalIgnoreCase) || cleaned.Equals("adding", StringComparison.OrdinalIgnoreCase))
            {
                participle = true;
                continue;
            }

            if (!SpeechVerbs.Contains(cleaned))
            {
                continue;
            }

            var subjectEnd = v;
            while (subjectEnd > 0 && VerbModifiers.Contains(Clean(body, words[subjectEnd - 1])))
            {
                subjectEnd--;
            }

            if (subjectEnd > 0 && body[words[subjectEnd - 1].End - 1] == ',')
            {
                var named = AppositiveSpeaker(body, words, 0, subjectEnd);
                return named is null ? null : new Attribution(named, quote.AfterClose);
            }

            var subjectStart = subjectEnd;
            while (subjectStart > 0 && subjectEnd - subjectStart < MaxSpeakerWords && !EndsPhrase(body, words[subjectStart - 1])
                && !BackwardStops.Contains(Clean(body, words[subjectStart - 1])))
            {
                subjectStart--;
            }

            // Trim leading words until the phrase starts like a noun phrase ("In an interview, the defector").
            while (subjectStart < subjectEnd && !StartsSpeaker(body, words, subjectStart))
            {
                subjectStart++;
            }

            if (subjectStart < subjectEnd && IsSpeakerPhrase(body, words, subjectStart, subjectEnd))
            {
                return new Attribution(Phrase(body, words, subjectStart, subjectEnd), quote.AfterClose);
            }

            return null;
        }

        // "Mr Tanguay backed that view, saying: “…”": the speaker is the name that opens the sentence.
        return participle && SentenceSubjectName(body, words) is { } name ? new Attribution(name, quote.AfterClose) : null;
    }

    private static string? SentenceSubjectName(string body, List<TextSpan> words)
    {
        var start = 0;
        while (start < words.Count && IsConnective(Clean(body, words[start])))
        {
            start++;
        }

        var end = start;
        while (end < words.Count && end - start < MaxSpeakerWords && Clean(body, words[end]) is { Length: > 0 } word && char.IsUpper(word[0]))
        {
            end++;
            if (EndsPhrase(body, words[end - 1]))
            {
                break;
            }
        }

        return end > start ? Phrase(body, words, start, end) : null;
    }

    private static int SentenceStartBefore(string body, TextSpan paragraph, int position)
    {
        var prefix = new TextSpan(paragraph.Start, position - paragraph.Start);
        var sentences = SentenceSplitter.Split(body.Substring(prefix.Start, prefix.Length));
        if (sentences.Count == 0)
        {
            return paragraph.Start;
        }

        var last = sentences[^1];
        var lastText = body.AsSpan(prefix.Start + last.Start, last.Length);

        // The prefix ends mid-sentence, so a last "sentence" that ends in a full stop is a finished one.
        return lastText.Length > 0 && lastText[^1] is '.' or '!' or '?' or '”' or '"'
            ? position
            : prefix.Start + last.Start;
    }
}
