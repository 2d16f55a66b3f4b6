using BriefingBot.Core.Answers;
using BriefingBot.Core.Semantics;
using BriefingBot.Semantics.Tests.Support;
using BriefingBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics.Tests;

/// <summary>AddSemanticAnswers: meaning when the model works, the lexical engine exactly as before when it does not.</summary>
public sealed class SemanticAnswersTests : IDisposable
{
    private static readonly string[] Questions =
    [
        "What did the defector ask Trump to do?",
        "Who did Kim underestimate?",
        "psycological warfare defecter",
        "What is the capital of France?",
    ];

    private readonly TempFolder _folder = new();
    private readonly ListLoggerProvider _log = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SwitchedOff_NeverLoadsTheModel_SaysSoOnce_AndAnswersLexically()
    {
        var loader = new FakeLoader(() => new FakeEmbedder());
        using var services = Build(loader, ("Answers:Semantic", "false"));

        AssertAnswersAreLexical(services);

        Assert.Equal(0, loader.Loads);
        var off = Assert.Single(_log.Lines, l => l.Message.StartsWith("Semantic ranking is off", StringComparison.Ordinal));
        Assert.Equal("Semantic ranking is off: Answers:Semantic is false; answering with the lexical engine", off.Message);
        Assert.Null(services.GetRequiredService<IEmbeddingProgress>().Current());
    }

    [Fact]
    public void ModelThatFailsToLoad_SaysWhyOnce_AndAnswersLexically()
    {
        using var services = Build(new FakeLoader(() => throw new FileNotFoundException("model.onnx is missing")));

        AssertAnswersAreLexical(services);

        var off = Assert.Single(_log.Lines, l => l.Message.StartsWith("Semantic ranking is off", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, off.Level);
        Assert.Contains("model.onnx is missing", off.Message, StringComparison.Ordinal);
        Assert.EndsWith("; answering with the lexical engine", off.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelThatFailsOnFirstUse_SaysWhyOnce_AndAnswersLexically()
    {
        var broken = new FakeEmbedder { FailWith = new DllNotFoundException("libonnxruntime.so") };
        using var services = Build(new FakeLoader(() => broken));

        AssertAnswersAreLexical(services);

        var off = Assert.Single(_log.Lines, l => l.Message.StartsWith("Semantic ranking is off", StringComparison.Ordinal));
        Assert.Contains("libonnxruntime.so", off.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelThatBreaksInUse_TurnsMeaningOffOnce_AndTheQuestionIsStillAnswered()
    {
        var breaking = new FakeEmbedder { FailWith = new InvalidOperationException("session lost"), FailAfterCalls = 1 };
        using var services = Build(new FakeLoader(() => breaking));
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        Assert.True(answerer.UsesMeaning); // the warm-up call worked

        var answer = answerer.Answer(SeedCorpus.Index, Questions[0]);

        Assert.Equal(new QuestionAnswerer().Answer(SeedCorpus.Index, Questions[0]).Answers.Select(a => a.Sentence), answer.Answers.Select(a => a.Sentence));
        Assert.False(answerer.UsesMeaning);
        AssertAnswersAreLexical(services);
        var off = Assert.Single(_log.Lines, l => l.Message.StartsWith("Semantic ranking is off", StringComparison.Ordinal));
        Assert.Equal("Semantic ranking is off: the model failed (InvalidOperationException: session lost); answering with the lexical engine", off.Message);
    }

    [Fact]
    public void WorkingModel_RanksByMeaning_EmbedsOnlyTheBudget_AndKeepsTheVectors()
    {
        var embedder = new FakeEmbedder();
        using (var services = Build(new FakeLoader(() => embedder)))
        {
            var answerer = services.GetRequiredService<QuestionAnswerer>();
            Assert.True(answerer.UsesMeaning);
            var index = Corpus.Snapshot(1, Corpus.Articles(40)).Index;
            answerer.Answer(index, "Which sentence of story 7 tells detail 220?");

            // The warm-up, the question (and its forms without a story's title words) and at most the on-demand
            // budget: never the whole collection.
            var options = services.GetRequiredService<SemanticOptions>();
            Assert.True(options.OnDemandBudget < index.SentenceCount);
            Assert.InRange(embedder.Texts, 3, 2 + options.DetailArticles + options.OnDemandBudget);
        }

        using var cache = EmbeddingCache.Open(Path.Combine(_folder.Path, "vectors"), embedder);
        Assert.InRange(cache.Count, 1, embedder.Texts - 2); // flushed when the host was disposed
    }

    [Fact]
    public void VectorCache_DefaultsToVectorsBesideTheStateDatabase()
    {
        using var services = SemanticHost.Build(new FakeLoader(() => new FakeEmbedder()), _log, ("Storage:DatabasePath", "/srv/bot/state/briefingbot.db"));
        Assert.Equal(Path.Combine("/srv/bot/state", "vectors"), services.GetRequiredService<IOptions<SemanticAnswerOptions>>().Value.VectorCache);

        using var plain = SemanticHost.Build(new FakeLoader(() => new FakeEmbedder()), _log);
        var options = plain.GetRequiredService<IOptions<SemanticAnswerOptions>>().Value;
        Assert.Equal(Path.Combine("data", "vectors"), options.VectorCache);
        Assert.True(options.Semantic);
    }

    [Fact]
    public void VectorCacheThatIsAFile_FailsValidationWithTheKeyToSet()
    {
        var file = Path.Combine(_folder.Path, "not-a-folder");
        File.WriteAllText(file, "x");
        using var services = Build(new FakeLoader(() => new FakeEmbedder()), ("Answers:VectorCache", file));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SemanticAnswerOptions>>().Value);
        Assert.Contains("Answers:VectorCache", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(IEmbedderLoader loader, params (string, string?)[] settings) =>
        SemanticHost.Build(loader, _log, [("Answers:VectorCache", Path.Combine(_folder.Path, "vectors")), .. settings]);

    private static void AssertAnswersAreLexical(ServiceProvider services)
    {
        Assert.False(services.GetRequiredService<ISentenceEmbeddings>().IsAvailable);
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        Assert.False(answerer.UsesMeaning);
        var lexical = new QuestionAnswerer();
        foreach (var question in Questions)
        {
            var expected = lexical.Answer(SeedCorpus.Index, question);
            var actual = answerer.Answer(SeedCorpus.Index, question);
            Assert.Equal(expected.Answered, actual.Answered);
            Assert.Equal(expected.Answers.Select(a => (a.Sentence, a.Confidence)), actual.Answers.Select(a => (a.Sentence, a.Confidence)));
        }
    }
}
