using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Commands;

/// <summary>
/// Makes user-typed or article text safe to show in Discord markdown: no formatting, no mentions. Anything a user
/// typed that a reply shows back goes through <see cref="Echo"/> (markdown places) or <see cref="EchoPlain"/>
/// (places Discord shows as plain text, such as embed footers), so the user's text never shapes our message.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>How much of a user's text a reply repeats; enough to recognise it, never a wall of it.</summary>
    public const int DefaultEchoLength = 100;

    /// <summary>Combining marks kept per base character; real scripts need one or two, zalgo stacks dozens.</summary>
    private const int MaxCombiningMarks = 2;

    private const string Ellipsis = "…";

    /// <summary>
    /// Escapes markdown characters (emphasis, spoilers, code, quotes, headings, masked links) and breaks
    /// @everyone/@here and &lt;…&gt; mentions, channel links, command mentions and timestamps with a zero-width space.
    /// </summary>
    public static string Escape(string text)
    {
        var unpinged = Mentions().Replace(text, m => m.Value[0] + "\u200B" + m.Value[1..]);
        var escaped = MarkdownCharacters().Replace(unpinged, @"\$1");

        // Quotes, headings and subtext only count at the start of a line; elsewhere > and # are plain text.
        return LineStarts().Replace(escaped, @"$1\$2");
    }

    /// <summary>
    /// User text shown back inside markdown: cleaned (control, zero-width and bidi characters dropped, white space
    /// folded to single spaces, combining-mark stacks thinned), cut to <paramref name="maxLength"/> characters with an
    /// ellipsis, then escaped. The cut happens before escaping so an escape is never split.
    /// </summary>
    public static string Echo(string text, int maxLength = DefaultEchoLength) => Escape(EchoPlain(text, maxLength));

    /// <summary>Like <see cref="Echo"/> without escaping, for text Discord does not render as markdown.</summary>
    public static string EchoPlain(string text, int maxLength = DefaultEchoLength) =>
        Bound(ThinCombiningMarks(InputCleaner.Clean(text)), maxLength);

    private static string ThinCombiningMarks(string text)
    {
        var sb = new StringBuilder(text.Length);
        var marks = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var isMark = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
            marks = isMark ? marks + 1 : 0;
            if (marks <= MaxCombiningMarks)
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    private static string Bound(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var budget = Math.Max(1, maxLength - Ellipsis.Length);
        var space = text.LastIndexOf(' ', budget);
        var cut = space > 0 && space >= budget / 2 ? space : budget;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never leave half an emoji behind
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }

    [GeneratedRegex(@"([\\*_~`|\[\]])")]
    private static partial Regex MarkdownCharacters();

    [GeneratedRegex(@"^([ \t]*)(>|#|-#)", RegexOptions.Multiline)]
    private static partial Regex LineStarts();

    /// <summary>@everyone/@here, and every &lt;x…&gt; form Discord turns into a chip: users, roles, channels, commands, times.</summary>
    [GeneratedRegex(@"@(everyone|here)|<(?=[@#:/]|a:|t:|id:)")]
    private static partial Regex Mentions();
}
