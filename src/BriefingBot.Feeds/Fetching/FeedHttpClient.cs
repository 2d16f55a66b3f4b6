using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace BriefingBot.Feeds.Fetching;

/// <summary>
/// Fetches feeds and pages politely and safely: an identifying User-Agent, conditional GET, per-host limits,
/// redirects followed one checked hop at a time (at most <see cref="FeedsOptions.MaxRedirects"/>), a size cap and a
/// content-type check. Never throws for what a server does: every failure becomes a <see cref="FetchResult"/>.
/// </summary>
public sealed partial class FeedHttpClient(
    IHttpClientFactory clients,
    HostThrottle throttle,
    IOptions<FeedsOptions> options,
    TimeProvider timeProvider,
    ILogger<FeedHttpClient> logger)
{
    public const string ClientName = "BriefingBot.Feeds";

    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/feed+json", "application/json", "text/plain", "application/rdf+xml"];

    private static readonly string[] PageTypes = ["text/html", "application/xhtml+xml"];

    public async Task<FetchResult> GetAsync(Uri url, FetchKind kind, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.Value;
        var client = clients.CreateClient(ClientName);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (!FeedUrl.TryParse(current.AbsoluteUri, out _, out var problem))
            {
                return FetchResult.Failed(hop == 0 ? problem : $"redirected to {current}: {problem}");
            }

            using var lease = await throttle.AcquireAsync(current.IdnHost, cancellationToken);
            using var timeout = new CancellationTokenSource(settings.RequestTimeout * (settings.Retries + 1) + settings.RetryDelay * settings.Retries * 2, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.UserAgent.ParseAdd(settings.UserAgent);
            request.Headers.Accept.ParseAdd(kind == FetchKind.Feed
                ? "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, application/json;q=0.8, text/xml;q=0.8, */*;q=0.1"
                : "text/html, application/xhtml+xml;q=0.9");
            if (etag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (lastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Describe(ex, current, settings) is { } reason)
            {
                LogFetchFailed(logger, current, reason);
                return FetchResult.Failed(reason);
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode))
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return FetchResult.Failed($"HTTP {(int)response.StatusCode} redirect without a Location header");
                    }

                    if (hop >= settings.MaxRedirects)
                    {
                        return FetchResult.Failed($"more than {settings.MaxRedirects} redirects");
                    }

                    current = new Uri(current, location);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult(FetchStatus.NotModified) { FinalUrl = current, ETag = etag, LastModified = lastModified };
                }

                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    var retryAfter = RetryAfter(response.Headers.RetryAfter);
                    var wait = retryAfter is { } w ? $"; it asked us to wait {Seconds(w)}" : string.Empty;
                    return FetchResult.Failed($"HTTP {(int)response.StatusCode} ({response.ReasonPhrase}){wait}", retryAfter);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return FetchResult.Failed($"HTTP {(int)response.StatusCode} ({response.ReasonPhrase})");
                }

                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (TypeProblem(kind, contentType) is { } typeProblem)
                {
                    return FetchResult.Failed(typeProblem);
                }

                if (response.Content.Headers.ContentLength is { } length && length > settings.MaxResponseBytes)
                {
                    return FetchResult.Failed($"the response is {Size(length)}, over the {Size(settings.MaxResponseBytes)} limit");
                }

                byte[]? body;
                try
                {
                    body = await ReadCappedAsync(response.Content, settings.MaxResponseBytes, linked.Token);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
                {
                    return FetchResult.Failed(ex is OperationCanceledException
                        ? $"the server did not finish sending within {Seconds(settings.RequestTimeout)}"
                        : $"the connection broke while reading: {ex.Message}");
                }

                if (body is null)
                {
                    return FetchResult.Failed($"the response is over the {Size(settings.MaxResponseBytes)} limit");
                }

                return new FetchResult(FetchStatus.Ok)
                {
                    Body = body,
                    ContentType = contentType,
                    ETag = response.Headers.ETag?.ToString(),
                    LastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
                    FinalUrl = current,
                };
            }
        }
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes; null when there are more (the rest is never downloaded).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? TypeProblem(FetchKind kind, string? contentType)
    {
        if (contentType is null)
        {
            // No type at all: let the parser decide from the bytes.
            return null;
        }

        if (kind == FetchKind.Feed)
        {
            return contentType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || contentType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)
                ? "the address returned an HTML page, not a feed (look for the site's RSS or Atom link)"
                : FeedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase) || contentType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"the address returned {contentType}, not a feed";
        }

        return PageTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase) ? null : $"the page is {contentType}, not HTML";
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>What went wrong, for the moderator; null for exceptions that are bugs (they propagate).</summary>
    private static string? Describe(Exception ex, Uri url, FeedsOptions settings)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return "refused: " + blocked.Message;
            }
        }

        return ex switch
        {
            TimeoutRejectedException or OperationCanceledException => $"the server at {url.Host} did not answer within {Seconds(settings.RequestTimeout)}",
            BrokenCircuitException => $"paused: too many recent failures at {url.Host}; trying again later",
            HttpRequestException http => $"could not reach {url.Host}: {http.Message}",
            _ => null,
        };
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    [LoggerMessage(EventId = 11001, Level = LogLevel.Debug, Message = "Fetching {Url} failed: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, Uri url, string reason);
}
