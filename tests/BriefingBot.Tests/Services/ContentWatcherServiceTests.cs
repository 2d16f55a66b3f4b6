using BriefingBot.Commands.Auditing;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Options;
using BriefingBot.Services;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace BriefingBot.Tests.Services;

public sealed class ContentWatcherServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);
    private readonly TimerAwareFakeTimeProvider _clock = new(Now);
    private readonly Mock<IArticleLoader> _loader = new();
    private readonly ContentReloader _reloader;
    private readonly TaskCompletionSource<AuditEntry> _audited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ContentWatcherService _watcher;
    private int _loads;

    public ContentWatcherServiceTests()
    {
        _loader.Setup(l => l.LoadFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                Interlocked.Increment(ref _loads);
                return new ArticleLoadResult([ArticleBuilder.Dated("a", Now)], []);
            });
        _reloader = new ContentReloader(_loader.Object, new ArticleStore(), Microsoft.Extensions.Options.Options.Create(new ContentOptions()), _clock, NullLogger<ContentReloader>.Instance);
        var audit = new Mock<IAuditLog>();
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => _audited.TrySetResult(e))
            .Returns(Task.CompletedTask);
        _watcher = new ContentWatcherService(_reloader, audit.Object, Microsoft.Extensions.Options.Options.Create(new ContentOptions()),
            Microsoft.Extensions.Options.Options.Create(new ContentWatchOptions { WatchForChanges = true }), _clock, NullLogger<ContentWatcherService>.Instance);
    }

    [Fact]
    public async Task RunAsync_BurstOfChanges_ReloadsOnceAfterAQuietPeriodAndAuditsAsFileWatcher()
    {
        using var stop = new CancellationTokenSource(TestTimeout.Default);
        var loop = _watcher.RunAsync(stop.Token);

        _watcher.NotifyChanged();
        await _clock.WaitForTimersAsync(1, TestTimeout.Default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        _watcher.NotifyChanged(); // still copying files: the quiet period starts again
        _watcher.NotifyChanged();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _clock.WaitForTimersAsync(1, TestTimeout.Default);
        Assert.Equal(0, Volatile.Read(ref _loads));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var entry = await _audited.Task.WaitAsync(TestTimeout.Default);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);

        Assert.Equal(1, Volatile.Read(ref _loads));
        Assert.Equal((AuditUsers.FileWatcher, "reload", "reloaded", (ulong?)null), (entry.UserName, entry.Action, entry.Outcome, entry.GuildId));
    }

    [Fact]
    public async Task ExecuteAsync_WatchingOff_NeverReloads()
    {
        using var watcher = new ContentWatcherService(_reloader, Mock.Of<IAuditLog>(), Microsoft.Extensions.Options.Options.Create(new ContentOptions { Folder = "/does/not/matter" }),
            Microsoft.Extensions.Options.Options.Create(new ContentWatchOptions()), _clock, NullLogger<ContentWatcherService>.Instance);

        await watcher.StartAsync(TestTimeout.Token());
        await watcher.ExecuteTask!.WaitAsync(TestTimeout.Default);

        Assert.True(watcher.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(0, Volatile.Read(ref _loads));
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _reloader.Dispose();
    }
}
