using System.Text.RegularExpressions;

namespace BriefingBot.Core.Articles.Parsing;

/// <summary>
/// A small, deliberately conservative Markdown-to-text converter: block structure (headings, lists, quotes, fences,
/// rules) and the inline syntax news articles use (emphasis, links, images, code). Anything it does not recognise is
/// kept as text, because losing article words is worse than leaving a stray '*'.
/// </summary>
internal static partial class MarkdownStripper
{
    public static List<MarkdownBlock> Blocks(IEnumerable<string> lines)
    {
        var blocks = new List<MarkdownBlock>();
        var buffer = new List<string>();
        string? fence = null;

        void Flush(int headingLevel = 0, bool code = false)
        {
            if (buffer.Count > 0)
            {
                blocks.Add(new MarkdownBlock([.. buffer], headingLevel, code));
                buffer.Clear();
            }
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                    Flush(code: true);
                }
                else
                {
                    buffer.Add(line);
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush();
                fence = trimmed[..3];
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            // Setext headings: "Title" underlined with === (level 1) or --- (level 2).
            if (buffer.Count > 0 && SetextUnderline().Match(trimmed) is { Success: true } underline)
            {
                Flush(underline.Value[0] == '=' ? 1 : 2);
                continue;
            }

            if (ThematicBreak().IsMatch(trimmed) || ReferenceDefinition().IsMatch(trimmed) || HtmlComment().IsMatch(trimmed))
            {
                Flush();
                continue;
            }

            if (AtxHeading().Match(trimmed) is { Success: true } heading)
            {
                Flush();
                buffer.Add(heading.Groups["text"].Value);
                Flush(heading.Groups["hashes"].Length);
                continue;
            }

            var content = QuoteMarker().Replace(trimmed, string.Empty);
            if (ListMarker().Match(content) is { Success: true } item)
            {
                // Each list item is its own paragraph, as <li> is in HTML.
                Flush();
                buffer.Add(item.Groups["text"].Value);
                continue;
            }

            buffer.Add(content);
        }

        Flush(code: fence is not null);
        return blocks;
    }

    /// <summary>Escaped characters are parked in the private-use area so emphasis rules cannot consume them.</summary>
    private const char EscapeBase = '\uE000';

    public static string StripInline(string text)
    {
        text = Escape().Replace(text, m => ((char)(EscapeBase + m.Groups["char"].Value[0])).ToString());
        text = CodeSpan().Replace(text, "${code}");
        text = Image().Replace(text, "${alt}");
        text = InlineLink().Replace(text, "${text}");
        text = ReferenceLink().Replace(text, "${text}");
        text = AutoLink().Replace(text, "${url}");
        text = HtmlTag().Replace(text, string.Empty);
        text = StrongOrStrike().Replace(text, "${inner}");
        text = StarEmphasis().Replace(text, "${inner}");
        text = UnderscoreEmphasis().Replace(text, "${inner}");
        text = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= EscapeBase and < (char)(EscapeBase + 128) ? (char)(c - EscapeBase) : c;
            }
        });
        return text.Trim();
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(=+|-+)\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\[[^\]]+\]:\s*\S+(?:\s+.*)?$")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^<!--.*-->$")]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"^(?:>\s?)+")]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+(?<text>.+)$")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"`+(?<code>[^`]+?)`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(?<url>(?:https?|mailto):[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<m>\*\*|__|~~)(?=\S)(?<inner>.+?)(?<=\S)\k<m>")]
    private static partial Regex StrongOrStrike();

    // A lone '*' next to a space ("5 * 3", "marked *") is not emphasis, so both sides must hug the text.
    [GeneratedRegex(@"(?<![\w*])\*(?=[^\s*])(?<inner>[^*]+?)(?<=[^\s*])\*(?![\w*])")]
    private static partial Regex StarEmphasis();

    // Underscores inside words (snake_case, file_name) are not emphasis.
    [GeneratedRegex(@"(?<![\w_])_(?=[^\s_])(?<inner>[^_]+?)(?<=[^\s_])_(?![\w_])")]
    private static partial Regex UnderscoreEmphasis();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!>~|])")]
    private static partial Regex Escape();
}
