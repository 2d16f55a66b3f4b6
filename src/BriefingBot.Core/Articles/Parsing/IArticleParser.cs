namespace BriefingBot.Core.Articles.Parsing;

/// <summary>Turns one decoded file of a given format into drafts. Must not throw for bad content: report a problem instead.</summary>
internal interface IArticleParser
{
    /// <summary>Lower-case extensions with the dot, e.g. <c>.html</c>.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    ParsedFile Parse(DecodedFile file, CancellationToken cancellationToken);
}
