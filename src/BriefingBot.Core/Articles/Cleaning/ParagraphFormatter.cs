using System.Text;
using BriefingBot.Core.Articles.Parsing;

namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>
/// Splits a body into paragraphs. Blank lines always separate paragraphs. In wrapped (plain/wire) text a single line
/// break is a hard wrap and is joined with a space, unless the next line starts a paragraph (indent, bullet) or the
/// line clearly ends one (a finished sentence on a line much shorter than the wrap width).
/// </summary>
internal static class ParagraphFormatter
{
    /// <summary>Lines longer than this are not hard-wrapped: each is a paragraph of its own (one paragraph per line files).</summary>
    private const int MaxWrapWidth = 100;

    /// <summary>A finished sentence on a line shorter than this share of the wrap width ends its paragraph.</summary>
    private const double ShortLineShare = 0.7;

    public static IReadOnlyList<string> Split(string text, LineBreakStyle layout)
    {
        var paragraphs = new List<string>();
        var block = new List<(int Start, int Length)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOf('\n');
            var length = end < 0 ? text.Length - start : end;
            var line = text.AsSpan(start, length);
            if (line.IsWhiteSpace())
            {
                Flush(text, block, layout, paragraphs);
            }
            else
            {
                block.Add((start, line.TrimEnd().Length));
            }

            start += length + 1;
        }

        Flush(text, block, layout, paragraphs);
        return paragraphs;
    }

    private static void Flush(string text, List<(int Start, int Length)> block, LineBreakStyle layout, List<string> paragraphs)
    {
        if (block.Count == 0)
        {
            return;
        }

        var width = 0;
        var capacity = 0;
        foreach (var (start, length) in block)
        {
            width = Math.Max(width, text.AsSpan(start, length).Trim().Length);
            capacity += length + 1;
        }

        var sb = new StringBuilder(capacity);

        // Plain text lines longer than a wrap width are not wrapped: each is a paragraph of its own.
        var joinWraps = layout == LineBreakStyle.WrappedText && width <= MaxWrapWidth;
        var previous = ReadOnlySpan<char>.Empty;
        for (var i = 0; i < block.Count; i++)
        {
            var raw = text.AsSpan(block[i].Start, block[i].Length);
            var line = raw.Trim();
            if (i > 0)
            {
                if (layout == LineBreakStyle.Paragraphs)
                {
                    sb.Append('\n');
                }
                else if (!joinWraps || StartsParagraph(raw) || EndsParagraph(previous, width))
                {
                    paragraphs.Add(sb.ToString());
                    sb.Clear();
                }
                else if (IsTabular(previous) || IsTabular(line))
                {
                    // Tables in wire text (Reuters' "Net free reserves.....644") only make sense line by line.
                    sb.Append('\n');
                }
                else
                {
                    sb.Append(' ');
                }
            }

            sb.Append(line);
            previous = line;
        }

        paragraphs.Add(sb.ToString());
        block.Clear();
    }

    /// <summary>Reuters indents each new paragraph; BBC and plain text lists start lines with a bullet.</summary>
    private static bool StartsParagraph(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t')
        {
            indent++;
        }

        if (indent >= 2 || (indent > 0 && line[0] == '\t'))
        {
            return true;
        }

        var rest = line[indent..];
        if (rest.Length >= 2 && rest[0] is '-' or '*' or '•' or '–' && rest[1] == ' ')
        {
            return true;
        }

        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 3 && rest.Length > digits + 1 && rest[digits] is '.' or ')' && rest[digits + 1] == ' ';
    }

    private static bool EndsParagraph(ReadOnlySpan<char> previous, int width) =>
        previous.Length < width * ShortLineShare
        && previous[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '’' or '\'';

    private static bool IsTabular(ReadOnlySpan<char> line) =>
        line.Contains("....", StringComparison.Ordinal) || line.Contains("   ", StringComparison.Ordinal);
}
