using BriefingBot.Testing.Quality;

namespace BriefingBot.Core.Tests.Quality;

public sealed class WikiQaEvaluationTests
{
    [Fact]
    public void Build_CaptionWithoutFullStop_StaysItsOwnSentence()
    {
        var question = new WikiQaQuestion("Q1", "what religion is westminster abbey", "Westminster Abbey",
        [
            new WikiQaCandidate("North Entrance of Westminster Abbey", false),
            new WikiQaCandidate("Westminster Abbey is a large, mainly Gothic abbey church.", true),
            new WikiQaCandidate("It is the traditional place of coronation.", false),
        ]);

        var (index, ranges) = WikiQaEvaluation.Build(question);

        // Run together, the caption and the next sentence would be one indexed sentence sharing one score.
        Assert.Equal(3, index.SentenceCount);
        Assert.Equal("North Entrance of Westminster Abbey", index.SentenceText(0));
        Assert.Equal(question.Candidates[1].Sentence, index.Articles[0].Body.Substring(ranges[1].Start, ranges[1].Length));
        Assert.Equal(1, WikiQaEvaluation.Rank(index, ranges, question.Question, Core.Retrieval.Ranking.RankingOptions.Default)[0]);
    }
}
