using System.Globalization;
using BriefingBot.Feeds.Fetching;
using BriefingBot.Feeds.Parsing;
using BriefingBot.Feeds.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds.Polling;

/// <summary>
/// Polls feeds: fetch (conditional), parse, dedupe, build, store, update the feed's state. A failure costs only its
/// own feed, which backs off exponentially and is disabled after <see cref="FeedsOptions.DisableAfterFailures"/>
/// failures in a row. Stored items reach readers with the next snapshot the reloader publishes (FeedPollingService asks for it).
/// </summary>
public sealed partial class FeedPoller(
    IFeedSourceStore sources,
    IFeedItemStore items,
    FeedArticleSet articles,
    FeedHttpClient http,
    FeedItemBuilder builder,
    IOptions<FeedsOptions> options,
    TimeProvider timeProvider,
    ILogger<FeedPoller> logger,
    IFeedAudit? audit = null,
    IFeedPollLeases? leases = null)
{
    /// <summary>
    /// Polls every enabled feed that is due and that this instance could lease (when several share the database, each
    /// due feed goes to one of them); feeds run in parallel (bounded), each on its own.
    /// </summary>
    public async Task<IReadOnlyList<PollResult>> PollDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = (await sources.ListAsync(cancellationToken))
            .Where(s => s.Enabled && (s.State.NextPollAt ?? now) <= now && (s.State.RetryNotBefore ?? now) <= now)
            .ToArray();
        var results = new PollResult?[due.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Length),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentFeeds, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await PollLeasedAsync(due[i], now, token));
        return results.OfType<PollResult>().ToArray();
    }

    /// <summary>Polls one feed now, whatever its schedule (the Retry-After a server gave still holds).</summary>
    public async Task<PollResult> PollAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await articles.EnsureLoadedAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var state = source.State;
        if (state.RetryNotBefore is { } notBefore && notBefore > now)
        {
            return new PollResult(source.Id, source.DisplayName, PollOutcome.Deferred)
            {
                Error = $"the server asked us to wait until {notBefore.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
                NextPollAt = notBefore,
            };
        }

        var fetched = await http.GetAsync(new Uri(source.Url), FetchKind.Feed, state.ETag, state.LastModified, cancellationToken);
        if (fetched.Status == FetchStatus.NotModified)
        {
            var next = Succeeded(source, state, now);
            await sources.SaveStateAsync(source.Id, next, cancellationToken);
            return new PollResult(source.Id, source.DisplayName, PollOutcome.NotModified) { NextPollAt = next.NextPollAt };
        }

        if (fetched.Status == FetchStatus.Failed)
        {
            return await FailAsync(source, fetched.Error ?? "unknown failure", fetched.RetryAfter, now, cancellationToken);
        }

        var parsed = FeedDocumentParser.Parse(fetched.Body, fetched.FinalUrl);
        if (parsed.Error is { } parseError)
        {
            return await FailAsync(source, parseError, null, now, cancellationToken);
        }

        var result = await StoreItemsAsync(source, parsed, fetched.FinalUrl, now, cancellationToken);
        var saved = Succeeded(source, state, now) with
        {
            Title = parsed.Title ?? state.Title,
            ETag = fetched.ETag,
            LastModified = fetched.LastModified,
            ItemCount = articles.CountFor(source.Id),
        };
        await sources.SaveStateAsync(source.Id, saved, cancellationToken);
        if (result.Added + result.Changed > 0)
        {
            LogUpdated(logger, source.DisplayName, result.Added, result.Changed, result.Duplicates);
        }

        return result with { NextPollAt = saved.NextPollAt };
    }

    private async Task<PollResult?> PollLeasedAsync(FeedSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (leases is null)
        {
            return await PollSafelyAsync(source, cancellationToken);
        }

        // The list above may be stale: the lease re-checks "still due" against what is stored now.
        var leased = await leases.TryAcquireAsync(source.Id, now, options.Value.PollLease, cancellationToken);
        if (leased is null)
        {
            LogLeasedElsewhere(logger, source.DisplayName);
            return null;
        }

        try
        {
            return await PollSafelyAsync(leased, cancellationToken);
        }
        finally
        {
            try
            {
                await leases.ReleaseAsync(source.Id, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The lease then simply expires; nothing is lost but a little time before another instance may poll.
                LogReleaseFailed(logger, ex, source.DisplayName);
            }
        }
    }

    private async Task<PollResult> PollSafelyAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await PollAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug met by one feed's odd content must not stop the others' polls.
            LogPollCrashed(logger, ex, source.DisplayName);
            return await FailAsync(source, "internal error: " + ex.Message, null, timeProvider.GetUtcNow(), cancellationToken);
        }
    }

    private async Task<PollResult> StoreItemsAsync(FeedSource source, ParsedFeed feed, Uri? baseUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claims = new List<string>();
        try
        {
            return await StoreItemsCoreAsync(source, feed, baseUrl, now, claims, cancellationToken);
        }
        finally
        {
            articles.Release(claims);
        }
    }

    private async Task<PollResult> StoreItemsCoreAsync(
        FeedSource source, ParsedFeed feed, Uri? baseUrl, DateTimeOffset now, List<string> claims, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var firstPoll = source.State.LastSuccessAt is null;
        var outlet = feed.Title ?? source.Name;
        var pendingByKey = new Dictionary<string, StoredFeedItem>(StringComparer.Ordinal);
        var toSave = new List<StoredFeedItem>();
        int added = 0, changed = 0, duplicates = 0, skipped = 0;
        var ids = new List<string>();

        var entries = feed.Items
            .OrderByDescending(e => e.Published ?? DateTimeOffset.MinValue)
            .Take(settings.MaxItemsPerFeed);
        foreach (var entry in entries)
        {
            var url = UrlNormalizer.Normalize(entry.Link, baseUrl);
            var itemHash = FeedItemBuilder.ItemHash(entry);
            var key = entry.Id ?? url ?? "hash:" + itemHash;
            if (pendingByKey.ContainsKey(key))
            {
                // The same GUID twice in one document: the first (newest) wins.
                duplicates++;
                continue;
            }

            var existing = articles.FindByKey(source.Id, key);
            if (existing is not null && existing.ItemHash == itemHash)
            {
                continue;
            }

            if (existing is null && url is not null && !articles.TryClaim(url))
            {
                // The story is already stored (re-posted under a new GUID, or carried by another feed).
                duplicates++;
                continue;
            }

            if (existing is null && url is not null)
            {
                claims.Add(url);
            }

            var articleId = existing?.ArticleId ?? FeedItemBuilder.ArticleId(source.Id, key, url);
            var built = await builder.BuildAsync(entry, articleId, $"feed:{source.Id}#{key}", outlet, source.Tags, cancellationToken);
            if (built.Article is not { } article)
            {
                skipped++;
                continue;
            }

            if (existing is null)
            {
                if (!articles.TryClaim(article.ContentHash))
                {
                    duplicates++;
                    continue;
                }

                claims.Add(article.ContentHash);
            }

            var stored = new StoredFeedItem
            {
                SourceId = source.Id,
                ItemKey = key,
                NormalizedUrl = url,
                ItemHash = itemHash,
                ArticleId = articleId,
                Title = article.Title,
                Body = article.Body,
                ContentHash = article.ContentHash,
                WordCount = article.WordCount,
                Url = article.SourceUrl,
                Outlet = article.Outlet,
                Author = article.Author,
                PublishedAt = article.PublishedAt,
                Tags = article.Tags,
                IsBackCatalogue = existing?.IsBackCatalogue ?? IsBackCatalogue(entry.Published, source, firstPoll, now),
                FirstSeenAt = existing?.FirstSeenAt ?? now,
                UpdatedAt = now,
            };
            pendingByKey[key] = stored;
            toSave.Add(stored);
            if (existing is null)
            {
                added++;
                ids.Add(articleId);
            }
            else if (existing.ContentHash != article.ContentHash)
            {
                changed++;
                ids.Add(articleId);
            }
        }

        if (toSave.Count > 0)
        {
            await items.SaveAsync(toSave, cancellationToken);
            articles.Apply(toSave);
        }

        return new PollResult(source.Id, source.DisplayName, PollOutcome.Updated)
        {
            Added = added,
            Changed = changed,
            Duplicates = duplicates,
            Skipped = skipped,
            ArticleIds = ids,
        };
    }

    /// <summary>
    /// Whether an item is back catalogue (answerable, not news): older than <see cref="FeedsOptions.NewItemMaxAge"/>
    /// when that is set, else published before the feed was added; undated items are back catalogue on a feed's first read.
    /// </summary>
    private bool IsBackCatalogue(DateTimeOffset? published, FeedSource source, bool firstPoll, DateTimeOffset now) =>
        published is not { } date ? firstPoll
        : options.Value.NewItemMaxAge is { } maxAge ? date < now - maxAge
        : date <= source.AddedAt;

    private FeedFetchState Succeeded(FeedSource source, FeedFetchState state, DateTimeOffset now) => state with
    {
        LastPolledAt = now,
        LastSuccessAt = now,
        NextPollAt = now + Interval(source),
        RetryNotBefore = null,
        ConsecutiveFailures = 0,
        LastError = null,
        LastErrorAt = null,
    };

    private async Task<PollResult> FailAsync(FeedSource source, string error, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var failures = source.State.ConsecutiveFailures + 1;
        var backoff = TimeSpan.FromTicks((long)Math.Min(settings.MaxBackoff.Ticks, Interval(source).Ticks * Math.Pow(2, failures - 1)));
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        var disabled = failures >= settings.DisableAfterFailures
            ? string.Create(CultureInfo.InvariantCulture, $"{failures} failed polls in a row, the last: {error}")
            : null;
        var state = source.State with
        {
            LastPolledAt = now,
            NextPollAt = now + wait,
            RetryNotBefore = retryAfter is { } r ? now + r : null,
            ConsecutiveFailures = failures,
            LastError = error,
            LastErrorAt = now,
            DisabledReason = disabled,
        };
        await sources.SaveStateAsync(source.Id, state, cancellationToken);
        LogFailed(logger, source.DisplayName, failures, error);
        if (disabled is not null)
        {
            LogDisabled(logger, source.DisplayName, disabled);
            if (audit is not null)
            {
                await audit.FeedDisabledAsync(source with { State = state }, disabled, cancellationToken);
            }
        }

        return new PollResult(source.Id, source.DisplayName, PollOutcome.Failed) { Error = error, Disabled = disabled is not null, NextPollAt = state.NextPollAt };
    }

    private TimeSpan Interval(FeedSource source) =>
        source.PollInterval < options.Value.MinPollInterval ? options.Value.MinPollInterval : source.PollInterval;

    [LoggerMessage(EventId = 11020, Level = LogLevel.Information, Message = "Feed {Feed}: {Added} new, {Changed} changed, {Duplicates} duplicates")]
    private static partial void LogUpdated(ILogger logger, string feed, int added, int changed, int duplicates);

    [LoggerMessage(EventId = 11021, Level = LogLevel.Warning, Message = "Feed {Feed} failed ({Failures} in a row): {Error}")]
    private static partial void LogFailed(ILogger logger, string feed, int failures, string error);

    [LoggerMessage(EventId = 11022, Level = LogLevel.Warning, Message = "Feed {Feed} disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string feed, string reason);

    [LoggerMessage(EventId = 11023, Level = LogLevel.Error, Message = "Polling feed {Feed} crashed")]
    private static partial void LogPollCrashed(ILogger logger, Exception exception, string feed);

    [LoggerMessage(EventId = 11040, Level = LogLevel.Debug, Message = "Feed {Feed} is due but another instance polls it (or just did)")]
    private static partial void LogLeasedElsewhere(ILogger logger, string feed);

    [LoggerMessage(EventId = 11041, Level = LogLevel.Warning, Message = "Could not give back the poll lease of feed {Feed}; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string feed);
}
