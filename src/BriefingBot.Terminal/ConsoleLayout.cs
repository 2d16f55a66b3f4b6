using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Terminal;

/// <summary>
/// Lays rendered reply text out for a terminal: each line wrapped at word boundaries to the width, its continuation
/// lines keeping the line's indentation and quote bar; headings, field names, quotes and footers styled when the
/// terminal shows styles. The words are the same in every mode: only line breaks and escape codes differ.
/// </summary>
internal static partial class ConsoleLayout
{
    // Below this many columns for text, wrapping makes a column of single words; the terminal's own wrap reads better.
    private const int MinimumTextWidth = 20;

    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Dim = "\e[2m";
    private const string Italic = "\e[3m";
    private const string Cyan = "\e[36m";
    private const string Red = "\e[31m";

    public static string Apply(string text, ConsoleCapabilities capabilities)
    {
        if (capabilities.Width is null && !capabilities.Styles)
        {
            return text;
        }

        var endsWithNewLine = text.EndsWith('\n');
        var lines = text.Split('\n');
        var count = endsWithNewLine ? lines.Length - 1 : lines.Length;
        var sb = new StringBuilder(text.Length + 64);
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var kind = Classify(line);
            var first = true;
            foreach (var piece in Wrap(line, capabilities.Width))
            {
                sb.Append(capabilities.Styles ? Style(piece, kind, first) : piece).Append(Environment.NewLine);
                first = false;
            }
        }

        return endsWithNewLine ? sb.ToString() : sb.ToString().TrimEnd('\r', '\n');
    }

    /// <summary>
    /// Greedy wrapping at spaces. A word longer than the line (a URL) is never broken, so it stays clickable; it
    /// overflows on a line of its own instead.
    /// </summary>
    public static IEnumerable<string> Wrap(string line, int? width)
    {
        var (prefix, continuation) = Prefixes(line);
        if (width is not { } columns || line.Length <= columns || columns - continuation.Length < MinimumTextWidth)
        {
            yield return line;
            yield break;
        }

        var rest = line[prefix.Length..];
        var lead = prefix;
        while (lead.Length + rest.Length > columns)
        {
            var room = columns - lead.Length;
            var cut = room >= 0 && room < rest.Length ? rest.LastIndexOf(' ', room) : -1;
            if (cut <= 0)
            {
                cut = rest.IndexOf(' ', Math.Max(0, room));
                if (cut < 0)
                {
                    break;
                }
            }

            yield return lead + rest[..cut].TrimEnd(' ');
            rest = rest[cut..].TrimStart(' ');
            lead = continuation;
        }

        yield return lead + rest;
    }

    /// <summary>The line's leading marks, and what its continuation lines start with (the quote bar repeats; bullets become spaces).</summary>
    private static (string Prefix, string Continuation) Prefixes(string line)
    {
        var match = Lead().Match(line);
        var indent = match.Groups["indent"].Value;
        var mark = match.Groups["mark"].Value;
        var bar = match.Groups["bar"].Value;
        var continuation = indent + new string(' ', mark.Length) + bar;
        return (match.Value, continuation);
    }

    private static LineKind Classify(string line)
    {
        if (line.StartsWith("== ", StringComparison.Ordinal))
        {
            return LineKind.Heading;
        }

        if (line.StartsWith("-- ", StringComparison.Ordinal))
        {
            return LineKind.FieldName;
        }

        if (line.StartsWith("! ", StringComparison.Ordinal))
        {
            return LineKind.Problem;
        }

        var trimmed = line.TrimStart(' ');
        if (trimmed.StartsWith("│ ", StringComparison.Ordinal))
        {
            return LineKind.Quote;
        }

        if (line.StartsWith("   (", StringComparison.Ordinal) && line.EndsWith(')'))
        {
            return LineKind.Footer;
        }

        return line.StartsWith("Buttons: ", StringComparison.Ordinal) ? LineKind.Buttons : LineKind.Text;
    }

    private static string Style(string piece, LineKind kind, bool first)
    {
        switch (kind)
        {
            case LineKind.Heading:
            case LineKind.FieldName:
                return Bold + piece + Reset;
            case LineKind.Footer:
            case LineKind.Buttons:
                return Dim + piece + Reset;
            case LineKind.Problem when first:
                return Red + Bold + "!" + Reset + piece[1..];
            case LineKind.Quote:
                var bar = piece.IndexOf('│', StringComparison.Ordinal);
                return bar < 0
                    ? piece
                    : piece[..bar] + Cyan + "│" + Reset + Italic + piece[(bar + 1)..] + Reset;
            default:
                return piece;
        }
    }

    // indent, then at most one mark ("== ", "-- ", "! ", "• ", "- ", "1. ", "[1] "), then an optional quote bar.
    [GeneratedRegex(@"^(?<indent> *)(?<mark>== |-- |! |• |- |\d{1,3}\. |\[\d{1,2}\] )?(?<bar>│ )?")]
    private static partial Regex Lead();

    private enum LineKind
    {
        Text,
        Heading,
        FieldName,
        Quote,
        Footer,
        Buttons,
        Problem,
    }
}
