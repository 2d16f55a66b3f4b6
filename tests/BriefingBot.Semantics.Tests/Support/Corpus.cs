using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Store;
using BriefingBot.Testing;

namespace BriefingBot.Semantics.Tests.Support;

/// <summary>Made-up articles with enough sentences to embed in several batches.</summary>
public static class Corpus
{
    public static Article[] Articles(int count, string prefix = "story", int sentences = 6) =>
        Enumerable.Range(0, count)
            .Select(i => new ArticleBuilder()
                .WithId($"{prefix}-{i}")
                .WithTitle($"The {prefix} number {i}")
                .WithBody(string.Join(" ", Enumerable.Range(0, sentences).Select(s => $"Sentence {s} of {prefix} {i} tells detail {(i * 31) + s}.")))
                .Build())
            .ToArray();

    public static ArticleSnapshot Snapshot(long version, params Article[] articles) =>
        new(SearchIndex.Build(articles), [], DateTimeOffset.UnixEpoch, version);
}
