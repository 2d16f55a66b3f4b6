using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Testing;

namespace BriefingBot.Semantics.Tests;

/// <summary>
/// The seed questions answered as the bot answers them by default: meaning and words together, with the real model.
/// The lexical engine answers all of them (it was tuned on them); the hybrid's weights were fitted on the news
/// question set with these questions beside it; it puts the right sentence first for 25 of 27, declines one of them
/// ("Who wrote the letter?", whose answer shares almost nothing with it) and declines all 9 it should. These tests
/// hold that line (33 of 36 decisions right; the previous fit made 32: 25 answered, 7 declined) and say which
/// questions miss, so a change that loses more is seen.
/// </summary>
public sealed class SeedQuestionMeaningTests(SeedQuestionMeaningTests.Engine engine) : IClassFixture<SeedQuestionMeaningTests.Engine>
{
    public static TheoryData<string, string?, string[]> Answerable => SeedQuestions.Answerable;

    public static TheoryData<string, string[]> WithTypos => SeedQuestions.WithTypos;

    public static TheoryData<string> Unanswerable => SeedQuestions.Unanswerable;

    [Fact]
    public void NaturalQuestionsAndTypos_AnswerWithTheRightSentence_AtLeast24Of27()
    {
        var misses = new List<string>();
        foreach (var row in Answerable)
        {
            var (question, articleId, anyOf) = ((string)row[0], (string?)row[1], (string[])row[2]);
            var result = engine.Answerer.Answer(SeedCorpus.Index, question);
            var best = result.Answered ? result.Answers[0] : null;
            if (best is null || (articleId is not null && articleId != best.ArticleId) || !anyOf.Any(s => best.Sentence.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                misses.Add($"{question} -> {best?.Sentence ?? "(declined)"}");
            }
        }

        foreach (var row in WithTypos)
        {
            var (question, anyOf) = ((string)row[0], (string[])row[1]);
            var result = engine.Answerer.Answer(SeedCorpus.Index, question);
            if (!result.Answered || !anyOf.Any(s => result.Answers[0].Sentence.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                misses.Add($"{question} -> {(result.Answered ? result.Answers[0].Sentence : "(declined)")}");
            }
        }

        Assert.True(misses.Count <= 3, string.Join("\n", misses));
    }

    [Fact]
    public void QuestionsTheArticlesDoNotCover_AllDeclined()
    {
        var answered = ((IEnumerable<object[]>)Unanswerable).Select(row => (string)row[0])
            .Select(q => (Question: q, Result: engine.Answerer.Answer(SeedCorpus.Index, q)))
            .Where(x => x.Result.Answered)
            .Select(x => $"{x.Question} -> {x.Result.Answers[0].Sentence}")
            .ToArray();

        Assert.True(answered.Length == 0, string.Join("\n", answered));
    }

    [Fact]
    public void UnmatchedWordAlone_DoesNotDecline_WhenTheMeaningMatches()
    {
        var result = engine.Answerer.Answer(SeedCorpus.Index, "How has Trump described the letters he gets from Kim?");

        Assert.True(result.Answered);
        Assert.Contains("beautiful letters", result.Answers[0].Sentence, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real models over an in-memory cache, loaded once for the class: float for sentences, mixed int8 for
    /// questions, as the running bot has them once its question encoder is loaded.
    /// </summary>
    public sealed class Engine : IDisposable
    {
        private readonly MiniLmEmbedder _embedder = new();
        private readonly MiniLmEmbedder _questions = new(precision: ModelPrecision.MixedInt8);

        public Engine()
        {
            var embeddings = new SentenceEmbeddings(_embedder, EmbeddingCache.InMemory(_embedder));
            embeddings.UseQuestionEncoder(_questions);
            var hybrid = new HybridRanker(embeddings, SemanticOptions.Default with { OnDemandBudget = int.MaxValue }, RankingOptions.Default);
            Answerer = new QuestionAnswerer(AnswerOptions.Default, RankingOptions.Default, hybrid);
        }

        public QuestionAnswerer Answerer { get; }

        public void Dispose()
        {
            _questions.Dispose();
            _embedder.Dispose();
        }
    }
}
