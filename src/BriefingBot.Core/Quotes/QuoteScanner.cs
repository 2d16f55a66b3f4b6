using BriefingBot.Core.Articles;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Finds the quotations (text in double quote marks) of a body, paragraph by paragraph, and marks the scare-quote
/// fragments. A closing mark with no opening mark before it in the paragraph is taken to open at the paragraph start
/// (a common typo). Single quote marks are not read as quotations: ’ is also the apostrophe, and guessing wrong cuts
/// words apart.
/// </summary>
internal static class QuoteScanner
{
    // Quotes this short are scare quotes or titles, never speech.
    private const int MaxFragmentWords = 3;

    // Embedded mid-sentence and without sentence punctuation, a quote this short is still the writer's own sentence.
    private const int MaxEmbeddedFragmentWords = 7;

    /// <summary>Every quotation in the body, in order, without speakers yet.</summary>
    public static List<QuoteCandidate> Scan(string body)
    {
        var candidates = new List<QuoteCandidate>();
        var paragraphIndex = 0;
        foreach (var paragraph in Paragraphs(body))
        {
            FindQuotes(body, paragraph, paragraphIndex, candidates);
            paragraphIndex++;
        }

        return candidates;
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

    private static void FindQuotes(string body, TextSpan paragraph, int paragraphIndex, List<QuoteCandidate> output)
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
    private static void AddCandidate(string body, TextSpan paragraph, int paragraphIndex, int open, int close, List<QuoteCandidate> output)
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
        var candidate = new QuoteCandidate
        {
            Paragraph = paragraphIndex,
            ParagraphSpan = paragraph,
            Text = text,
            OpenMark = Math.Max(open, paragraph.Start),
            AfterClose = close >= 0 ? close + 1 : paragraph.End,
            OpensParagraph = open <= paragraph.Start,
            RunsToParagraphEnd = close < 0,
        };

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
}
