using BriefingBot.Core.Semantics;
using BriefingBot.Semantics.Tests.Support;

namespace BriefingBot.Semantics.Tests;

public sealed class SentenceEmbeddingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EmbedNow_TakesCachedVectorsFree_AndEmbedsAtMostTheBudgetOfTheRest()
    {
        var index = Corpus.Snapshot(1, Corpus.Articles(10)).Index;
        var writer = new FakeEmbedder();
        using (var cache = EmbeddingCache.Open(_folder.Path, writer))
        {
            new SentenceEmbeddings(writer, cache).EmbedNow(index, Enumerable.Range(0, 20).ToArray(), 20);
        }

        var embedder = new FakeEmbedder();
        using var reopened = EmbeddingCache.Open(_folder.Path, embedder);
        var embeddings = new SentenceEmbeddings(embedder, reopened);

        // A one-shot call: nothing is looked up until a question asks.
        Assert.Equal(0, embeddings.VectorsFor(index).Filled);

        var embedded = embeddings.EmbedNow(index, Enumerable.Range(10, 30).ToArray(), budget: 5);

        Assert.Equal(5, embedded);
        Assert.Equal(5, embedder.Texts);
        var vectors = embeddings.VectorsFor(index);
        Assert.All(Enumerable.Range(10, 10), id => Assert.True(vectors.Has(id)));  // cached: free, whatever the budget
        Assert.All(Enumerable.Range(20, 5), id => Assert.True(vectors.Has(id)));  // the budget, in the order given
        Assert.False(vectors.Has(25));
        Assert.False(vectors.Has(0)); // cached, but never asked for
    }

    [Fact]
    public void SameQuestionTwice_IsEncodedOnce_AndGetsTheSameVector()
    {
        var embedder = new FakeEmbedder();
        using var cache = EmbeddingCache.Open(_folder.Path, embedder);
        var embeddings = new SentenceEmbeddings(embedder, cache);

        var first = embeddings.EmbedQuery("Who won the vote?");
        var again = embeddings.EmbedQuery("Who won the vote?");
        var other = embeddings.EmbedQuery("When was the vote?");

        Assert.Equal(2, embedder.Texts);
        Assert.Same(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void QuestionEncoder_TakesOverQuestions_ForgetsTheOldVectors_AndLeavesSentencesAlone()
    {
        var index = Corpus.Snapshot(1, Corpus.Articles(3)).Index;
        var embedder = new FakeEmbedder();
        var questions = new FakeEmbedder("fake/questions");
        using var cache = EmbeddingCache.Open(_folder.Path, embedder);
        var embeddings = new SentenceEmbeddings(embedder, cache);
        var before = embeddings.EmbedQuery("Who won the vote?");

        embeddings.UseQuestionEncoder(questions);
        var after = embeddings.EmbedQuery("Who won the vote?");
        embeddings.EmbedNow(index, [0, 1], budget: 2);

        Assert.Same(questions, embeddings.QuestionEncoder);
        Assert.NotSame(before, after); // encoded again by the new encoder, not taken from the old one's memory
        Assert.Equal(1, questions.Texts);
        Assert.Equal(3, embedder.Texts); // the first question and the two sentences
    }

    [Fact]
    public void QuestionEncoder_OfAnotherSize_IsRefused()
    {
        var embedder = new FakeEmbedder();
        using var cache = EmbeddingCache.Open(_folder.Path, embedder);
        var embeddings = new SentenceEmbeddings(embedder, cache);

        Assert.Throws<ArgumentException>(() => embeddings.UseQuestionEncoder(new FakeEmbedder("fake/wide", dimensions: 32)));
        Assert.Same(embedder, embeddings.QuestionEncoder);
    }

    [Fact]
    public void Progress_ScansTheCacheOnce_ThenEmbedMissingCompletesTheIndex()
    {
        var index = Corpus.Snapshot(1, Corpus.Articles(10)).Index;
        var embedder = new FakeEmbedder();
        using var cache = EmbeddingCache.Open(_folder.Path, embedder);
        new SentenceEmbeddings(embedder, cache).EmbedNow(index, Enumerable.Range(0, 12).ToArray(), 12);
        var embeddings = new SentenceEmbeddings(embedder, cache);

        var before = embeddings.Progress(index);
        var reports = new List<int>();
        embeddings.EmbedMissing(index, 8, p => reports.Add(p.Filled), CancellationToken.None);

        Assert.Equal((EmbeddingText.Slots(index), 12, 12), (before.Sentences, before.FromCache, before.Filled));
        Assert.True(embeddings.VectorsFor(index).IsComplete);
        Assert.Equal(EmbeddingText.Slots(index), reports[^1]);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(EmbeddingText.Slots(index), embedder.Texts); // the first twelve, then each of the others once
        Assert.Equal(12, embeddings.Progress(index).FromCache);
    }
}
