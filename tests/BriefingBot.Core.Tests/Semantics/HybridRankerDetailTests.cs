using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Testing;
using BriefingBot.Testing.Semantics;

namespace BriefingBot.Core.Tests.Semantics;

/// <summary>
/// The detail question: the question's vector less its component along the best article's title, with keyword
/// directions standing in for the model, so the arithmetic can be reasoned about.
/// </summary>
public sealed class HybridRankerDetailTests
{
    private static readonly Article Story = new ArticleBuilder()
        .WithId("wall")
        .WithTitle("Harbor flood wall approved")
        .WithBody(
            "The Harbor council approved the flood wall on Tuesday.",
            "The final vote was seven to four.")
        .Build();

    private static readonly SearchIndex Index = SearchIndex.Build([Story]);

    private static readonly HybridRanker Ranker = new(
        new InMemorySentenceEmbeddings(new KeywordEmbedder(new Dictionary<string, string[]>
        {
            ["story"] = ["harbor", "flood", "wall"],
            ["vote"] = ["vote"],
        })),
        SemanticOptions.Default,
        RankingOptions.Default);

    [Fact]
    public void A_question_naming_the_story_scores_sentences_by_its_detail_without_the_story()
    {
        var ranked = Rank("What was the final vote on the Harbor flood wall?");
        var restates = ranked.Single(r => Index.SentenceText(r.Sentence).StartsWith("The Harbor council", StringComparison.Ordinal)).Features;
        var answers = ranked.Single(r => Index.SentenceText(r.Sentence).StartsWith("The final vote", StringComparison.Ordinal)).Features;

        // Whole question: both sentences sit inside the story and are close to it.
        Assert.True(restates.Similarity > 0.5, $"similarity {restates.Similarity:F3}");
        // Without the story's direction only the vote is left, which the restating sentence does not mention.
        Assert.True(restates.DetailSimilarity < restates.Similarity - 0.3, $"{restates.DetailSimilarity:F3} against {restates.Similarity:F3}");
        Assert.True(answers.DetailSimilarity > restates.DetailSimilarity + 0.3, $"{answers.DetailSimilarity:F3} against {restates.DetailSimilarity:F3}");
    }

    [Fact]
    public void A_question_that_does_not_name_the_story_keeps_its_own_similarity()
    {
        var ranked = Rank("How did the final vote go?");

        Assert.NotEmpty(ranked);
        Assert.All(ranked, r => Assert.Equal(r.Features.Similarity, r.Features.DetailSimilarity));
    }

    private static IReadOnlyList<RankedSentence> Rank(string question) =>
        Ranker.Rank(Index, QueryParser.Parse(Index, question), question) ?? throw new InvalidOperationException("meaning unavailable");
}
