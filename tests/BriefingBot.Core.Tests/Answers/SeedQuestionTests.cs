using BriefingBot.Core.Answers;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Answers;

/// <summary>
/// Natural questions about the seed articles, asked the way members would, with what the top sentence must say.
/// Each expectation is a fact from the article, not the engine's current output.
/// </summary>
public sealed class SeedQuestionTests
{
    private readonly QuestionAnswerer _answerer = new();

    public static TheoryData<string, string?, string[]> Answerable => new()
    {
        { "Who wrote the letter?", SeedCorpus.DefectorArticleId, ["defector"] },
        { "What did the defector ask Trump to do?", SeedCorpus.DefectorArticleId, ["coup", "sanctions", "psychological warfare", "strike"] },
        { "Who is the leader of North Korea?", null, ["Kim Jong-un", "Kim Jong Un"] },
        { "Which newspaper reported the letter?", SeedCorpus.DefectorArticleId, ["Times"] },
        { "When did the Washington Times report the letter?", SeedCorpus.DefectorArticleId, ["Thursday"] },
        { "What does the defector say about denuclearization while Kim remains in power?", SeedCorpus.DefectorArticleId, ["permanently impossible"] },
        { "When did the defector leave North Korea?", SeedCorpus.DefectorArticleId, ["a year ago"] },
        { "What power can psychological warfare have?", SeedCorpus.DefectorArticleId, ["nuclear bomb"] },
        { "Did the White House respond to requests for comment?", SeedCorpus.DefectorArticleId, ["did not respond"] },
        { "What has Trump said about the letters he received from Kim?", SeedCorpus.DefectorArticleId, ["beautiful letters"] },
        { "Why should the defector's warnings be heeded?", SeedCorpus.DefectorArticleId, ["top players"] },
        { "Why wouldn't the White House acknowledge the letter?", SeedCorpus.DefectorArticleId, ["fingerprints", "made sense", "undermine"] },
        { "What did Kim order his generals before the summit?", SeedCorpus.GeneralsArticleId, ["specific orders"] },
        { "Where was the failed summit with Trump?", SeedCorpus.GeneralsArticleId, ["Hanoi"] },
        { "When was the Hanoi summit?", SeedCorpus.GeneralsArticleId, ["February"] },
        { "Why was Kim worried about his military units moving?", SeedCorpus.GeneralsArticleId, ["raise tensions", "sudden mistake", "worried"] },
        { "Who did Kim underestimate?", SeedCorpus.GeneralsArticleId, ["underestimated the President"] },
        { "Which sites are always under Kim's strict control?", SeedCorpus.GeneralsArticleId, ["missile and nuclear sites"] },
        { "Did the US see evidence of a provocation by North Korea?", SeedCorpus.GeneralsArticleId, ["no evidence"] },
        { "What status were the forces ordered to stay in?", SeedCorpus.GeneralsArticleId, ["passive status"] },
        { "What happened to North Korean forces after the summit?", SeedCorpus.GeneralsArticleId, ["regular deployment status"] },
        { "What was Kim's goal with the orders?", SeedCorpus.GeneralsArticleId, ["His goal was"] },
    };

    public static TheoryData<string, string[]> WithTypos => new()
    {
        { "psycological warfare campain", ["psychological warfare"] },
        { "what did the defecter warn trump about", ["defector"] },
        { "Hanio sumit", ["Hanoi"] },
        { "denuclearisation impossable", ["denuclearization"] },
        { "who did kim undrestimate", ["underestimated"] },
    };

    public static TheoryData<string> Unanswerable => new()
    {
        "What is the capital of France?",
        "Who won the 2018 World Cup?",
        "How do I bake sourdough bread?",
        "What is the price of bitcoin today?",
        "What did the defector say about China's economy?",
        "Which football team won the league?",
        "What is the weather forecast for London?",
        "What is Kim's favourite food?",
        "How many nuclear warheads does North Korea have?",
    };

    [Theory]
    [MemberData(nameof(Answerable))]
    public void Answer_NaturalQuestion_PutsTheRightSentenceFirst(string question, string? articleId, string[] anyOf)
    {
        var result = _answerer.Answer(SeedCorpus.Index, question);

        Assert.True(result.Answered, $"declined: {question}");
        var best = result.Answers[0];
        Assert.True(articleId is null || articleId == best.ArticleId, $"'{question}' answered from {best.ArticleId}: {best.Sentence}");
        Assert.True(anyOf.Any(s => best.Sentence.Contains(s, StringComparison.OrdinalIgnoreCase)), $"'{question}' answered with: {best.Sentence}");
    }

    [Theory]
    [MemberData(nameof(WithTypos))]
    public void Answer_QuestionWithTypos_StillFindsTheSentence(string question, string[] anyOf)
    {
        var result = _answerer.Answer(SeedCorpus.Index, question);

        Assert.True(result.Answered, $"declined: {question}");
        Assert.True(anyOf.Any(s => result.Answers[0].Sentence.Contains(s, StringComparison.OrdinalIgnoreCase)), $"'{question}' answered with: {result.Answers[0].Sentence}");
        Assert.NotEmpty(result.Corrections);
    }

    [Theory]
    [MemberData(nameof(Unanswerable))]
    public void Answer_QuestionTheArticlesDoNotCover_Declines(string question)
    {
        var result = _answerer.Answer(SeedCorpus.Index, question);

        Assert.False(result.Answered, $"answered '{question}' with: {result.Answers.FirstOrDefault()?.Sentence}");
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Answer_Declined_OffersClosestArticlesInsteadOfASentence()
    {
        var result = _answerer.Answer(SeedCorpus.Index, "What did Kim tell the generals about China?");

        Assert.False(result.Answered);
        Assert.Contains(result.Suggestions, s => s.ArticleId == SeedCorpus.GeneralsArticleId);
        Assert.Contains("china", result.UnknownWords);
    }

    [Theory]
    [InlineData("Who wrote the article about Kim's generals?")]
    [InlineData("Who is the author of the story about Kim warning his generals?")]
    public void Answer_WhoWroteTheArticle_AnswersFromTheByline(string question)
    {
        var result = _answerer.Answer(SeedCorpus.Index, question);

        Assert.True(result.Answered);
        Assert.Equal(SeedCorpus.GeneralsArticleId, result.Answers[0].ArticleId);
        Assert.Contains("Grant Montgomery", result.Answers[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WhoWroteAnArticleWithoutByline_DeclinesAndNamesTheArticle()
    {
        var result = _answerer.Answer(SeedCorpus.Index, "Who wrote the article about the defector's letter?");

        Assert.False(result.Answered);
        Assert.Equal(SeedCorpus.DefectorArticleId, Assert.Single(result.Suggestions).ArticleId);
    }

    [Fact]
    public void Answer_SeedsHaveNoUrls_NoLinkIsInvented()
    {
        var result = _answerer.Answer(SeedCorpus.Index, "Who wrote the letter?");

        Assert.All(result.Answers, a =>
        {
            Assert.Null(a.SourceUrl);
            Assert.Null(a.Link);
        });
    }
}
