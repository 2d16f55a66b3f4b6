using BriefingBot.Core.Articles;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Retrieval.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Core.Store;

/// <summary>
/// Loads the content folder, builds a new snapshot off to the side and publishes it in one swap. One reload at a
/// time; a failed load keeps the old content, and a file that breaks keeps its previous articles serving. Articles
/// from external sources (feeds) are merged into every snapshot; <see cref="RefreshExternalAsync"/> republishes them
/// without reading the folder again.
/// </summary>
public sealed partial class ContentReloader(
    IArticleLoader loader,
    IArticleStore store,
    IOptions<ContentOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentReloader> logger,
    BotMetrics? metrics = null,
    IEnumerable<ISnapshotWarmer>? warmers = null,
    IEnumerable<IExternalArticleSource>? externalSources = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The folder's articles as last published (null before the first load), so a feed refresh can reuse them.</summary>
    private IReadOnlyList<Article>? _folderArticles;

    public bool IsReloading => _gate.CurrentCount == 0;

    public async Task<ReloadReport> ReloadAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return new ReloadReport(ReloadStatus.AlreadyRunning);
        }

        try
        {
            var report = await ReloadCoreAsync(cancellationToken);
            metrics?.Reload(report.Status.ToString().ToLowerInvariant(), report.Duration);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Publishes the external sources' current articles beside the folder's as last loaded, without reading the
    /// folder. Waits for a running reload rather than refusing: new feed items must not be lost to a /reload.
    /// </summary>
    public async Task<ReloadReport> RefreshExternalAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = timeProvider.GetTimestamp();
            var old = store.Current;
            var folder = _folderArticles ?? [];
            var articles = await MergeExternalAsync(folder, cancellationToken);
            if (IsUnchanged(articles, old.Problems, old))
            {
                return new ReloadReport(ReloadStatus.Reloaded) { Skipped = old.Problems, ArticleCount = old.Articles.Count, Duration = timeProvider.GetElapsedTime(started) };
            }

            return await PublishAsync(articles, old.Problems, [], old, started, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ReloadReport> ReloadCoreAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var folder = options.Value.Folder;
        var old = store.Current;

        ArticleLoadResult result;
        try
        {
            result = await loader.LoadFolderAsync(folder, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(logger, ex, folder);
            return new ReloadReport(ReloadStatus.Failed) { Failure = ex.Message, ArticleCount = old.Articles.Count };
        }

        if (result.FolderUnreadable || (result.Articles.Count == 0 && (_folderArticles?.Count ?? old.Articles.Count) > 0))
        {
            var reason = result.FolderUnreadable
                ? (result.Problems.Count > 0 ? result.Problems[0].Reason : null) ?? $"the folder '{folder}' could not be read"
                : $"no article could be loaded from '{folder}'";
            LogReloadRejected(logger, folder, reason);
            return new ReloadReport(ReloadStatus.Failed)
            {
                Failure = reason,
                Skipped = result.Problems,
                ArticleCount = old.Articles.Count,
                Duration = timeProvider.GetElapsedTime(started),
            };
        }

        var (folderArticles, keptPrevious) = KeepPreviousVersionsOfBrokenFiles(result, old);
        _folderArticles = folderArticles;
        var articles = await MergeExternalAsync(folderArticles, cancellationToken);
        if (keptPrevious.Count == 0 && IsUnchanged(articles, result.Problems, old))
        {
            // Same articles, same problems: keep the published snapshot. Rebuilding would cost an index build and
            // throw away every cache warmed on the old one (spelling corrector, title lookup, quotations), which
            // under load is the most expensive thing a periodic reload does.
            var unchanged = new ReloadReport(ReloadStatus.Reloaded)
            {
                Skipped = result.Problems,
                ArticleCount = old.Articles.Count,
                Duration = timeProvider.GetElapsedTime(started),
            };
            LogUnchanged(logger, unchanged.ArticleCount, unchanged.Duration.TotalMilliseconds);
            return unchanged;
        }

        return await PublishAsync(articles, result.Problems, keptPrevious, old, started, cancellationToken);
    }

    private async Task<ReloadReport> PublishAsync(
        IReadOnlyList<Article> articles,
        IReadOnlyList<LoadProblem> problems,
        IReadOnlyList<string> keptPrevious,
        ArticleSnapshot old,
        long started,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var firstSeen = articles.ToDictionary(a => a.Id, a => FirstSeen(a, old, now), StringComparer.OrdinalIgnoreCase);
        var snapshot = await Task.Run(
            () =>
            {
                var built = new ArticleSnapshot(SearchIndex.Build(articles), problems, now, old.Version + 1, firstSeen);
                built.Index.Warm();
                foreach (var warmer in warmers ?? [])
                {
                    warmer.Warm(built);
                }

                return built;
            },
            cancellationToken);
        store.Publish(snapshot);

        var oldById = old.Articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var newIds = articles.Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var report = new ReloadReport(ReloadStatus.Reloaded)
        {
            Added = articles.Where(a => !oldById.ContainsKey(a.Id)).Select(a => a.Id).ToArray(),
            Changed = articles.Where(a => oldById.TryGetValue(a.Id, out var before) && before.ContentHash != a.ContentHash).Select(a => a.Id).ToArray(),
            Removed = old.Articles.Where(a => !newIds.Contains(a.Id)).Select(a => a.Id).ToArray(),
            Skipped = problems,
            KeptPrevious = keptPrevious,
            ArticleCount = articles.Count,
            Duration = timeProvider.GetElapsedTime(started),
        };
        LogReloaded(logger, report.ArticleCount, report.Added.Count, report.Changed.Count, report.Removed.Count, report.Skipped.Count, report.Duration.TotalMilliseconds);
        return report;
    }

    /// <summary>The folder's articles, then every external article whose id the folder does not already use.</summary>
    private async Task<IReadOnlyList<Article>> MergeExternalAsync(IReadOnlyList<Article> folder, CancellationToken cancellationToken)
    {
        if (externalSources is null)
        {
            return folder;
        }

        List<Article>? merged = null;
        HashSet<string>? ids = null;
        foreach (var source in externalSources)
        {
            var external = await source.GetArticlesAsync(cancellationToken);
            if (external.Count == 0)
            {
                continue;
            }

            merged ??= [.. folder];
            ids ??= folder.Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            merged.AddRange(external.Where(a => ids.Add(a.Id)));
        }

        return merged ?? folder;
    }

    /// <summary>
    /// When an article counts as having arrived: as before if it was already loaded; else when its file last
    /// changed, so that a restart does not make every undated article "new" again for the digest.
    /// </summary>
    private static DateTimeOffset FirstSeen(Article article, ArticleSnapshot old, DateTimeOffset now) =>
        old.Find(article.Id) is not null ? old.FirstSeen(article.Id)
        : article.SourceModifiedAt is { } modified && modified < now ? modified
        : now;

    /// <summary>
    /// A moderator editing one file must not take its articles offline by saving a typo: when a file that loaded
    /// before now fails, its previous articles stay until it loads again.
    /// </summary>
    private static bool IsUnchanged(IReadOnlyList<Article> articles, IReadOnlyList<LoadProblem> problems, ArticleSnapshot old) =>
        old.Version > 0
        && articles.Count == old.Articles.Count
        && problems.Count == old.Problems.Count
        && articles.All(a => old.Find(a.Id) is { } before && before.ContentHash == a.ContentHash)
        && problems.Select(p => p.Source + "\n" + p.Reason).Order(StringComparer.Ordinal)
            .SequenceEqual(old.Problems.Select(p => p.Source + "\n" + p.Reason).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static (IReadOnlyList<Article> Articles, IReadOnlyList<string> KeptPrevious) KeepPreviousVersionsOfBrokenFiles(
        ArticleLoadResult result, ArticleSnapshot old)
    {
        var brokenFiles = result.Problems.Select(p => FileOf(p.Source)).ToHashSet(StringComparer.Ordinal);
        var loadedFiles = result.Articles.Select(a => FileOf(a.SourcePath)).ToHashSet(StringComparer.Ordinal);
        var loadedIds = result.Articles.Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = old.Articles
            .Where(a => brokenFiles.Contains(FileOf(a.SourcePath)) && !loadedFiles.Contains(FileOf(a.SourcePath)) && !loadedIds.Contains(a.Id))
            .ToArray();
        if (kept.Length == 0)
        {
            return (result.Articles, []);
        }

        var merged = result.Articles.Concat(kept).OrderBy(a => a.SourcePath, StringComparer.Ordinal).ToArray();
        return (merged, kept.Select(a => FileOf(a.SourcePath)).Distinct(StringComparer.Ordinal).ToArray());
    }

    private static string FileOf(string source)
    {
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? source : source[..hash];
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Content reloaded: {Articles} articles ({Added} added, {Changed} changed, {Removed} removed, {Skipped} skipped) in {Milliseconds:F0} ms")]
    private static partial void LogReloaded(ILogger logger, int articles, int added, int changed, int removed, int skipped, double milliseconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Reloaded {Count} articles in {DurationMs} ms: nothing changed, the current snapshot stays")]
    private static partial void LogUnchanged(ILogger logger, int count, double durationMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Reload of {Folder} rejected, previous content kept: {Reason}")]
    private static partial void LogReloadRejected(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Reload of {Folder} failed, previous content kept")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string folder);
}
