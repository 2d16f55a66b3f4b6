using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using BriefingBot.Core.Articles;

namespace BriefingBot.Feeds.Parsing;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with the framework's <see cref="SyndicationFeed"/> and JSON Feed 1.1 with System.Text.Json,
/// into one shape. Never throws for bad input: a malformed document, an HTML page or an unknown format becomes
/// <see cref="ParsedFeed.Error"/> with a reason a moderator can act on.
/// </summary>
public static class FeedDocumentParser
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public static ParsedFeed Parse(ReadOnlyMemory<byte> body, Uri? baseUrl = null)
    {
        var span = body.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
            body = body[3..];
        }

        var start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == span.Length)
        {
            return ParsedFeed.Failed("the feed is empty");
        }

        return span[start] switch
        {
            (byte)'{' => ParseJson(body[start..], baseUrl),
            (byte)'<' when LooksLikeHtml(span[start..]) => ParsedFeed.Failed("the address returned an HTML page, not a feed (look for the site's RSS or Atom link)"),
            (byte)'<' => ParseXml(body, baseUrl),
            _ => ParsedFeed.Failed("the response is neither XML nor JSON, so not a feed"),
        };
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> span)
    {
        var head = Encoding.UTF8.GetString(span[..Math.Min(span.Length, 512)]).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static ParsedFeed ParseXml(ReadOnlyMemory<byte> body, Uri? baseUrl)
    {
        var settings = new XmlReaderSettings
        {
            // Old RSS 0.91 feeds carry a DOCTYPE; ignore it rather than fetch or expand it (no XXE, no entity bombs).
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName switch
            {
                "rss" => new Rss20FeedFormatter { DateTimeParser = ParseDate },
                "feed" => new Atom10FeedFormatter { DateTimeParser = ParseDate },
                "html" => throw new FormatException("the address returned an HTML page, not a feed"),
                var other => throw new FormatException($"the document is XML but not an RSS 2.0 or Atom 1.0 feed (its root is <{other}>)"),
            };
            if (!formatter.CanRead(reader))
            {
                return ParsedFeed.Failed($"the document is not an RSS 2.0 or Atom 1.0 feed (root <{reader.LocalName}>)");
            }

            formatter.ReadFrom(reader);
            var feed = formatter.Feed;
            var items = feed.Items.Select(i => Entry(i, formatter is Rss20FeedFormatter, baseUrl ?? feed.BaseUri)).ToArray();
            return new ParsedFeed(Clean(feed.Title?.Text), items);
        }
        catch (XmlException ex)
        {
            return ParsedFeed.Failed($"the feed is not well-formed XML ({ex.Message})");
        }
        catch (FormatException ex)
        {
            return ParsedFeed.Failed(ex.Message);
        }
    }

    private static FeedEntry Entry(SyndicationItem item, bool isRss, Uri? baseUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()
            ?? item.Links.FirstOrDefault()?.GetAbsoluteUri();
        var encoded = item.ElementExtensions.Where(e => e.OuterName == "encoded" && e.OuterNamespace == ContentNamespace)
            .Select(e => e.GetObject<string>()).FirstOrDefault();
        var creator = item.ElementExtensions.Where(e => e.OuterName == "creator" && e.OuterNamespace == DublinCoreNamespace)
            .Select(e => e.GetObject<string>()).FirstOrDefault();
        var content = encoded ?? (item.Content as TextSyndicationContent)?.Text;
        var contentType = (item.Content as TextSyndicationContent)?.Type;
        var author = item.Authors.Select(a => Clean(a.Name) ?? Clean(a.Email)).FirstOrDefault(a => a is not null) ?? Clean(creator);
        var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
        return new FeedEntry
        {
            Id = Clean(item.Id),
            Link = link is null ? null : (baseUrl is not null && !link.IsAbsoluteUri ? new Uri(baseUrl, link) : link).ToString(),
            Title = Clean(item.Title?.Text),
            Summary = Clean(item.Summary?.Text),
            Content = Clean(content),
            // RSS descriptions are HTML by convention; Atom says so per element ("text" means plain).
            IsHtml = isRss || encoded is not null || contentType is not "text",
            Author = author,
            Published = published,
            Categories = item.Categories.Select(c => Clean(c.Label) ?? Clean(c.Name)).OfType<string>().ToArray(),
        };
    }

    private static ParsedFeed ParseJson(ReadOnlyMemory<byte> body, Uri? baseUrl)
    {
        JsonFeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(body.Span, JsonFeedContext.Default.JsonFeedDocument);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return ParsedFeed.Failed($"the feed is not valid JSON ({ex.Message})");
        }

        if (document?.Version is not { } version || !version.StartsWith("https://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
        {
            return ParsedFeed.Failed("the document is JSON but not a JSON Feed (no jsonfeed.org version)");
        }

        var items = (document.Items ?? []).Select(i =>
        {
            var link = i.Url ?? i.ExternalUrl;
            var html = i.ContentHtml is not null;
            return new FeedEntry
            {
                Id = i.Id.ValueKind switch
                {
                    JsonValueKind.String => Clean(i.Id.GetString()),
                    JsonValueKind.Number => i.Id.GetRawText(),
                    _ => null,
                },
                Link = link is not null && baseUrl is not null && Uri.TryCreate(baseUrl, link, out var absolute) ? absolute.ToString() : link,
                Title = Clean(i.Title),
                Summary = Clean(i.Summary),
                Content = Clean(i.ContentHtml ?? i.ContentText),
                IsHtml = html,
                Author = (i.Authors ?? []).Select(a => Clean(a.Name)).FirstOrDefault(n => n is not null) ?? Clean(i.Author?.Name),
                Published = ExternalArticleBuilder.ParseDate(i.DatePublished) ?? ExternalArticleBuilder.ParseDate(i.DateModified),
                Categories = (i.Tags ?? []).Select(Clean).OfType<string>().ToArray(),
            };
        }).ToArray();
        return new ParsedFeed(Clean(document.Title), items);
    }

    /// <summary>
    /// Lenient dates: feeds carry RFC 822 variants the strict formatter rejects. An unreadable date is no date
    /// (default, read back as null), not a reason to drop the whole feed, which returning false would do.
    /// </summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        date = ExternalArticleBuilder.ParseDate(data.DateTimeString) ?? default;
        return true;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
