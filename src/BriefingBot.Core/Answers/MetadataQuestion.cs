using System.Text.RegularExpressions;

namespace BriefingBot.Core.Answers;

/// <summary>
/// Questions about an article rather than about the news in it: who wrote it, when it was published, which outlet
/// ran it. Their answers live in the article's metadata (the byline the loader pulled out), not in its sentences.
/// </summary>
internal sealed partial record MetadataQuestion(MetadataField Field, string Topic)
{
    public static MetadataQuestion? TryParse(string question)
    {
        var text = question.Trim().TrimEnd('?', '.', '!').Trim();
        foreach (var (pattern, field) in Patterns)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return new MetadataQuestion(field, match.Groups["topic"].Value.Trim());
            }
        }

        return null;
    }

    private static readonly (Regex Pattern, MetadataField Field)[] Patterns =
    [
        (Author(), MetadataField.Author),
        (AuthorOf(), MetadataField.Author),
        (Published(), MetadataField.PublishedAt),
        (Outlet(), MetadataField.Outlet),
    ];

    [GeneratedRegex(@"^(who|which (reporter|journalist|writer|author))\s+(wrote|authored|penned|filed|posted)\s+(the|this|that)\s+(article|story|piece|report|post)(\s+(about|on|titled|called)\s+(?<topic>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Author();

    [GeneratedRegex(@"^who\s+(is|was)\s+the\s+(author|writer|reporter)\s+of\s+(the|this|that)\s+(article|story|piece|report|post)(\s+(about|on|titled|called)\s+(?<topic>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorOf();

    [GeneratedRegex(@"^when\s+(was|were)\s+(the|this|that)\s+(article|story|piece|report|post)(\s+(about|on|titled|called)\s+(?<topic>.*?))?\s+(published|written|posted|released)$", RegexOptions.IgnoreCase)]
    private static partial Regex Published();

    [GeneratedRegex(@"^(which|what)\s+(outlet|publication|site|website|newspaper|paper|news site)\s+(published|ran|carried|posted)\s+(the|this|that)\s+(article|story|piece|report)(\s+(about|on|titled|called)\s+(?<topic>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Outlet();
}
