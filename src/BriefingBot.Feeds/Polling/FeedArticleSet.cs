using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Feeds.Sources;

namespace BriefingBot.Feeds.Polling;

/// <summary>
/// Every stored feed article, in memory, with the keys dedup looks up (item key per source, normalised URL, content
/// hash). Loaded once from <see cref="IFeedItemStore"/>; the poller updates it after each save. As an
/// <see cref="IExternalArticleSource"/> it puts feed articles into every published snapshot.
/// </summary>
public sealed class FeedArticleSet(IFeedItemStore store) : IExternalArticleSource, IDisposable
{
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly object _sync = new();
    private readonly Dictionary<(long Source, string Key), StoredFeedItem> _byKey = [];
    private readonly Dictionary<string, StoredFeedItem> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFeedItem> _byHash = new(StringComparer.Ordinal);
    private readonly HashSet<string> _claims = new(StringComparer.Ordinal);
    private IReadOnlyList<Article>? _articles;
    private bool _loaded;

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            await LoadCoreAsync(cancellationToken);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public async Task<IReadOnlyList<Article>> GetArticlesAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        lock (_sync)
        {
            // Ordered by source and first sighting so the snapshot (and its ids' order) is the same on every start.
            return _articles ??= _byKey.Values
                .OrderBy(i => i.FirstSeenAt)
                .ThenBy(i => i.ArticleId, StringComparer.Ordinal)
                .Select(ToArticle)
                .ToArray();
        }
    }

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _byKey.Count;
            }
        }
    }

    public StoredFeedItem? FindByKey(long sourceId, string key)
    {
        lock (_sync)
        {
            return _byKey.GetValueOrDefault((sourceId, key));
        }
    }

    public StoredFeedItem? FindByUrl(string normalizedUrl)
    {
        lock (_sync)
        {
            return _byUrl.GetValueOrDefault(normalizedUrl);
        }
    }

    public StoredFeedItem? FindByContentHash(string contentHash)
    {
        lock (_sync)
        {
            return _byHash.GetValueOrDefault(contentHash);
        }
    }

    public int CountFor(long sourceId)
    {
        lock (_sync)
        {
            return _byKey.Keys.Count(k => k.Source == sourceId);
        }
    }

    /// <summary>
    /// Reserves a story key (a normalised URL or a content hash) for a poll that is about to store it, so two feeds
    /// polled at the same time cannot both add the same story. False when it is stored or claimed already.
    /// </summary>
    public bool TryClaim(string storyKey)
    {
        lock (_sync)
        {
            return !_byUrl.ContainsKey(storyKey) && !_byHash.ContainsKey(storyKey) && _claims.Add(storyKey);
        }
    }

    /// <summary>Gives claims back once their items are applied (or given up).</summary>
    public void Release(IEnumerable<string> storyKeys)
    {
        lock (_sync)
        {
            foreach (var key in storyKeys)
            {
                _claims.Remove(key);
            }
        }
    }

    /// <summary>Takes saved items in (new or replacing the same key).</summary>
    public void Apply(IReadOnlyList<StoredFeedItem> items)
    {
        lock (_sync)
        {
            foreach (var item in items)
            {
                if (_byKey.TryGetValue((item.SourceId, item.ItemKey), out var before))
                {
                    Unindex(before);
                }

                Index(item);
            }

            _articles = null;
        }
    }

    /// <summary>
    /// Re-reads every stored item, replacing what is in memory: another instance sharing the database stored or removed
    /// items. Claims of polls running here are kept.
    /// </summary>
    public async Task ReloadFromStoreAsync(CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            await LoadCoreAsync(cancellationToken);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>Drops a removed source's articles.</summary>
    public void RemoveSource(long sourceId)
    {
        lock (_sync)
        {
            foreach (var item in _byKey.Values.Where(i => i.SourceId == sourceId).ToArray())
            {
                Unindex(item);
                _byKey.Remove((item.SourceId, item.ItemKey));
            }

            _articles = null;
        }
    }

    public void Dispose() => _loadGate.Dispose();

    public static Article ToArticle(StoredFeedItem item) => new()
    {
        Id = item.ArticleId,
        Title = item.Title,
        Body = item.Body,
        SourceUrl = item.Url,
        Outlet = item.Outlet,
        Author = item.Author,
        PublishedAt = item.PublishedAt,
        Tags = item.Tags,
        IsBackCatalogue = item.IsBackCatalogue,
        // When the bot first saw it: keeps an undated item's place in the digest across restarts.
        SourceModifiedAt = item.FirstSeenAt,
        SourcePath = $"feed:{item.SourceId}#{item.ItemKey}",
        ContentHash = item.ContentHash,
        WordCount = item.WordCount,
    };

    /// <summary>Replaces what is in memory with every stored item; the caller holds the load gate.</summary>
    private async Task LoadCoreAsync(CancellationToken cancellationToken)
    {
        var items = await store.ListAsync(cancellationToken);
        lock (_sync)
        {
            _byKey.Clear();
            _byUrl.Clear();
            _byHash.Clear();
            foreach (var item in items)
            {
                Index(item);
            }

            _articles = null;
        }

        Volatile.Write(ref _loaded, true);
    }

    private void Index(StoredFeedItem item)
    {
        _byKey[(item.SourceId, item.ItemKey)] = item;
        if (item.NormalizedUrl is not null)
        {
            _byUrl[item.NormalizedUrl] = item;
        }

        _byHash[item.ContentHash] = item;
    }

    private void Unindex(StoredFeedItem item)
    {
        if (item.NormalizedUrl is not null && _byUrl.TryGetValue(item.NormalizedUrl, out var u) && ReferenceEquals(u, item))
        {
            _byUrl.Remove(item.NormalizedUrl);
        }

        if (_byHash.TryGetValue(item.ContentHash, out var h) && ReferenceEquals(h, item))
        {
            _byHash.Remove(item.ContentHash);
        }
    }
}
