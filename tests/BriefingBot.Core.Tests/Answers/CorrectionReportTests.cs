using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Answers;

/// <summary>What an answer says it corrected: typos, never a known word that was also searched in a longer form.</summary>
public sealed class CorrectionReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);

    private static readonly SearchIndex Index = TestStores.Snapshot(Now,
        ArticleBuilder.Dated("rugby", Now, "Ireland name their side for Scotland",
            "Ireland named their side for the Scotland match on Tuesday. Maggs will win his 67th cap at centre. The matchday squad travels on Friday."),
        ArticleBuilder.Dated("harbour", Now, "Harbour council approves flood wall",
            "The council approved a flood wall. The final vote was seven to four.")).Index;

    [Fact]
    public void Answer_KnownWordWithALongerRelatedForm_ReportsNoCorrection()
    {
        var result = new QuestionAnswerer().Answer(Index, "How many caps will Maggs have after the Scotland match?");

        Assert.True(result.Answered);
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void Answer_MisspelledWord_ReportsWhatWasSearchedInstead()
    {
        var result = new QuestionAnswerer().Answer(Index, "What was the finel vote on the flood wall?");

        Assert.True(result.Answered);
        var correction = Assert.Single(result.Corrections);
        Assert.Equal(("finel", "final"), (correction.Typed, correction.SearchedFor));
    }
}
