using System.Text;
using System.Text.RegularExpressions;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Terminal;

/// <summary>
/// Renders a reply for a terminal: embeds as framed blocks, Discord markdown turned into plain text, and buttons
/// as numbered actions the user can type.
/// </summary>
public static partial class PlainTextRenderer
{
    /// <summary>The reply laid out for <paramref name="capabilities"/>: wrapped to its width, styled when it shows styles.</summary>
    public static string Render(Reply reply, ConsoleCapabilities capabilities) => ConsoleLayout.Apply(Render(reply), capabilities);

    /// <summary>The reply as plain, unwrapped text: what pipes, files and scripts get.</summary>
    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        if (reply.Kind is ReplyKind.Problem or ReplyKind.Refused or ReplyKind.Failure)
        {
            sb.Append("! ");
        }

        if (!string.IsNullOrWhiteSpace(reply.Content))
        {
            sb.AppendLine(Plain(reply.Content));
        }

        foreach (var embed in reply.Embeds)
        {
            sb.AppendLine();
            if (embed.Title is not null)
            {
                sb.AppendLine("== " + Plain(embed.Title) + " ==");
            }

            if (embed.Url is not null)
            {
                sb.AppendLine("   " + embed.Url);
            }

            if (embed.Description is not null)
            {
                sb.AppendLine(Indent(Plain(embed.Description)));
            }

            foreach (var field in embed.Fields)
            {
                sb.AppendLine("-- " + Plain(field.Name));
                sb.AppendLine(Indent(Plain(field.Value)));
            }

            if (embed.Footer is not null)
            {
                sb.AppendLine("   (" + Plain(embed.Footer) + ")");
            }
        }

        var actions = reply.Buttons.Where(b => b.CustomId is not null).ToArray();
        if (actions.Length > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Buttons: " + string.Join("   ", actions.Select((b, i) => $"[{i + 1}] {b.Label}")) + "   (type the number)");
        }

        foreach (var link in reply.Buttons.Where(b => b.Url is not null))
        {
            sb.AppendLine($"{link.Label}: {link.Url}");
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>
    /// Discord markdown → plain text: links show their URL, emphasis and escapes vanish, quotes get a bar. Escaped
    /// markers (user text passed through MarkdownText) are never read as markup, so the user sees what they typed.
    /// </summary>
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1 <$2>");
        text = Emphasis().Replace(text, "$2");
        text = Code().Replace(text, "$1");
        text = Quote().Replace(text, "│ "); // before unescaping, so an escaped "\>" a user typed stays a plain ">"
        text = Escape().Replace(text, "$1");
        return text.Replace("\u200B", string.Empty, StringComparison.Ordinal);
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => "   " + l));

    [GeneratedRegex(@"(?<!\\)\[([^\]]+)(?<!\\)\]\((https?://[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\\)(\*\*|__|\*|_)(?=\S)(.+?)(?<=[^\s\\])\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?<!\\)`([^`\\]*)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\\([\\*_~`|>#\[\]-])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"(?m)^> ")]
    private static partial Regex Quote();
}
