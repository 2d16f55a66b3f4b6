using BriefingBot.Core.Cluster;
using BriefingBot.Core.Store;
using BriefingBot.Feeds.Polling;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds.Sources;

/// <summary>
/// What moderators (and the CLI) do with sources: add (checked, then read once so the reply can say how it went),
/// list, remove, refresh (re-enables a disabled feed). Changes reach readers through one republished snapshot, and
/// other instances sharing the database through a broadcast.
/// </summary>
public sealed class FeedSourceManager(
    IFeedSourceStore sources,
    FeedArticleSet articles,
    FeedPoller poller,
    ContentReloader reloader,
    PollSignal signal,
    IOptions<FeedsOptions> options,
    TimeProvider timeProvider,
    IContentChangeBroadcast? broadcast = null) : IFeedSourceManager, IDisposable
{
    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private bool _seeded;

    /// <summary>Adds the feeds listed in settings that the database does not have yet (once per process).</summary>
    public async Task EnsureSettingsFeedsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _seeded))
        {
            return;
        }

        await _seedGate.WaitAsync(cancellationToken);
        try
        {
            if (_seeded)
            {
                return;
            }

            foreach (var feed in options.Value.Feeds)
            {
                if (!FeedUrl.TryParse(feed.Url, out var url, out _))
                {
                    continue;
                }

                var interval = feed.PollMinutes is { } m ? TimeSpan.FromMinutes(m) : options.Value.DefaultPollInterval;
                var existing = await sources.FindByUrlAsync(url.AbsoluteUri, cancellationToken);
                if (existing is null)
                {
                    await sources.AddAsync(new FeedSource
                    {
                        Url = url.AbsoluteUri,
                        Name = string.IsNullOrWhiteSpace(feed.Name) ? null : feed.Name.Trim(),
                        PollInterval = interval,
                        Tags = [.. feed.Tags],
                        Origin = FeedSourceOrigin.Settings,
                        AddedAt = timeProvider.GetUtcNow(),
                        AddedBy = "settings",
                    }, cancellationToken);
                }
                else if (existing.Origin == FeedSourceOrigin.Settings)
                {
                    await sources.UpdateSettingsAsync(existing with { Name = feed.Name, PollInterval = interval, Tags = [.. feed.Tags] }, cancellationToken);
                }
            }

            Volatile.Write(ref _seeded, true);
        }
        finally
        {
            _seedGate.Release();
        }
    }

    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureSettingsFeedsAsync(cancellationToken);
        return await sources.ListAsync(cancellationToken);
    }

    public async Task<SourceAddResult> AddAsync(string? urlText, string? name, int? pollMinutes, string addedBy, CancellationToken cancellationToken)
    {
        await EnsureSettingsFeedsAsync(cancellationToken);
        if (!FeedUrl.TryParse(urlText, out var url, out var problem))
        {
            return new SourceAddResult(null, null) { Problem = problem };
        }

        var settings = options.Value;
        var interval = pollMinutes is { } m ? TimeSpan.FromMinutes(m) : settings.DefaultPollInterval;
        if (interval < settings.MinPollInterval || interval > TimeSpan.FromDays(7))
        {
            return new SourceAddResult(null, null)
            {
                Problem = $"poll must be between {Math.Ceiling(settings.MinPollInterval.TotalMinutes)} and 10080 minutes",
            };
        }

        if (await sources.FindByUrlAsync(url.AbsoluteUri, cancellationToken) is { } existing)
        {
            return new SourceAddResult(null, null) { Problem = $"that feed is already subscribed as “{existing.DisplayName}”", Existing = existing };
        }

        var source = await sources.AddAsync(new FeedSource
        {
            Url = url.AbsoluteUri,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            PollInterval = interval,
            Origin = FeedSourceOrigin.Moderator,
            AddedAt = timeProvider.GetUtcNow(),
            AddedBy = addedBy,
        }, cancellationToken);
        var first = await poller.PollAsync(source, cancellationToken);
        await PublishAsync(first, cancellationToken);
        signal.Wake();
        return new SourceAddResult(await sources.FindAsync(source.Id, cancellationToken) ?? source, first);
    }

    public async Task<FeedSource?> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        var source = await sources.FindAsync(id, cancellationToken);
        if (source is null || !await sources.RemoveAsync(id, cancellationToken))
        {
            return null;
        }

        await articles.EnsureLoadedAsync(cancellationToken);
        articles.RemoveSource(id);
        await reloader.RefreshExternalAsync(cancellationToken);
        await BroadcastAsync(cancellationToken);
        return source;
    }

    /// <summary>Re-enables and polls now one source (or every source when <paramref name="id"/> is null).</summary>
    public async Task<IReadOnlyList<PollResult>> RefreshAsync(long? id, CancellationToken cancellationToken)
    {
        await EnsureSettingsFeedsAsync(cancellationToken);
        var targets = id is { } one
            ? (await sources.FindAsync(one, cancellationToken) is { } found ? [found] : [])
            : await sources.ListAsync(cancellationToken);
        var results = new List<PollResult>();
        foreach (var source in targets)
        {
            var enabled = source.Enabled ? source : source with
            {
                State = source.State with { DisabledReason = null, ConsecutiveFailures = 0, NextPollAt = null },
            };
            if (!source.Enabled)
            {
                await sources.SaveStateAsync(source.Id, enabled.State, cancellationToken);
            }

            results.Add(await poller.PollAsync(enabled, cancellationToken));
        }

        if (results.Any(r => r.Added + r.Changed > 0))
        {
            await reloader.RefreshExternalAsync(cancellationToken);
            await BroadcastAsync(cancellationToken);
        }

        signal.Wake();
        return results;
    }

    public async Task<FeedSource?> FindAsync(long id, CancellationToken cancellationToken) => await sources.FindAsync(id, cancellationToken);

    public void Dispose() => _seedGate.Dispose();

    private async Task PublishAsync(PollResult result, CancellationToken cancellationToken)
    {
        if (result.Added + result.Changed > 0)
        {
            await reloader.RefreshExternalAsync(cancellationToken);
            await BroadcastAsync(cancellationToken);
        }
    }

    private Task BroadcastAsync(CancellationToken cancellationToken) =>
        broadcast?.PublishAsync(ContentChange.Feeds, cancellationToken) ?? Task.CompletedTask;
}
