using BriefingBot.Core.Articles;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;
using BriefingBot.Semantics.Tests.Support;
using BriefingBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Semantics.Tests;

public sealed class BackgroundEmbeddingServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ListLoggerProvider _log = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PublishedSnapshot_BecomesFullyEmbedded_AndTheLogSaysSo()
    {
        var embedder = new FakeEmbedder();
        using var services = Build(embedder);
        var articles = Corpus.Articles(30);
        Publish(services, Corpus.Snapshot(1, articles));

        var service = services.GetRequiredService<BackgroundEmbeddingService>();
        await service.StartAsync(TestTimeout.Token());
        await WaitUntil(() => service.CompletedVersion == 1);
        await service.StopAsync(TestTimeout.Token());

        var index = services.GetRequiredService<IArticleStore>().Current.Index;
        var vectors = services.GetRequiredService<ISentenceEmbeddings>().VectorsFor(index)!;
        Assert.True(vectors.IsComplete);
        Assert.Equal(EmbeddingText.Slots(index) + 1, embedder.Texts); // every sentence and title once, and the warm-up
        Assert.Contains(_log.Messages, m => m.StartsWith($"Meaning: 0 of {EmbeddingText.Slots(index):N0} sentences and titles had vectors in the cache", StringComparison.Ordinal));
        Assert.Contains(_log.Messages, m => m.StartsWith($"Meaning: all {EmbeddingText.Slots(index):N0} sentences and titles have vectors; embedding took", StringComparison.Ordinal));
        Assert.Equal(new EmbeddingProgress(EmbeddingText.Slots(index), 0, EmbeddingText.Slots(index)), services.GetRequiredService<IEmbeddingProgress>().Current());
        Assert.DoesNotContain(_log.Lines, l => l.Level >= LogLevel.Warning); // stopping while idle is no failure
        Assert.True(services.GetRequiredService<ISentenceEmbeddings>().IsAvailable);
    }

    [Fact]
    public async Task ReplacedSnapshot_StopsBeingEmbedded_AndTheNewOneIsEmbeddedInstead()
    {
        var embedder = new FakeEmbedder { DelayPerCall = TimeSpan.FromMilliseconds(10) };
        using var services = Build(embedder, ("Answers:BackgroundBatch", "4"));
        var embeddings = services.GetRequiredService<ISentenceEmbeddings>();
        var old = Corpus.Snapshot(1, Corpus.Articles(200, "old"));
        Publish(services, old);

        var service = services.GetRequiredService<BackgroundEmbeddingService>();
        await service.StartAsync(TestTimeout.Token());
        await WaitUntil(() => embeddings.VectorsFor(old.Index)!.Filled >= 40);

        var replacement = Corpus.Snapshot(2, Corpus.Articles(5, "new"));
        Publish(services, replacement);
        await WaitUntil(() => service.CompletedVersion == 2);
        var oldFilled = embeddings.VectorsFor(old.Index)!.Filled;
        await Task.Delay(200);
        await service.StopAsync(TestTimeout.Token());

        Assert.True(embeddings.VectorsFor(replacement.Index)!.IsComplete);
        Assert.Equal(oldFilled, embeddings.VectorsFor(old.Index)!.Filled);
        Assert.True(oldFilled < old.Index.SentenceCount / 2, $"the old snapshot kept going to {oldFilled} of {old.Index.SentenceCount}");
        Assert.Contains(_log.Messages, m => m.StartsWith("Snapshot 1 was replaced after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_FindsEveryVectorInTheCache_AndEmbedsNothing()
    {
        var articles = Corpus.Articles(20);
        var first = new FakeEmbedder();
        using (var services = Build(first))
        {
            await EmbedEverything(services, articles);
        }

        var second = new FakeEmbedder();
        using (var services = Build(second))
        {
            var sentences = await EmbedEverything(services, articles);
            Assert.Equal(1, second.Texts); // the warm-up only
            Assert.Contains(_log.Messages, m => m == $"Meaning: all {sentences:N0} sentences and titles have vectors from the cache");
            Assert.Equal(new EmbeddingProgress(sentences, sentences, sentences), services.GetRequiredService<IEmbeddingProgress>().Current());
        }
    }

    [Fact]
    public async Task QuestionEncoder_IsSwappedInByTheWorker_AndTheLogSaysSo()
    {
        var embedder = new FakeEmbedder();
        var questions = new FakeEmbedder("fake/questions");
        using var services = Build(new FakeLoader(() => embedder, () => questions));
        Publish(services, Corpus.Snapshot(1, Corpus.Articles(5)));
        var embeddings = services.GetRequiredService<ModelSentenceEmbeddings>();
        Assert.Same(embedder, services.GetRequiredService<SemanticModel>().Embeddings!.QuestionEncoder); // before the worker: the sentence model

        var service = services.GetRequiredService<BackgroundEmbeddingService>();
        await service.StartAsync(TestTimeout.Token());
        await WaitUntil(() => service.CompletedVersion == 1);
        await service.StopAsync(TestTimeout.Token());
        embeddings.EmbedQuery("Who won the vote?");

        Assert.Same(questions, services.GetRequiredService<SemanticModel>().Embeddings!.QuestionEncoder);
        Assert.Equal(2, questions.Texts); // its warm-up, then the question
        Assert.Contains(_log.Messages, m => m.StartsWith("Questions are encoded by fake/questions, loaded in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuestionEncoderThatFails_LeavesQuestionsOnTheSentenceModel_WithAWarning()
    {
        var embedder = new FakeEmbedder();
        var broken = new FakeEmbedder("fake/questions") { FailWith = new InvalidOperationException("no int8 kernels") };
        using var services = Build(new FakeLoader(() => embedder, () => broken));
        Publish(services, Corpus.Snapshot(1, Corpus.Articles(5)));

        var service = services.GetRequiredService<BackgroundEmbeddingService>();
        await service.StartAsync(TestTimeout.Token());
        await WaitUntil(() => service.CompletedVersion == 1);
        await service.StopAsync(TestTimeout.Token());

        var model = services.GetRequiredService<SemanticModel>();
        Assert.False(model.IsOff);
        Assert.Same(embedder, model.Embeddings!.QuestionEncoder);
        Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("no int8 kernels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SwitchedOff_TheServiceDoesNothing()
    {
        var embedder = new FakeEmbedder();
        using var services = Build(embedder, ("Answers:Semantic", "false"));
        Publish(services, Corpus.Snapshot(1, Corpus.Articles(5)));

        var service = services.GetRequiredService<BackgroundEmbeddingService>();
        await service.StartAsync(TestTimeout.Token());
        await service.StopAsync(TestTimeout.Token());

        Assert.Equal(0, embedder.Texts);
        Assert.Equal(0, service.CompletedVersion);
    }

    private async Task<int> EmbedEverything(ServiceProvider services, Article[] articles)
    {
        var snapshot = Corpus.Snapshot(1, articles);
        Publish(services, snapshot);
        var service = services.GetRequiredService<BackgroundEmbeddingService>();
        await service.StartAsync(TestTimeout.Token());
        await WaitUntil(() => service.CompletedVersion == 1);
        await service.StopAsync(TestTimeout.Token());
        return EmbeddingText.Slots(snapshot.Index);
    }

    private ServiceProvider Build(FakeEmbedder embedder, params (string, string?)[] settings) => Build(new FakeLoader(() => embedder), settings);

    private ServiceProvider Build(FakeLoader loader, params (string, string?)[] settings) =>
        SemanticHost.Build(
            loader,
            _log,
            [("Answers:VectorCache", Path.Combine(_folder.Path, "vectors")), ("Answers:PollInterval", "00:00:00.020"), .. settings]);

    private static void Publish(ServiceProvider services, ArticleSnapshot snapshot) =>
        services.GetRequiredService<IArticleStore>().Publish(snapshot);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TestTimeout.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the background worker");
            await Task.Delay(10);
        }
    }
}
