using System.Collections.Frozen;
using System.Text.RegularExpressions;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Finds quotations (text in double quote marks) in an article and works out who said them from the attribution
/// around them: <c>“…,” the defector wrote.</c>, <c>“…,” said John Smith.</c>, <c>John Smith said: “…”</c>,
/// <c>According to X, “…”</c>, <c>“…” the letter continues.</c>
/// </summary>
/// <remarks>
/// Quotes without an attribution of their own take their speaker from the neighbouring quote in the same paragraph,
/// or, when their paragraph opens with the quote, from the quote in the paragraph before (news style for a quotation
/// running over several paragraphs). "he"/"she" are resolved to the most recent person-like speaker. A closing mark
/// with no opening mark before it in the paragraph is taken to open at the paragraph start (a common typo).
/// Single quote marks are not read as quotations: ’ is also the apostrophe, and guessing wrong cuts words apart.
/// </remarks>
public sealed partial class QuoteExtractor
{
    // Quotes this short are scare quotes or titles, never speech.
    private const int MaxFragmentWords = 3;

    // Embedded mid-sentence and without sentence punctuation, a quote this short is still the writer's own sentence.
    private const int MaxEmbeddedFragmentWords = 7;

    // How many words of noun phrase an attribution may have ("the former senior U.S. defense official").
    private const int MaxSpeakerWords = 7;

    // How far after a quotation an attribution with an apposition may end ("…,” Ken Perkins, an analyst at ..., told AP).
    private const int MaxAppositiveWords = 30;

    private static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "said", "says", "say", "saying", "wrote", "writes", "added", "adds", "told", "tells", "warned", "warns",
        "continued", "continues", "explained", "explains", "noted", "notes", "asked", "asks", "replied", "replies",
        "stated", "states", "claimed", "claims", "argued", "argues", "insisted", "insists", "read", "reads",
        "concluded", "concludes", "recalled", "recalls", "declared", "declares", "announced", "announces", "admitted",
        "admits", "acknowledged", "acknowledges", "responded", "responds", "suggested", "suggests", "urged", "urges",
        "cautioned", "cautions", "remarked", "tweeted", "tweets", "posted", "observed", "emphasized", "emphasised",
        "stressed", "stresses", "maintained", "maintains", "complained", "complains", "predicted", "predicts",
        "conceded", "concedes", "commented", "comments", "testified", "vowed", "vows", "shouted", "whispered", "joked",
        "quipped", "boasted", "countered", "confirmed", "confirms", "denied", "denies", "pleaded", "demanded",
        "promised", "promises", "exclaimed", "reported", "reports", "revealed", "reveals", "laughed", "recounted",
        "described", "mused", "wondered",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that may stand between a speaker and the verb: "he later said", "the official has also warned".
    private static readonly FrozenSet<string> VerbModifiers = new[]
    {
        "has", "have", "had", "also", "later", "then", "once", "previously", "reportedly", "allegedly", "again",
        "further", "simply", "would", "will", "recently", "earlier", "subsequently", "quickly", "bluntly",
        "flatly", "repeatedly", "publicly", "privately", "famously", "often", "always", "never",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that end a speaker phrase when reading after "said": "said John Smith, who ..." / "said Smith in a statement".
    private static readonly FrozenSet<string> SpeakerStops = new[]
    {
        "who", "which", "that", "in", "on", "at", "during", "after", "before", "to", "when", "while", "adding",
        "according", "as", "and", "but", "of", "from", "with", "about", "because", "for", "last", "this",
        "yesterday", "today", "tonight", "recently", "earlier", "later", "then",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Reading back from a verb, prepositions belong to the speaker ("the Archbishop of Canterbury said") but clause
    // words do not ("officials believe that the minister said").
    private static readonly FrozenSet<string> BackwardStops = new[]
    {
        "who", "which", "that", "when", "while", "because", "although", "and", "but", "as", "if", "after", "before",
        "saying", "adding", "according",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "a", "an", "one", "another", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
        "your", "some", "many", "several", "two", "three", "both",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Pronouns = new[]
    {
        "he", "she", "they", "i", "we", "it", "you",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Connectives = new[]
    {
        "yet", "however", "still", "also", "meanwhile", "instead", "indeed", "moreover", "now", "later", "earlier",
        "separately", "similarly", "likewise", "nevertheless", "nonetheless", "previously", "finally",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Speakers that are not people: "he" never refers back to "the letter".
    private static readonly FrozenSet<string> NonPersonNouns = new[]
    {
        "letter", "statement", "report", "document", "memo", "paper", "note", "email", "e-mail", "book", "article",
        "study", "filing", "complaint", "lawsuit", "indictment", "ruling", "order", "post", "tweet", "message",
        "website", "release", "survey", "poll", "text", "announcement", "bill", "law", "sign", "headline", "times",
        "newspaper", "agency", "company", "ministry", "department", "government", "court", "it",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Quote> Extract(Article article) => Extract(article, includeFragments: false);

    /// <summary>Finds the article's quotations; scare-quote fragments only when <paramref name="includeFragments"/>.</summary>
    public IReadOnlyList<Quote> Extract(Article article, bool includeFragments)
    {
        var body = article.Body;
        var candidates = new List<Candidate>();
        var paragraphIndex = 0;
        foreach (var paragraph in Paragraphs(body))
        {
            FindQuotes(body, paragraph, paragraphIndex, candidates);
            paragraphIndex++;
        }

        ResolveSpeakers(body, candidates);

        var quotes = new List<Quote>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.IsFragment && !includeFragments)
            {
                continue;
            }

            quotes.Add(new Quote(
                article.Id,
                body.Substring(c.Text.Start, c.Text.Length),
                c.Speaker,
                c.Text,
                SentenceSpan(body, c),
                c.Paragraph,
                c.IsFragment));
        }

        return quotes;
    }

    /// <summary>Paragraph spans, matching <see cref="Article.Paragraphs"/> (split on blank lines, trimmed, none empty).</summary>
    private static List<TextSpan> Paragraphs(string body)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = body.Length;
            }

            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(body[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(body[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                spans.Add(new TextSpan(s, e - s));
            }

            start = end + 2;
        }

        return spans;
    }

    private static void FindQuotes(string body, TextSpan paragraph, int paragraphIndex, List<Candidate> output)
    {
        var firstInParagraph = output.Count;
        var open = -1;
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            var c = body[i];
            var isOpening = c is '“' or '«' || (c == '"' && open < 0 && !LooksClosing(body, paragraph, i));
            var isClosing = c is '”' or '»' || (c == '"' && !isOpening);
            if (open < 0 && isOpening)
            {
                open = i;
            }
            else if (c == '"' && open >= 0 && i > paragraph.Start && char.IsWhiteSpace(body[i - 1])
                && i + 1 < paragraph.End && char.IsLetterOrDigit(body[i + 1]))
            {
                // A straight mark placed like an opening one while a quote is open: the writer left the previous
                // quotation unclosed at a sentence end and opened the next ('... definite. "Italy looks ...').
                AddCandidate(body, paragraph, paragraphIndex, open, i, output);
                open = i;
            }
            else if (isClosing)
            {
                if (open >= 0)
                {
                    AddCandidate(body, paragraph, paragraphIndex, open, i, output);
                    open = -1;
                }
                else if (output.Count == firstInParagraph)
                {
                    // A closing mark with nothing open: the writer dropped the opening mark at the paragraph start.
                    AddCandidate(body, paragraph, paragraphIndex, paragraph.Start - 1, i, output);
                }
            }

            i++;
        }

        if (open >= 0)
        {
            // Open at the paragraph end: news style for a quotation that continues in the next paragraph.
            AddCandidate(body, paragraph, paragraphIndex, open, -1, output);
        }
    }

    private static bool LooksClosing(string body, TextSpan paragraph, int mark)
    {
        var before = mark > paragraph.Start ? body[mark - 1] : ' ';
        var after = mark + 1 < paragraph.End ? body[mark + 1] : ' ';
        return !char.IsWhiteSpace(before) && before is not ('(' or '[' or '—' or '–' or '-')
            && (char.IsWhiteSpace(after) || char.IsPunctuation(after));
    }

    // open: the opening mark, or one before the paragraph when it is missing.
    // close: the closing mark, or -1 when the quote runs to the paragraph end.
    private static void AddCandidate(string body, TextSpan paragraph, int paragraphIndex, int open, int close, List<Candidate> output)
    {
        var textStart = open + 1;
        var textEnd = close >= 0 ? close : paragraph.End;
        while (textStart < textEnd && char.IsWhiteSpace(body[textStart]))
        {
            textStart++;
        }

        while (textEnd > textStart && char.IsWhiteSpace(body[textEnd - 1]))
        {
            textEnd--;
        }

        if (textEnd <= textStart)
        {
            return;
        }

        var text = new TextSpan(textStart, textEnd - textStart);
        var words = CountWords(body, text);
        var candidate = new Candidate
        {
            Paragraph = paragraphIndex,
            ParagraphSpan = paragraph,
            Text = text,
            OpenMark = Math.Max(open, paragraph.Start),
            AfterClose = close >= 0 ? close + 1 : paragraph.End,
            OpensParagraph = open <= paragraph.Start,
            RunsToParagraphEnd = close < 0,
        };

        var attribution = FindAttributionAfter(body, candidate) ?? FindAttributionBefore(body, candidate);
        candidate.Speaker = attribution?.Speaker;
        candidate.AttributionEnd = attribution?.End ?? candidate.AfterClose;
        candidate.HasOwnAttribution = attribution is not null;

        // A short quote inside the writer's own sentence (not opening it, not introduced by a colon or comma, not
        // ending like speech) is a partial quote or scare quote: 'would not make a contribution "in the form of a subsidy".'
        // A quote that is a whole utterance ("“Yes!” she said.") is speech however short.
        var endsLikeSpeech = body[textEnd - 1] is '.' or ',' or '!' or '?' or '…' or ';' or ':' or '—';
        var introduced = IsIntroduced(body, paragraph, candidate.OpenMark);
        candidate.IsFragment = !(endsLikeSpeech && introduced)
            && (words <= MaxFragmentWords || (!endsLikeSpeech && !introduced && words <= MaxEmbeddedFragmentWords));
        output.Add(candidate);
    }

    /// <summary>Whether the quotation starts its sentence or follows a colon or comma ("He said: “...”").</summary>
    private static bool IsIntroduced(string body, TextSpan paragraph, int openMark)
    {
        var i = openMark - 1;
        while (i >= paragraph.Start && char.IsWhiteSpace(body[i]))
        {
            i--;
        }

        return i < paragraph.Start || body[i] is ':' or ',' or '.' or '!' or '?' or '”' or '"' or '—';
    }

    private static int CountWords(string body, TextSpan span)
    {
        var count = 0;
        var inWord = false;
        for (var i = span.Start; i < span.End; i++)
        {
            var isWordChar = !char.IsWhiteSpace(body[i]);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    /// <summary>
    /// <c>“…,” the defector wrote</c> / <c>“…,” said John Smith</c>: the words right after the closing mark,
    /// in the same sentence.
    /// </summary>
    private static Attribution? FindAttributionAfter(string body, Candidate quote)
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
    private static Attribution? FindAttributionBefore(string body, Candidate quote)
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

    private static bool IsConnective(string word) => Connectives.Contains(word) || StopWords.Contains(word.ToLowerInvariant());

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

    private static bool StartsSpeaker(string body, List<TextSpan> words, int index)
    {
        var word = Clean(body, words[index]);
        if (word.Length == 0)
        {
            return false;
        }

        if (Determiners.Contains(word) || Pronouns.Contains(word))
        {
            return true;
        }

        // A capital that only marks a sentence start ("Yet he added") does not begin a name; an acronym ("US judge
        // Letitia Clark") does, even when it spells a stop word.
        var isAcronym = word.Length > 1 && !word.AsSpan().ContainsAnyInRange('a', 'z');
        return char.IsUpper(word[0]) && (isAcronym || (!StopWords.Contains(word.ToLowerInvariant()) && !Connectives.Contains(word)));
    }

    private static bool IsSpeakerPhrase(string body, List<TextSpan> words, int start, int end)
    {
        if (end - start > MaxSpeakerWords || !StartsSpeaker(body, words, start))
        {
            return false;
        }

        for (var i = start; i < end - 1; i++)
        {
            if (EndsPhrase(body, words[i]))
            {
                return false;
            }
        }

        return !Pronouns.Contains(Clean(body, words[start])) || end - start == 1;
    }

    private static void ResolveSpeakers(string body, List<Candidate> quotes)
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

    private static string? NeighbourSpeaker(List<Candidate> quotes, int index, int step)
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

    private static Candidate? LastSpeechInParagraph(List<Candidate> quotes, int before, int paragraph)
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
    private static (string Phrase, int Position)? NamedPersonBefore(string body, int from, int to, List<Candidate> quotes)
    {
        (string, int)? latest = null;
        foreach (Match match in FullName().Matches(body[from..to]))
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
    private static (string Phrase, int Position)? PersonSubjectBefore(string body, int position, List<Candidate> quotes)
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

    private static bool IsQuoted(List<Candidate> quotes, int position)
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

    private static bool IsPerson(string speaker)
    {
        if (Pronouns.Contains(speaker))
        {
            return false;
        }

        var lastSpace = speaker.LastIndexOf(' ');
        var head = lastSpace < 0 ? speaker : speaker[(lastSpace + 1)..];
        return !NonPersonNouns.Contains(head);
    }

    /// <summary>The paragraph's sentences from the one holding the opening mark to the one ending the attribution.</summary>
    private static TextSpan SentenceSpan(string body, Candidate quote)
    {
        var paragraph = quote.ParagraphSpan;
        var sentences = SentenceSplitter.Split(body.Substring(paragraph.Start, paragraph.Length));
        var first = quote.OpenMark - paragraph.Start;
        var last = Math.Max(quote.AttributionEnd, quote.AfterClose) - 1 - paragraph.Start;
        var start = first;
        var end = last + 1;
        foreach (var sentence in sentences)
        {
            if (sentence.Start <= first && first < sentence.End)
            {
                start = sentence.Start;
            }

            if (sentence.Start <= last && last < sentence.End)
            {
                end = sentence.End;
            }
        }

        return new TextSpan(paragraph.Start + start, end - start);
    }

    private static List<TextSpan> ReadWordsForward(string body, int from, int limit, int maxWords)
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

    private static List<TextSpan> ReadWords(string body, int from, int to)
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
    private static string Clean(string body, TextSpan word) =>
        body.AsSpan(word.Start, word.Length).Trim(".,;:!?“”\"()[]—–").ToString();

    private static bool EndsPhrase(string body, TextSpan word)
    {
        var last = body[word.End - 1];
        if (last is ',' or ';' or ':' or '!' or '?' or '—' or '”' or '"' or ')')
        {
            return true;
        }

        return last == '.' && !IsAbbreviation(body, word);
    }

    private static bool EndsSentence(string body, TextSpan word)
    {
        var last = body[word.End - 1];
        return last is '!' or '?' || (last == '.' && !IsAbbreviation(body, word));
    }

    // "Mr.", "U.S.", "Gen.": a dot that does not end the phrase.
    private static bool IsAbbreviation(string body, TextSpan word)
    {
        var text = body.AsSpan(word.Start, word.Length - 1);
        return text.Contains('.') || text is "Mr" or "Mrs" or "Ms" or "Dr" or "Gen" or "Sen" or "Rep" or "Gov" or "St" or "Lt" or "Col" or "Prof" or "Jr" or "Sr"
            || (text.Length == 1 && char.IsUpper(text[0]));
    }

    private static string Phrase(string body, List<TextSpan> words, int start, int end)
    {
        var from = words[start].Start;
        var to = words[end - 1].End;
        return body.AsSpan(from, to - from).Trim(".,;:!?“”\"()[]—– ").ToString();
    }

    private sealed record Attribution(string Speaker, int End);

    private sealed class Candidate
    {
        public int Paragraph { get; init; }

        public TextSpan ParagraphSpan { get; init; }

        public TextSpan Text { get; init; }

        public int OpenMark { get; init; }

        public int AfterClose { get; init; }

        public bool OpensParagraph { get; init; }

        public bool RunsToParagraphEnd { get; init; }

        public string? Speaker { get; set; }

        public int AttributionEnd { get; set; }

        public bool HasOwnAttribution { get; set; }

        public bool IsFragment { get; set; }
    }

    // Two or three capitalised words, not a place ("North Korea") or a sentence-opening "The"; the last two are the name.
    [GeneratedRegex(@"(?<![\p{L}])(?!(?:North|South|East|West|New|United|White|The|In|On|At|But|And)\s)(?:\p{Lu}\p{Ll}+\s)?(?<name>\p{Lu}\p{Ll}+\s\p{Lu}[\p{Ll}'’-]+)")]
    private static partial Regex FullName();
}
