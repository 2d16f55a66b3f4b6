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

    public static TheoryData<string, string?, string[]> Answerable => SeedQuestions.Answerable;

    public static TheoryData<string, string[]> WithTypos => SeedQuestions.WithTypos;

    public static TheoryData<string> Unanswerable => SeedQuestions.Unanswerable;

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
