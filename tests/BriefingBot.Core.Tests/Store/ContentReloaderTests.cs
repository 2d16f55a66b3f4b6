using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Core.Tests.Store;

public sealed class ContentReloaderTests
{
    private readonly Mock<IArticleLoader> _loader = new();
    private readonly ArticleStore _store = new();

    private ContentReloader Reloader() =>
        new(_loader.Object, _store, Options.Create(new ContentOptions { Folder = "content" }), TimeProvider.System, NullLogger<ContentReloader>.Instance);

    private void Loads(ArticleLoadResult result) =>
        _loader.Setup(l => l.LoadFolderAsync("content", It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private static Article A(string id, string body = "Some words here.") =>
        new ArticleBuilder().WithId(id).WithTitle("Title " + id).WithBody(body).Build();

    [Fact]
    public async Task ReloadAsync_FirstLoad_PublishesEveryArticleAsAdded()
    {
        Loads(new ArticleLoadResult([A("a"), A("b")], []));

        var report = await Reloader().ReloadAsync(CancellationToken.None);

        Assert.Equal(ReloadStatus.Reloaded, report.Status);
        Assert.Equal(["a", "b"], report.Added);
        Assert.Equal(2, _store.Current.Articles.Count);
        Assert.Equal(1, _store.Current.Version);
    }

    [Fact]
    public async Task ReloadAsync_SecondLoad_ReportsAddedChangedRemovedAndSkipped()
    {
        var reloader = Reloader();
        Loads(new ArticleLoadResult([A("a"), A("b"), A("c")], []));
        await reloader.ReloadAsync(CancellationToken.None);
        Loads(new ArticleLoadResult([A("a"), A("b", "Different words now."), A("d")], [new LoadProblem("broken.json", "not valid JSON")]));

        var report = await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(["d"], report.Added);
        Assert.Equal(["b"], report.Changed);
        Assert.Equal(["c"], report.Removed);
        Assert.Equal("broken.json", Assert.Single(report.Skipped).Source);
        Assert.Equal(3, _store.Current.Articles.Count);
    }

    [Fact]
    public async Task ReloadAsync_FolderUnreadable_KeepsTheOldContent()
    {
        var reloader = Reloader();
        Loads(new ArticleLoadResult([A("a")], []));
        await reloader.ReloadAsync(CancellationToken.None);
        var before = _store.Current;
        Loads(new ArticleLoadResult([], [new LoadProblem("content", "the folder does not exist")]) { FolderUnreadable = true });

        var report = await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(ReloadStatus.Failed, report.Status);
        Assert.Contains("does not exist", report.Failure, StringComparison.Ordinal);
        Assert.Same(before, _store.Current);
    }

    [Fact]
    public async Task ReloadAsync_LoaderThrows_KeepsTheOldContent()
    {
        var reloader = Reloader();
        Loads(new ArticleLoadResult([A("a")], []));
        await reloader.ReloadAsync(CancellationToken.None);
        var before = _store.Current;
        _loader.Setup(l => l.LoadFolderAsync("content", It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk gone"));

        var report = await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(ReloadStatus.Failed, report.Status);
        Assert.Same(before, _store.Current);
    }

    [Fact]
    public async Task ReloadAsync_AFileThatLoadedBeforeNowFails_KeepsItsPreviousArticles()
    {
        var reloader = Reloader();
        var good = A("news-1") with { SourcePath = "news.jsonl#1" };
        Loads(new ArticleLoadResult([A("a"), good], []));
        await reloader.ReloadAsync(CancellationToken.None);
        Loads(new ArticleLoadResult([A("a")], [new LoadProblem("news.jsonl", "not valid UTF-8")]));

        var report = await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(["news.jsonl"], report.KeptPrevious);
        Assert.NotNull(_store.Current.Find("news-1"));
        Assert.Empty(report.Removed);
    }

    [Fact]
    public async Task ReloadAsync_WhileAnotherRuns_IsRefusedNotRunTwice()
    {
        var release = new TaskCompletionSource<ArticleLoadResult>();
        _loader.Setup(l => l.LoadFolderAsync("content", It.IsAny<CancellationToken>())).Returns(release.Task);
        var reloader = Reloader();

        var first = reloader.ReloadAsync(CancellationToken.None);
        var second = await reloader.ReloadAsync(CancellationToken.None);
        release.SetResult(new ArticleLoadResult([A("a")], []));
        var firstReport = await first.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ReloadStatus.AlreadyRunning, second.Status);
        Assert.Equal(ReloadStatus.Reloaded, firstReport.Status);
        _loader.Verify(l => l.LoadFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReloadAsync_ConcurrentQueries_AlwaysSeeAWholeSnapshot()
    {
        var reloader = Reloader();
        var oldSet = Enumerable.Range(0, 50).Select(i => A("old-" + i, "The harbour bridge opened on Friday.")).ToArray();
        var newSet = Enumerable.Range(0, 80).Select(i => A("new-" + i, "The frost ruined the orchard.")).ToArray();
        Loads(new ArticleLoadResult(oldSet, []));
        await reloader.ReloadAsync(CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var mixed = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = _store.Current;
                var ids = snapshot.Articles.Select(a => a.Id).ToArray();
                var allOld = ids.All(id => id.StartsWith("old-", StringComparison.Ordinal)) && ids.Length == 50;
                var allNew = ids.All(id => id.StartsWith("new-", StringComparison.Ordinal)) && ids.Length == 80;
                var indexAgrees = snapshot.Index.Articles.Count == ids.Length;
                if (!(allOld || allNew) || !indexAgrees)
                {
                    Interlocked.Increment(ref mixed);
                }
            }
        });

        for (var i = 0; i < 20; i++)
        {
            Loads(new ArticleLoadResult(i % 2 == 0 ? newSet : oldSet, []));
            await reloader.ReloadAsync(CancellationToken.None);
        }

        await stop.CancelAsync();
        await reader.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, mixed);
        Assert.Equal(21, _store.Current.Version);
    }

    [Fact]
    public async Task ReloadAsync_UnchangedArticle_KeepsWhenItWasFirstSeen()
    {
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new SettableClock(() => now);
        var reloader = new ContentReloader(_loader.Object, _store, Options.Create(new ContentOptions { Folder = "content" }), time, NullLogger<ContentReloader>.Instance);
        Loads(new ArticleLoadResult([A("a")], []));
        await reloader.ReloadAsync(CancellationToken.None);
        now = now.AddDays(1);
        Loads(new ArticleLoadResult([A("a"), A("b")], []));

        await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), _store.Current.FirstSeen("a"));
        Assert.Equal(now, _store.Current.FirstSeen("b"));
    }

    [Fact]
    public async Task ReloadAsync_NothingChanged_KeepsTheWarmSnapshot()
    {
        var reloader = Reloader();
        Loads(new ArticleLoadResult([A("a"), A("b")], []));
        await reloader.ReloadAsync(CancellationToken.None);
        var before = _store.Current;
        Loads(new ArticleLoadResult([A("b"), A("a")], []));

        var report = await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(ReloadStatus.Reloaded, report.Status);
        Assert.Empty(report.Added.Concat(report.Changed).Concat(report.Removed));
        Assert.Equal(2, report.ArticleCount);
        Assert.Same(before, _store.Current);
    }

    [Fact]
    public async Task ReloadAsync_OneBodyChanged_PublishesANewSnapshot()
    {
        var reloader = Reloader();
        Loads(new ArticleLoadResult([A("a"), A("b")], []));
        await reloader.ReloadAsync(CancellationToken.None);
        var before = _store.Current;
        Loads(new ArticleLoadResult([A("a"), A("b", "Other words entirely.")], []));

        var report = await reloader.ReloadAsync(CancellationToken.None);

        Assert.Equal(["b"], report.Changed);
        Assert.NotSame(before, _store.Current);
    }

    [Fact]
    public async Task ReloadAsync_AfterARestart_UndatedArticlesAreNotNewAgain()
    {
        var written = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        Loads(new ArticleLoadResult([A("a") with { SourceModifiedAt = written }], []));

        // A fresh reloader and store is what a restart gives.
        await Reloader().ReloadAsync(CancellationToken.None);

        Assert.Equal(written, _store.Current.FirstSeen("a"));
    }

    private sealed class SettableClock(Func<DateTimeOffset> now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now();
    }
}
