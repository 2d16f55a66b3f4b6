using System.Text.RegularExpressions;

namespace BriefingBot.Commands;

/// <summary>Makes user-typed or article text safe to show in Discord markdown: no formatting, no mentions.</summary>
public static partial class MarkdownText
{
    /// <summary>Escapes markdown characters and breaks @everyone/@here and &lt;@id&gt; mentions with a zero-width space.</summary>
    public static string Escape(string text)
    {
        var unpinged = Mentions().Replace(text, m => m.Value[0] + "\u200B" + m.Value[1..]);
        return MarkdownCharacters().Replace(unpinged, @"\$1");
    }

    [GeneratedRegex(@"([\\*_~`|\[\]])")]
    private static partial Regex MarkdownCharacters();

    [GeneratedRegex(@"@(everyone|here)|<[@#][!&]?\d+>")]
    private static partial Regex Mentions();
}
