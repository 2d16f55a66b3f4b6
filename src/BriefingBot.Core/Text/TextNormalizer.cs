using System.Text;

namespace BriefingBot.Core.Text;

/// <summary>Text clean-up for storage and display, and a folded form for loose matching (titles, names).</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Normalises text for storage and display: NFC, "\n" line breaks, no control or invisible characters, one space
    /// between words, lines trimmed, paragraphs separated by exactly one blank line, the whole trimmed.
    /// The article's typography (curly quotes, dashes, ellipses) is kept: it is shown to readers.
    /// </summary>
    /// <remarks>
    /// A line that starts indented (a tab or two or more spaces) after a non-blank line starts a new paragraph: that
    /// is how wire services such as Reuters mark paragraphs in hard-wrapped text. Other single line breaks are kept as
    /// they are, because wrapped wire text needs them to be told apart from paragraph ends by the sentence splitter.
    /// </remarks>
    public static string Normalize(string raw)
    {
        var text = raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        var newlines = 0;
        var indent = 0;
        var pendingSpace = false;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    continue;
                case '\n' or '\r' or '\u2028' or '\u2029':
                    newlines += c == '\u2029' ? 2 : 1;
                    pendingSpace = false;
                    lineStart = true;
                    indent = 0;
                    continue;
            }

            if (IsSpace(c))
            {
                if (lineStart)
                {
                    indent += c == '\t' ? 2 : 1;
                }
                else
                {
                    pendingSpace = true;
                }

                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                if (newlines >= 2 || (newlines == 1 && indent >= 2))
                {
                    sb.Append("\n\n");
                }
                else if (newlines == 1)
                {
                    sb.Append('\n');
                }
                else if (pendingSpace)
                {
                    sb.Append(' ');
                }
            }

            newlines = 0;
            indent = 0;
            pendingSpace = false;
            lineStart = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Folds text for loose comparison of titles and names: lower case, no diacritics, straight quotes, plain
    /// hyphens, "..." for an ellipsis, single spaces, trimmed. Not for display.
    /// </summary>
    public static string FoldForMatching(string text)
    {
        var sb = new StringBuilder(text.Length);
        Span<char> folded = stackalloc char[4];
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c) || c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`':
                    sb.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                    sb.Append('"');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                    sb.Append('-');
                    break;
                case '\u2026':
                    sb.Append("...");
                    break;
                default:
                    sb.Append(folded[..CharFolding.Append(c, folded, 0)]);
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\v' or '\f' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000';

    // Control characters, and invisible characters that only break words apart in search and copy-paste.
    // Joiners (U+200C, U+200D) stay: emoji sequences and some scripts need them.
    private static bool IsInvisible(char c) =>
        char.IsControl(c) || c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF';
}
