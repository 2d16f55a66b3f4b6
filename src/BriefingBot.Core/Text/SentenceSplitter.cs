using System.Collections.Frozen;

namespace BriefingBot.Core.Text;

/// <summary>
/// Splits text into sentences in one pass, returning trimmed spans into the original text.
/// </summary>
/// <remarks>
/// Rules, in the order they are tried:
/// <list type="bullet">
/// <item>A blank line always ends a sentence.</item>
/// <item>A single line break ends a sentence only when the text is evidently not hard-wrapped there: the next line is
/// indented (Reuters marks paragraphs so) or starts with a bullet; or it starts with a capital or digit and the line
/// before is very long (the text is not wrapped at all) or short (a heading, a byline, a paragraph's last line) and
/// does not end in a comma or a word such as "the".
/// A next line starting in lower case is always a wrapped continuation.</item>
/// <item>".", "!", "?", "…" (with any closing quotes or brackets after them) end a sentence when whitespace and then a
/// word not in lower case follow. Titles ("Mr.", "Gen.", "St.") and initials ("W.") never end one; other
/// abbreviations ("Inc.", "Jan.", "No.") only before a capitalised word; "U.S."-style abbreviations only before a
/// word that usually starts a sentence ("The", "He", ...), because a name after them ("U.S. President") is far more
/// often part of the same sentence.</item>
/// </list>
/// </remarks>
public static class SentenceSplitter
{
    // Lines at least this long are not hard-wrapped at the usual ~70 columns.
    private const int UnwrappedLineLength = 100;

    // Lines shorter than this that are followed by more text were ended on purpose, not wrapped.
    private const int ShortLineLength = 40;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup =
        NewsLexicon.Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        NewsLexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        NewsLexicon.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        Split(text, spans);
        return spans;
    }

    /// <summary>Appends the sentences of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Split(string text, List<TextSpan> output)
    {
        var span = text.AsSpan();
        var sentenceStart = 0;
        var lineStart = 0;
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (c == '\n')
            {
                if (IsLineBreakBoundary(span, i, lineStart))
                {
                    AddTrimmed(span, sentenceStart, i, output);
                    sentenceStart = i + 1;
                }

                lineStart = i + 1;
                i++;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var end = i + 1;
                while (end < span.Length && span[end] is '.' or '!' or '?' or '…')
                {
                    end++;
                }

                while (end < span.Length && IsClosing(span[end]))
                {
                    end++;
                }

                if (IsTerminatorBoundary(span, i, end))
                {
                    AddTrimmed(span, sentenceStart, end, output);
                    sentenceStart = end;
                }

                i = end;
                continue;
            }

            i++;
        }

        AddTrimmed(span, sentenceStart, span.Length, output);
    }

    private static bool IsLineBreakBoundary(ReadOnlySpan<char> text, int newline, int lineStart)
    {
        var next = newline + 1;
        var indent = 0;
        while (next < text.Length && text[next] is ' ' or '\t' or '\r' or '\u00A0')
        {
            indent += text[next] == '\t' ? 2 : 1;
            next++;
        }

        if (next >= text.Length || text[next] == '\n' || indent >= 2)
        {
            return true;
        }

        var first = text[next];
        if (first is '•' or '*' or '·' or '–' or '—' || (first == '-' && next + 1 < text.Length && text[next + 1] == ' '))
        {
            return true;
        }

        if (char.IsLower(first) || !(char.IsUpper(first) || char.IsDigit(first) || IsOpening(first)))
        {
            return false;
        }

        var line = text[lineStart..newline].TrimEnd();
        if (line.Length >= UnwrappedLineLength)
        {
            return true;
        }

        return line.Length < ShortLineLength && line.Length > 0 && line[^1] is not (',' or ';' or '-' or '(' or '&')
            && !EndsWithStopWord(line);
    }

    // A line ending "... for the" is a sentence broken by the wrap, however short the line.
    private static bool EndsWithStopWord(ReadOnlySpan<char> line)
    {
        var start = line.Length;
        while (start > 0 && char.IsAsciiLetterLower(line[start - 1]))
        {
            start--;
        }

        return start < line.Length && (start == 0 || !char.IsLetter(line[start - 1])) && StopWords.Contains(line[start..]);
    }

    private static bool IsTerminatorBoundary(ReadOnlySpan<char> text, int terminator, int end)
    {
        if (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        var wordStart = next;
        while (wordStart < text.Length && IsOpening(text[wordStart]))
        {
            wordStart++;
        }

        if (wordStart < text.Length && char.IsLower(text[wordStart]))
        {
            return false;
        }

        if (text[terminator] != '.' || end - terminator > 1 && text[terminator + 1] == '.')
        {
            return true;
        }

        var word = WordBefore(text, terminator);
        if (word.IsEmpty)
        {
            return true;
        }

        if (word.Contains('.'))
        {
            // "U.S." and friends: split only before a typical sentence opening, or an opening quote.
            return wordStart > next || StarterLookup.Contains(NextWord(text, wordStart));
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        if (TitleLookup.Contains(word))
        {
            return false;
        }

        if (AbbreviationLookup.Contains(word))
        {
            return wordStart < text.Length && char.IsUpper(text[wordStart]);
        }

        return true;
    }

    /// <summary>The letters (and inner dots, for "U.S") directly before the dot at <paramref name="dot"/>.</summary>
    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || (text[start - 1] == '.' && start - 2 >= 0 && char.IsLetter(text[start - 2]))))
        {
            start--;
        }

        return text[start..dot];
    }

    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private static bool IsClosing(char c) => c is '”' or '’' or '"' or '\'' or ')' or ']' or '»';

    private static bool IsOpening(char c) => c is '“' or '‘' or '"' or '\'' or '(' or '[' or '«';

    private static void AddTrimmed(ReadOnlySpan<char> text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end - start));
        }
    }
}
