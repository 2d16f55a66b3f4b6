using BriefingBot.Commands.Handlers;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Cluster;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

/// <summary>A moderator's reload on one instance is announced to the others; a failed one is not.</summary>
public sealed class ReloadHandlerBroadcastTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);

    private static CommandRequest Request { get; } = CommandRequest.Create("reload", new CommandCaller(42, "mod") { GuildId = 7 });

    [Fact]
    public async Task HandleAsync_Reloaded_AnnouncesTheFolderChange()
    {
        var broadcast = new Mock<IContentChangeBroadcast>();
        var handler = new ReloadHandler(Reloader(Task.FromResult(new ArticleLoadResult([ArticleBuilder.Dated("a", Now)], [])), out _), broadcast: broadcast.Object);

        await handler.HandleAsync(Request, TestTimeout.Token());

        broadcast.Verify(b => b.PublishAsync(ContentChange.Folder, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_ReloadFailed_AnnouncesNothing()
    {
        var broadcast = new Mock<IContentChangeBroadcast>();
        var handler = new ReloadHandler(Reloader(Task.FromException<ArticleLoadResult>(new IOException("disk gone")), out _), broadcast: broadcast.Object);

        var reply = await handler.HandleAsync(Request, TestTimeout.Token());

        Assert.StartsWith("Reload failed", reply.Content, StringComparison.Ordinal);
        broadcast.VerifyNoOtherCalls();
    }

    private static ContentReloader Reloader(Task<ArticleLoadResult> load, out Mock<IArticleLoader> loader)
    {
        loader = new Mock<IArticleLoader>();
        loader.Setup(l => l.LoadFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(load);
        return new ContentReloader(loader.Object, TestStores.Store(Now), Options.Create(new ContentOptions()), new FakeTimeProvider(Now), NullLogger<ContentReloader>.Instance);
    }
}
