using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Timing;
using BriefingBot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// Discord's REST API over <see cref="HttpClient"/> (from <see cref="IHttpClientFactory"/>, client name
/// <see cref="HttpClientName"/>): bot authorisation, the required User-Agent, rate limits, bounded retries on 5xx
/// and network errors, and a full stop after a 401 so a revoked token cannot earn an IP ban. Interaction and
/// webhook routes are sent without the bot token (their token is in the path).
/// </summary>
public sealed partial class DiscordRestClient(
    IHttpClientFactory httpClientFactory,
    RateLimitBuckets buckets,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordRestClient> logger,
    BotMetrics? metrics = null)
{
    public const string HttpClientName = "BriefingBot.Discord";

    /// <summary>Discord requires <c>DiscordBot ($url, $version)</c>; Cloudflare may block other agents.</summary>
    public static readonly string UserAgent = "DiscordBot (https://github.com/briefingbot/briefingbot, "
        + (typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0") + ")";

    /// <summary>250 ms doubling to 16 s, ±25 % so many clients recovering from the same outage do not retry in lockstep.</summary>
    private static readonly ExponentialBackoff RetryBackoff =
        new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250 * 64)) { JitterMin = 0.75, JitterMax = 1.25 };

    /// <summary>A burst of one kind of trouble is one log line a minute, not one per request.</summary>
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private readonly InvalidRequestGuard _invalidRequests = new(options.Value.InvalidRequestBudget, timeProvider);
    private readonly LogThrottle _logThrottle = new(timeProvider, LogInterval);
    private volatile bool _unauthorized;

    /// <summary>Invalid responses (401, 403, non-shared 429) counted in the last 10 minutes.</summary>
    public int InvalidResponseCount => _invalidRequests.Count;

    /// <summary>True after Discord answered 401 to the bot token; every later bot call fails at once.</summary>
    public bool IsStopped => _unauthorized;

    public Task<JsonGatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync<JsonGatewayBot>(HttpMethod.Get, "gateway/bot", null, RouteKind.Bot, cancellationToken);

    public Task<JsonApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync<JsonApplication>(HttpMethod.Get, "applications/@me", null, RouteKind.Bot, cancellationToken);

    /// <summary>The registered commands of the application, in a guild or (guildId null) globally.</summary>
    public Task<IReadOnlyList<JsonApplicationCommand>> GetCommandsAsync(ulong applicationId, ulong? guildId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<JsonApplicationCommand>>(HttpMethod.Get, CommandsPath(applicationId, guildId), null, RouteKind.Bot, cancellationToken);

    /// <summary>Replaces every command in the scope with <paramref name="commands"/> (bulk overwrite).</summary>
    public Task BulkOverwriteCommandsAsync(ulong applicationId, ulong? guildId, IReadOnlyList<JsonApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, CommandsPath(applicationId, guildId), commands, RouteKind.Bot, cancellationToken);

    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, JsonInteractionResponse response, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"interactions/{Id(interactionId)}/{TokenSegment(interactionToken)}/callback", response, RouteKind.Interaction, cancellationToken);

    /// <summary>Edits the interaction's original response (finishes a deferral, or edits a button's message).</summary>
    public Task EditOriginalResponseAsync(ulong applicationId, string interactionToken, JsonMessageContent message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{TokenSegment(interactionToken)}/messages/@original", message, RouteKind.Interaction, cancellationToken);

    public Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"webhooks/{Id(applicationId)}/{TokenSegment(interactionToken)}/messages/@original", null, RouteKind.Interaction, cancellationToken);

    public Task CreateFollowupMessageAsync(ulong applicationId, string interactionToken, JsonMessageContent message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"webhooks/{Id(applicationId)}/{TokenSegment(interactionToken)}", message, RouteKind.Interaction, cancellationToken);

    public Task<JsonMessage> CreateMessageAsync(ulong channelId, JsonMessageContent message, CancellationToken cancellationToken) =>
        SendAsync<JsonMessage>(HttpMethod.Post, $"channels/{Id(channelId)}/messages", message, RouteKind.Bot, cancellationToken);

    /// <summary>Posts through a channel webhook URL (a secret: never logged, and never sent the bot token).</summary>
    public Task ExecuteWebhookAsync(string webhookUrl, JsonMessageContent message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(webhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new DiscordRestException("The webhook URL is not an absolute http(s) URL.");
        }

        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        return SendAsync(HttpMethod.Post, uri.GetLeftPart(UriPartial.Query) + separator + "wait=true", message, RouteKind.Webhook, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, RouteKind kind, CancellationToken cancellationToken)
    {
        var text = await SendAsync(method, path, body, kind, cancellationToken);
        return JsonSerializer.Deserialize<T>(text, DiscordJson.Options)
            ?? throw new DiscordRestException($"Discord sent an empty body for {method} {DiscordRoute.From(method, RelativePath(path)).Template}.");
    }

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, RouteKind kind, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = Uri.IsWellFormedUriString(path, UriKind.Absolute) ? path : settings.ApiBaseUrl.TrimEnd('/') + "/" + path;
        var route = DiscordRoute.From(method, RelativePath(path), exemptFromGlobal: kind == RouteKind.Interaction);
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options);

        for (var attempt = 0; ; attempt++)
        {
            if (kind == RouteKind.Bot && _unauthorized)
            {
                throw new DiscordRestException("Discord rejected the bot token earlier (401); not calling it again. Set a valid Discord__Token and restart.", HttpStatusCode.Unauthorized, null);
            }

            if (_invalidRequests.PausedFor() is { } paused && paused > TimeSpan.Zero)
            {
                throw new DiscordRestException(
                    $"REST calls are paused for {paused.TotalSeconds:0} s: {settings.InvalidRequestBudget} invalid responses (401/403/429) in 10 minutes. Not calling {route.Method} {route.Template}.")
                {
                    RetryAfter = paused,
                };
            }

            await buckets.AcquireAsync(route, cancellationToken);
            using var request = new HttpRequestMessage(method, url);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            if (kind == RouteKind.Bot)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", settings.Token);
            }

            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            // One attempt may not hang on a slow Discord: it is abandoned and retried like a network failure.
            using var attemptTimeout = new CancellationTokenSource(settings.RestRequestTimeout, timeProvider);
            using var attemptCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
            HttpResponseMessage response;
            string text;
            try
            {
                response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, attemptCancel.Token);
                try
                {
                    text = await response.Content.ReadAsStringAsync(attemptCancel.Token);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = ex is OperationCanceledException ? $"no answer within {settings.RestRequestTimeout.TotalSeconds:0.#} s" : ex.Message;
                if (attempt >= settings.MaxRestRetries)
                {
                    throw new DiscordRestException($"Could not reach Discord for {route.Method} {route.Template}: {reason}", null, null, ex);
                }

                if (_logThrottle.ShouldLog("network", out var suppressed))
                {
                    LogNetworkRetry(logger, route.Method, route.Template, attempt + 1, reason, suppressed);
                }

                await Task.Delay(RetryBackoff.Delay(attempt), timeProvider, cancellationToken);
                continue;
            }

            using (response)
            {
                buckets.Update(route, response.Headers);
                if (response.IsSuccessStatusCode)
                {
                    return text;
                }

                var status = response.StatusCode;
                if (CountsAsInvalid(response) && _invalidRequests.Record())
                {
                    LogInvalidRequestsPaused(logger, settings.InvalidRequestBudget, (long)InvalidRequestGuard.Window.TotalMinutes);
                }

                if (status == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = ReadRateLimit(response, text);
                    buckets.OnRateLimited(route, retryAfter, global);
                    var scope = global ? "global" : Scope(response) ?? "route";
                    metrics?.RateLimited(scope);
                    if (_logThrottle.ShouldLog("429 " + scope, out var suppressed))
                    {
                        LogRateLimited(logger, route.Method, route.Template, retryAfter.TotalMilliseconds, scope, suppressed);
                    }

                    if (retryAfter > settings.MaxRateLimitWait || attempt >= settings.MaxRestRetries)
                    {
                        throw new DiscordRestException($"Discord rate-limited {route.Method} {route.Template}; retry after {retryAfter.TotalSeconds:0.###} s.", status, null) { RetryAfter = retryAfter };
                    }

                    continue; // AcquireAsync waits out the bucket or the global pause
                }

                if (status == HttpStatusCode.Unauthorized && kind == RouteKind.Bot)
                {
                    _unauthorized = true;
                    LogUnauthorized(logger, route.Method, route.Template);
                    throw new DiscordRestException("Discord rejected the bot token (401). Set a valid Discord__Token and restart.", status, ReadError(text)?.Code);
                }

                if ((int)status >= 500 && attempt < settings.MaxRestRetries)
                {
                    if (_logThrottle.ShouldLog("5xx", out var suppressed))
                    {
                        LogServerErrorRetry(logger, route.Method, route.Template, (int)status, attempt + 1, suppressed);
                    }

                    await Task.Delay(RetryBackoff.Delay(attempt), timeProvider, cancellationToken);
                    continue;
                }

                var error = ReadError(text);
                throw new DiscordRestException(
                    $"Discord answered {(int)status} to {route.Method} {route.Template}" + (error is null ? "." : $": {error.Code} {error.Message}"),
                    status,
                    error?.Code);
            }
        }
    }

    /// <summary>What Discord counts towards its IP ban: 401, 403, and 429s except those of a shared resource bucket.</summary>
    private static bool CountsAsInvalid(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.TooManyRequests => !string.Equals(Scope(response), "shared", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string? Scope(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Scope", out var values) ? values.FirstOrDefault() : null;

    private static (TimeSpan RetryAfter, bool Global) ReadRateLimit(HttpResponseMessage response, string text)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            var body = JsonSerializer.Deserialize<JsonRateLimited>(text, DiscordJson.Options);
            if (body is not null)
            {
                seconds = body.RetryAfter;
                global |= body.Global;
            }
        }
        catch (JsonException)
        {
            // Cloudflare's 429 page is HTML; fall back to the header.
        }

        if (seconds is null or <= 0 && response.Headers.RetryAfter?.Delta is { } delta)
        {
            seconds = delta.TotalSeconds;
        }

        return (TimeSpan.FromSeconds(Math.Max(seconds ?? 1, 0.05)), global);
    }

    private static JsonError? ReadError(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize<JsonError>(text, DiscordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string RelativePath(string path)
    {
        if (!Uri.TryCreate(path, UriKind.Absolute, out var uri))
        {
            return path;
        }

        var index = uri.AbsolutePath.IndexOf("/webhooks/", StringComparison.Ordinal);
        return index >= 0 ? uri.AbsolutePath[(index + 1)..] : uri.AbsolutePath;
    }

    private static string CommandsPath(ulong applicationId, ulong? guildId) => guildId is { } guild
        ? $"applications/{Id(applicationId)}/guilds/{Id(guild)}/commands"
        : $"applications/{Id(applicationId)}/commands";

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Last line of defence behind <see cref="Interactions.InteractionValidator"/>: an empty or path-altering token
    /// would send the call to another route (<c>/interactions/{id}//callback</c>, <c>/webhooks/{app}/</c>).
    /// </summary>
    private static string TokenSegment(string token) =>
        !string.IsNullOrEmpty(token) && Interactions.InteractionValidator.IsPathSafe(token)
            ? token
            : throw new DiscordRestException("The interaction token is missing or malformed; not calling Discord with it.");

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Discord rate-limited {Method} {Route} for {RetryAfterMs} ms (scope: {Scope}); {Suppressed} more 429s of this scope since the last report")]
    private static partial void LogRateLimited(ILogger logger, string method, string route, double retryAfterMs, string scope, int suppressed);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Discord answered {Status} to {Method} {Route}; retry {Attempt}; {Suppressed} more server errors since the last report")]
    private static partial void LogServerErrorRetry(ILogger logger, string method, string route, int status, int attempt, int suppressed);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not reach Discord for {Method} {Route} ({Reason}); retry {Attempt}; {Suppressed} more network failures since the last report")]
    private static partial void LogNetworkRetry(ILogger logger, string method, string route, int attempt, string reason, int suppressed);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Critical, Message = "{Budget} invalid responses (401/403/429) from Discord in {WindowMinutes} minutes: REST calls are paused until the oldest leaves the window, to stay clear of Discord's IP ban")]
    private static partial void LogInvalidRequestsPaused(ILogger logger, int budget, long windowMinutes);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Critical, Message = "Discord rejected the bot token (401) on {Method} {Route}. REST calls are stopped; set a valid Discord__Token and restart.")]
    private static partial void LogUnauthorized(ILogger logger, string method, string route);

    private enum RouteKind
    {
        /// <summary>Authorised with the bot token; counts against the global limit.</summary>
        Bot,

        /// <summary>Interaction callback or interaction webhook: token in the path, exempt from the global limit.</summary>
        Interaction,

        /// <summary>A channel webhook URL: token in the path, global limit applies.</summary>
        Webhook,
    }
}
