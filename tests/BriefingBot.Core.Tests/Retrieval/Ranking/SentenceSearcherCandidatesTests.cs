using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Retrieval.Ranking;

/// <summary>
/// The first pass skips sentences whose bound falls below the best candidates so far; skipping must never change
/// which candidates come out. Asking for more candidates than there are matching sentences skips nothing, so its
/// head is the reference the pruned pass must reproduce.
/// </summary>
public sealed class SentenceSearcherCandidatesTests
{
    private static readonly string[] Words =
    [
        "harbour", "council", "budget", "flood", "wall", "vote", "mayor", "storm", "river", "bridge", "school", "rail",
        "tax", "court", "police", "market", "hospital", "energy", "price", "strike", "minister", "village", "festival",
    ];

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 16)]
    [InlineData(3, 64)]
    [InlineData(4, 1)]
    public void Candidates_PrunedPass_KeepsExactlyTheBestOfTheFullPass(int seed, int count)
    {
        var random = new Random(seed);
        var index = SearchIndex.Build(Enumerable.Range(0, 120).Select(i => RandomArticle(random, i)).ToArray());
        foreach (var options in new[] { RankingOptions.Default, RankingOptions.Default with { NeighbourWeight = 0.6, LeadWeight = 1.5, ArticleWeight = 0 } })
        {
            for (var q = 0; q < 40; q++)
            {
                var question = string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Words[random.Next(Words.Length)]));
                var query = QueryParser.Parse(index, question);
                var all = SentenceSearcher.Candidates(index, query, index.SentenceCount + 1, options);
                var pruned = SentenceSearcher.Candidates(index, query, count, options);

                Assert.NotEmpty(all);
                Assert.Equal(all.Take(count), pruned);
            }
        }
    }

    [Fact]
    public void Candidates_AreTheSentencesTheRerankReads()
    {
        var random = new Random(9);
        var index = SearchIndex.Build(Enumerable.Range(0, 60).Select(i => RandomArticle(random, i)).ToArray());
        var query = QueryParser.Parse(index, "flood wall vote");
        var options = RankingOptions.Default with { Candidates = 8 };

        var candidates = SentenceSearcher.Candidates(index, query, options.Candidates, options).Select(c => c.Sentence).ToHashSet();
        var hits = SentenceSearcher.Search(index, query, 3, options);

        Assert.Equal(8, candidates.Count);
        Assert.All(hits, hit => Assert.Contains(hit.Sentence, candidates));
    }

    private static Article RandomArticle(Random random, int number)
    {
        string Sentence() =>
            "The " + string.Join(' ', Enumerable.Range(0, 3 + random.Next(8)).Select(_ => Words[random.Next(Words.Length)])) + " said.";

        var paragraphs = Enumerable.Range(0, 1 + random.Next(3))
            .Select(_ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Sentence())))
            .ToArray();
        return new ArticleBuilder()
            .WithId($"a{number}")
            .WithTitle($"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} news")
            .WithBody(paragraphs)
            .Build();
    }
}
