using System.Text;

namespace BriefingBot.Core.Articles;

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

    public static IReadOnlyList<string> Split(string text, BodyLayout layout)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty)
            {
                Flush(block, layout, paragraphs);
                continue;
            }

            block.Add(line);
        }

        Flush(block, layout, paragraphs);
        return paragraphs;
    }

    private static void Flush(List<string> block, BodyLayout layout, List<string> paragraphs)
    {
        if (block.Count == 0)
        {
            return;
        }

        if (layout == BodyLayout.Paragraphs || block.Count == 1)
        {
            paragraphs.Add(string.Join('\n', block.Select(l => l.Trim())));
        }
        else
        {
            JoinWraps(block, paragraphs);
        }

        block.Clear();
    }

    private static void JoinWraps(List<string> block, List<string> paragraphs)
    {
        var width = block.Max(l => l.Trim().Length);
        var wrapped = width <= MaxWrapWidth;
        var current = new StringBuilder(block[0].Trim());
        for (var i = 1; i < block.Count; i++)
        {
            var previous = block[i - 1].Trim();
            var line = block[i];
            var trimmed = line.Trim();
            if (!wrapped || StartsParagraph(line) || EndsParagraph(previous, width))
            {
                paragraphs.Add(current.ToString());
                current.Clear().Append(trimmed);
            }
            else if (IsTabular(previous) || IsTabular(trimmed))
            {
                // Tables in wire text (Reuters' "Net free reserves.....644") only make sense line by line.
                current.Append('\n').Append(trimmed);
            }
            else
            {
                current.Append(' ').Append(trimmed);
            }
        }

        paragraphs.Add(current.ToString());
    }

    /// <summary>Reuters indents each new paragraph; BBC and plain text lists start lines with a bullet.</summary>
    private static bool StartsParagraph(string line)
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

        var rest = line.AsSpan(indent);
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

    private static bool EndsParagraph(string previous, int width) =>
        previous.Length < width * ShortLineShare
        && previous[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '’' or '\'';

    private static bool IsTabular(string line) =>
        line.Contains("....", StringComparison.Ordinal) || line.Contains("   ", StringComparison.Ordinal);
}
