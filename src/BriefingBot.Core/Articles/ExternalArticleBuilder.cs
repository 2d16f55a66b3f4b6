using BriefingBot.Core.Articles.Cleaning;
using BriefingBot.Core.Articles.Parsing;

namespace BriefingBot.Core.Articles;

/// <summary>
/// Builds articles from outside the content folder with the same cleaning as files (boilerplate, paragraphs,
/// normalisation, hash), and reads HTML pages with the same parser as <c>.html</c> files, so a feed article and a
/// file article of the same text are the same article.
/// </summary>
public static class ExternalArticleBuilder
{
    /// <summary>The finished article, or null with the reason (no text left, no title or body).</summary>
    public static Article? Build(ExternalArticle input, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = input.BodyIsHtml && input.Body is { } html ? HtmlText(html, input.SourcePath) : input.Body;
        var built = DraftCleaner.Clean(new ArticleDraft
        {
            SourcePath = input.SourcePath,
            IdBase = input.Id,
            Layout = input.BodyIsHtml ? LineBreakStyle.Paragraphs : LineBreakStyle.WrappedText,
            Title = input.Title,
            Body = body,
            SourceUrl = input.SourceUrl,
            Outlet = input.Outlet,
            Author = input.Author,
            PublishedAt = input.PublishedAt,
            Tags = input.Tags,
        });
        problem = built.Problem?.Reason;
        return built.Article;
    }

    /// <summary>
    /// A whole HTML page read as an <c>.html</c> file would be: title, canonical URL, author, date, tags from its
    /// metadata and the main text (plain, paragraphs separated by blank lines) from its article or main element.
    /// </summary>
    public static ExternalArticle ReadPage(string html, string id, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parsed = new HtmlArticleParser().Parse(new DecodedFile(sourcePath, id, html), CancellationToken.None);
        var draft = parsed.Drafts.Count > 0 ? parsed.Drafts[0] : null;
        return new ExternalArticle
        {
            Id = id,
            SourcePath = sourcePath,
            Title = draft?.Title,
            Body = draft?.Body,
            SourceUrl = draft?.SourceUrl,
            Outlet = draft?.Outlet,
            Author = draft?.Author,
            PublishedAt = draft?.PublishedAt,
            Tags = draft?.Tags ?? [],
        };
    }

    /// <summary>Parses a date as files' dates are parsed (RFC 822, ISO 8601, epoch …); null when it is not one.</summary>
    public static DateTimeOffset? ParseDate(string? text) => NewsDateParser.Parse(text);

    /// <summary>Counts words the way article word counts are made.</summary>
    public static int CountWords(string text) => WordCounter.Count(text);

    /// <summary>An HTML fragment (a feed item's content) as plain paragraphs: the page parser over the fragment as an article.</summary>
    private static string HtmlText(string html, string sourcePath)
    {
        var page = new HtmlArticleParser().Parse(
            new DecodedFile(sourcePath, "fragment", "<html><body><article>" + html + "</article></body></html>"),
            CancellationToken.None);
        return page.Drafts.Count > 0 ? page.Drafts[0].Body ?? string.Empty : string.Empty;
    }
}
