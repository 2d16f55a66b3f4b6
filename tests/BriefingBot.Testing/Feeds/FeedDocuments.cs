using System.Globalization;
using System.Net;
using System.Text;

namespace BriefingBot.Testing.Feeds;

/// <summary>Builds RSS, Atom and JSON Feed documents for tests and the feeds benchmark.</summary>
public static class FeedDocuments
{
    public static string Rss(string title, IEnumerable<TestFeedItem> items)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title><link>https://example.org/</link><description>test</description>");
        foreach (var item in items)
        {
            sb.Append("<item>");
            sb.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(item.Title)}</title>");
            if (item.Link is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<link>{WebUtility.HtmlEncode(item.Link)}</link>");
            }

            if (item.Guid is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">{WebUtility.HtmlEncode(item.Guid)}</guid>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<pubDate>{item.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>");
            if (item.Author is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<dc:creator>{WebUtility.HtmlEncode(item.Author)}</dc:creator>");
            }

            foreach (var category in item.Categories)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<category>{WebUtility.HtmlEncode(category)}</category>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<description>{WebUtility.HtmlEncode(item.Summary ?? string.Empty)}</description>");
            if (item.ContentHtml is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<content:encoded><![CDATA[{item.ContentHtml}]]></content:encoded>");
            }

            sb.Append("</item>");
        }

        sb.Append("</channel></rss>");
        return sb.ToString();
    }

    public static string Atom(string title, IEnumerable<TestFeedItem> items)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title><id>urn:test:feed</id><updated>2026-07-01T06:00:00Z</updated>");
        foreach (var item in items)
        {
            sb.Append("<entry>");
            sb.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(item.Title)}</title><id>{WebUtility.HtmlEncode(item.Guid ?? item.Link ?? item.Title)}</id>");
            if (item.Link is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<link rel=\"alternate\" href=\"{WebUtility.HtmlEncode(item.Link)}\"/>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<updated>{item.Published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</updated>");
            sb.Append(CultureInfo.InvariantCulture, $"<published>{item.Published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</published>");
            if (item.Author is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<author><name>{WebUtility.HtmlEncode(item.Author)}</name></author>");
            }

            foreach (var category in item.Categories)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<category term=\"{WebUtility.HtmlEncode(category)}\"/>");
            }

            if (item.Summary is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<summary type=\"html\">{WebUtility.HtmlEncode(item.Summary)}</summary>");
            }

            if (item.ContentHtml is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<content type=\"html\">{WebUtility.HtmlEncode(item.ContentHtml)}</content>");
            }

            sb.Append("</entry>");
        }

        sb.Append("</feed>");
        return sb.ToString();
    }

    public static string JsonFeed(string title, IEnumerable<TestFeedItem> items)
    {
        var entries = items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Guid ?? i.Link,
            ["url"] = i.Link,
            ["title"] = i.Title,
            ["summary"] = i.Summary,
            ["content_html"] = i.ContentHtml,
            ["date_published"] = i.Published.ToString("o", CultureInfo.InvariantCulture),
            ["authors"] = i.Author is null ? null : new[] { new Dictionary<string, string> { ["name"] = i.Author } },
            ["tags"] = i.Categories,
        });
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = title,
            ["items"] = entries.ToArray(),
        });
    }

    /// <summary>An article page with chrome around the story, as publishers serve them.</summary>
    public static string Page(string title, string canonical, string author, params string[] paragraphs) =>
        $"""
        <!doctype html><html><head><title>{WebUtility.HtmlEncode(title)} | Example News</title>
        <link rel="canonical" href="{WebUtility.HtmlEncode(canonical)}"><meta name="author" content="{WebUtility.HtmlEncode(author)}"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{WebUtility.HtmlEncode(title)}</h1>{string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"))}</article>
        <footer>Copyright Example News. All rights reserved.</footer></body></html>
        """;
}
