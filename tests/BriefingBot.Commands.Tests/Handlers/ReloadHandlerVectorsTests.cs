using BriefingBot.Commands.Handlers;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

/// <summary>/reload says how much of the new content already has meaning vectors, when meaning is on.</summary>
public sealed class ReloadHandlerVectorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reload_WithMeaningOn_SaysWhatTheCacheHadAndThatTheRestIsUnderWay()
    {
        var progress = new Mock<IEmbeddingProgress>();
        progress.Setup(p => p.Current()).Returns(new EmbeddingProgress(45_000, 12_000, 12_000));

        var reply = await Handler(progress.Object).HandleAsync(CommandRequest.Create("reload", CommandCaller.LocalOperator), TestTimeout.Token());

        Assert.EndsWith(
            "\nMeaning: 12,000 of 45,000 sentences and titles had vectors in the cache; the other 33,000 are being embedded in the background.",
            reply.Content,
            StringComparison.Ordinal);
        Assert.Equal(12_000, Assert.IsType<ReloadReport>(reply.Data).Vectors!.FromCache);
    }

    [Fact]
    public async Task Reload_EverythingCached_SaysSoInOneLine()
    {
        var progress = new Mock<IEmbeddingProgress>();
        progress.Setup(p => p.Current()).Returns(new EmbeddingProgress(900, 900, 900));

        var reply = await Handler(progress.Object).HandleAsync(CommandRequest.Create("reload", CommandCaller.LocalOperator), TestTimeout.Token());

        Assert.EndsWith("\nMeaning: all 900 sentences and titles have vectors (900 from the cache).", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_WithMeaningOff_SaysNothingAboutIt()
    {
        var reply = await Handler(null).HandleAsync(CommandRequest.Create("reload", CommandCaller.LocalOperator), TestTimeout.Token());

        Assert.DoesNotContain("Meaning", reply.Content, StringComparison.Ordinal);
        Assert.Null(Assert.IsType<ReloadReport>(reply.Data).Vectors);
    }

    private static ReloadHandler Handler(IEmbeddingProgress? progress)
    {
        var loader = new Mock<IArticleLoader>();
        loader.Setup(l => l.LoadFolderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleLoadResult([ArticleBuilder.Dated("new", Now)], []));
        var reloader = new ContentReloader(loader.Object, TestStores.Store(Now), Options.Create(new ContentOptions()), new FakeTimeProvider(Now), NullLogger<ContentReloader>.Instance);
        return new ReloadHandler(reloader, embedding: progress);
    }
}
