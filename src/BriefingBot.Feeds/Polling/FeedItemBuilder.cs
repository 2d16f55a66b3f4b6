using System.Security.Cryptography;
using System.Text;
using BriefingBot.Core.Articles;
using BriefingBot.Feeds.Fetching;
using BriefingBot.Feeds.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds.Polling;

/// <summary>
/// Turns a feed item into a finished article. When the feed carries only a summary, fetches the item's page (through
/// the same safe client) and takes its main text with SmartReader (Mozilla Readability's port), falling back to the
/// HTML parser the content folder uses, then to the summary itself if the page cannot be had.
/// </summary>
public sealed partial class FeedItemBuilder(FeedHttpClient http, IOptions<FeedsOptions> options, ILogger<FeedItemBuilder> logger)
{
    /// <summary>The article id for an item: stable across restarts, derived from its URL when it has one.</summary>
    public static string ArticleId(long sourceId, string itemKey, string? normalizedUrl) =>
        "feed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedUrl ?? $"{sourceId}\n{itemKey}")))[..16];

    /// <summary>Hash of the item as carried: when it is unchanged there is nothing to rebuild, not even a page to fetch.</summary>
    public static string ItemHash(FeedEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
        "\u001f", entry.Title, entry.Link, entry.Summary, entry.Content, entry.Author, entry.Published?.ToUnixTimeSeconds(), string.Join(",", entry.Categories)))));

    public async Task<BuiltFeedArticle> BuildAsync(FeedEntry entry, string articleId, string sourcePath, string? outlet, IReadOnlyList<string> sourceTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Content ?? entry.Summary;
        var input = new ExternalArticle
        {
            Id = articleId,
            SourcePath = sourcePath,
            Title = entry.Title,
            Body = text,
            BodyIsHtml = entry.IsHtml,
            SourceUrl = entry.Link,
            Outlet = outlet,
            Author = entry.Author,
            PublishedAt = entry.Published,
            Tags = [.. entry.Categories, .. sourceTags],
        };

        var fromFeed = ExternalArticleBuilder.Build(input, out var problem);
        if (entry.Link is not null && (fromFeed is null || fromFeed.WordCount < options.Value.FetchPageBelowWords)
            && Uri.TryCreate(entry.Link, UriKind.Absolute, out var pageUrl))
        {
            var page = await FetchPageAsync(pageUrl, input, cancellationToken);
            if (page is not null && (fromFeed is null || page.WordCount > fromFeed.WordCount))
            {
                return new BuiltFeedArticle(page, null);
            }
        }

        return new BuiltFeedArticle(fromFeed, fromFeed is null ? problem : null);
    }

    private async Task<Article?> FetchPageAsync(Uri url, ExternalArticle fromFeed, CancellationToken cancellationToken)
    {
        var fetched = await http.GetAsync(url, FetchKind.Page, null, null, cancellationToken);
        if (fetched.Status != FetchStatus.Ok)
        {
            LogPageFailed(logger, url, fetched.Error ?? "not modified");
            return null;
        }

        var html = Encoding.UTF8.GetString(fetched.Body.Span);
        var finalUrl = fetched.FinalUrl ?? url;
        var page = ExternalArticleBuilder.ReadPage(html, fromFeed.Id, fromFeed.SourcePath);
        string? readable = null;
        try
        {
            var reader = SmartReader.Reader.ParseArticle(finalUrl.AbsoluteUri, html);
            readable = reader.IsReadable ? reader.Content : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A readability failure on one odd page falls back to the folder's HTML parser.
            LogReadabilityFailed(logger, ex, url);
        }

        // Feed metadata wins (the publisher chose it for the item); the page fills what the feed left out.
        var merged = fromFeed with
        {
            Title = fromFeed.Title ?? page.Title,
            SourceUrl = page.SourceUrl ?? fromFeed.SourceUrl ?? finalUrl.AbsoluteUri,
            Author = fromFeed.Author ?? page.Author,
            PublishedAt = fromFeed.PublishedAt ?? page.PublishedAt,
            Tags = [.. fromFeed.Tags, .. page.Tags],
        };
        if (readable is not null && ExternalArticleBuilder.Build(merged with { Body = readable, BodyIsHtml = true }, out _) is { } smart)
        {
            return smart;
        }

        return ExternalArticleBuilder.Build(merged with { Body = page.Body, BodyIsHtml = false }, out _);
    }

    [LoggerMessage(EventId = 11010, Level = LogLevel.Information, Message = "Page {Url} could not be fetched, the feed's summary is used: {Reason}")]
    private static partial void LogPageFailed(ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 11011, Level = LogLevel.Warning, Message = "Readability failed on {Url}; the plain HTML parser is used")]
    private static partial void LogReadabilityFailed(ILogger logger, Exception exception, Uri url);
}
