using BriefingBot.Core.Articles;
using BriefingBot.Core.Cluster;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Core.Tests.Cluster;

public sealed class FolderChangeHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ApplyAsync_WhileAReloadRuns_ReloadsAgainAfterIt()
    {
        var firstLoad = new TaskCompletionSource<ArticleLoadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        var loader = new Mock<IArticleLoader>();
        loader.Setup(l => l.LoadFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Increment(ref loads) == 1
                ? firstLoad.Task
                : Task.FromResult(new ArticleLoadResult([ArticleBuilder.Dated("after-peer-change", Now)], [])));
        var store = TestStores.Store(Now);
        var reloader = new ContentReloader(loader.Object, store, Options.Create(new ContentOptions()), TimeProvider.System, NullLogger<ContentReloader>.Instance);
        var running = reloader.ReloadAsync(TestTimeout.Token());

        var applying = new FolderChangeHandler(reloader, TimeProvider.System).ApplyAsync(TestTimeout.Token());
        await Task.Delay(300);
        Assert.False(applying.IsCompleted);
        firstLoad.SetResult(new ArticleLoadResult([ArticleBuilder.Dated("before-peer-change", Now)], []));
        await running;
        await applying.WaitAsync(TestTimeout.Default);

        Assert.Equal(2, loads);
        Assert.Equal("after-peer-change", Assert.Single(store.Current.Articles).Id);
    }
}
