namespace BriefingBot.Core.Text;

/// <summary>
/// Splits text into words in one pass and folds each one for matching (see <see cref="Token"/>).
/// </summary>
/// <remarks>
/// Decisions, chosen so that a question and an article spelled differently still meet:
/// <list type="bullet">
/// <item>Folding: invariant lower case, diacritics removed ("Pyöngyang" -> "pyongyang"), "ß" -> "ss".</item>
/// <item>Apostrophes (straight or curly) inside a word are removed ("don't" -> "dont", "O'Brien" -> "obrien"); the
/// clitics 's, 'll, 're, 've, 'd and 'm are dropped ("Trump’s" -> "trump", "we'll" -> "we"), because joining them
/// would invent other words ("we'll" -> "well", "she'd" -> "shed"). A dropped clitic is outside the token's span.</item>
/// <item>Hyphens and slashes split ("Jong-un" -> "jong", "un"; "year-end" -> "year", "end"), so a question may
/// write either part or both, with or without the hyphen.</item>
/// <item>Numbers stay whole: decimals keep their point ("3.5"), thousands separators go ("155,221" -> "155221"), and
/// letters attached to digits stay attached ("1.13bn", "1980s"); a trailing "'s" goes as for words ("1980's").</item>
/// <item>Dotted abbreviations lose their dots ("U.K." -> "uk", "e.g." -> "eg"), the span covering the final dot.
/// "U.S." and the all-capitals "US" become "usa": "us" would be the pronoun, a stop word, and a question about the
/// United States would lose its subject. "USA" folds to the same term.</item>
/// </list>
/// </remarks>
public static class Tokenizer
{
    /// <summary>Folded text is cut at this length (the span still covers the whole word); longer runs are not words.</summary>
    public const int MaxTokenLength = 64;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>, so a caller can reuse one list.</summary>
    public static void Tokenize(string text, List<Token> output)
    {
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var position = 0;
        while (TryReadToken(text, ref position, buffer, out var start, out var length, out var foldedLength))
        {
            output.Add(new Token(new string(buffer[..foldedLength]), start, length));
        }
    }

    /// <summary>
    /// Reads the next token at or after <paramref name="position"/>, writing its folded form into
    /// <paramref name="folded"/>; advances <paramref name="position"/> past it.
    /// </summary>
    internal static bool TryReadToken(
        ReadOnlySpan<char> text, ref int position, Span<char> folded, out int start, out int length, out int foldedLength)
    {
        var i = position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        start = i;
        if (i >= text.Length)
        {
            position = i;
            length = foldedLength = 0;
            return false;
        }

        if (TryReadAbbreviation(text, i, folded, out var end, out foldedLength))
        {
            position = end;
            length = end - start;
            return true;
        }

        var n = 0;
        var j = i;
        var resume = -1;
        while (j < text.Length)
        {
            var c = text[j];
            if (IsWordChar(c) || CharFolding.IsMark(c))
            {
                n += CharFolding.Append(c, folded, n);
                j++;
                continue;
            }

            var hasNext = j + 1 < text.Length;
            if (IsApostrophe(c) && hasNext && IsLetter(text[j + 1]) && IsWordChar(text[j - 1]))
            {
                var k = j + 1;
                while (k < text.Length && IsLetter(text[k]))
                {
                    k++;
                }

                if (IsDroppedClitic(text[(j + 1)..k]))
                {
                    resume = k;
                    break;
                }

                j++;
                continue;
            }

            if (c == '.' && hasNext && IsDigit(text[j - 1]) && IsDigit(text[j + 1]))
            {
                n += CharFolding.Append('.', folded, n);
                j++;
                continue;
            }

            if (c == ',' && IsDigit(text[j - 1]) && IsThousandsGroup(text, j + 1))
            {
                j++;
                continue;
            }

            // Invisible characters that some sources leave inside words.
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' && hasNext && IsWordChar(text[j + 1]))
            {
                j++;
                continue;
            }

            break;
        }

        position = resume >= 0 ? resume : j;
        length = j - start;
        foldedLength = n;
        if (length == 2 && text[start] == 'U' && text[start + 1] == 'S')
        {
            foldedLength = WriteUsa(folded);
        }

        return true;
    }

    /// <summary>Single letters each followed by a dot, at least two of them: "U.S.", "e.g.", "p.m.".</summary>
    private static bool TryReadAbbreviation(ReadOnlySpan<char> text, int i, Span<char> folded, out int end, out int foldedLength)
    {
        var j = i;
        var letters = 0;
        var n = 0;
        while (j + 1 < text.Length && IsLetter(text[j]) && text[j + 1] == '.')
        {
            var afterDot = j + 2;
            var continues = afterDot < text.Length && IsLetter(text[afterDot]) && afterDot + 1 < text.Length && text[afterDot + 1] == '.';
            if (!continues && afterDot < text.Length && IsWordChar(text[afterDot]))
            {
                break;
            }

            n += CharFolding.Append(text[j], folded, n);
            letters++;
            j = afterDot;
            if (!continues)
            {
                break;
            }
        }

        end = j;
        foldedLength = n;
        if (letters < 2)
        {
            return false;
        }

        if (folded[..n] is "us")
        {
            foldedLength = WriteUsa(folded);
        }

        return true;
    }

    private static int WriteUsa(Span<char> folded)
    {
        "usa".CopyTo(folded);
        return 3;
    }

    private static bool IsDroppedClitic(ReadOnlySpan<char> letters) =>
        letters.Equals("s", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("ll", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("re", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("ve", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("d", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("m", StringComparison.OrdinalIgnoreCase);

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int at) =>
        at + 3 <= text.Length
        && IsDigit(text[at]) && IsDigit(text[at + 1]) && IsDigit(text[at + 2])
        && (at + 3 == text.Length || !IsDigit(text[at + 3]));

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    internal static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsLetter(char c) => c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c);

    private static bool IsDigit(char c) => c < 128 ? char.IsAsciiDigit(c) : char.IsDigit(c);
}
