using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Retrieval.Ranking;

public sealed class SentenceSearcherTests
{
    private static string Best(SearchIndex index, string question, RankingOptions? options = null)
    {
        var hits = SentenceSearcher.Search(index, QueryParser.Parse(index, question), 1, options);
        return index.SentenceText(hits[0].Sentence);
    }

    [Fact]
    public void Search_CaptionWithTheSameWords_RanksBelowTheSentence()
    {
        var index = SearchIndex.Build(
        [
            new ArticleBuilder().WithTitle("Old harbour").WithBody(
                "Harbour lighthouse keeper Anna Berg at the lamp room",
                "The harbour lighthouse keeper, Anna Berg, retired in May after forty years at the lamp room.").Build(),
        ]);

        Assert.StartsWith("The harbour lighthouse keeper", Best(index, "lighthouse keeper lamp room"));
        // The same question with the caption factor switched off picks the caption: it is shorter and comes first.
        Assert.StartsWith("Harbour lighthouse keeper", Best(index, "lighthouse keeper lamp room", RankingOptions.Default with { FragmentFactor = 1 }));
    }

    [Fact]
    public void Search_SubjectNamedInTheQuestion_DoesNotHandTheAnswerToTheSentenceRepeatingIt()
    {
        var index = SearchIndex.Build(
        [
            new ArticleBuilder().WithTitle("Super Bowl 50").WithBody(
                "Super Bowl 50 was an American football game to decide the champion of the 2015 season. Super Bowl 50 was played in Santa Clara. The game drew a record audience for Super Bowl 50.",
                "CBS broadcast the game and charged five million dollars for an advert.").Build(),
            new ArticleBuilder().WithId("other").WithTitle("Town budget").WithBody(
                "The council met to discuss the budget. Rates will rise by two percent. Libraries keep their hours.",
                "Road repairs take the largest share. The mayor called it a fair plan. A vote follows in March.").Build(),
        ]);

        const string question = "Who broadcast Super Bowl 50?";
        Assert.StartsWith("CBS broadcast the game", Best(index, question));

        // Counting the subject's name in full hands the question to a sentence that only names the game; so does
        // treating the name as an ordinary headline word (mentioned too rarely to be the subject).
        Assert.StartsWith("Super Bowl 50 was", Best(index, question, RankingOptions.Default with { TitleTermFactor = 1 }));
        Assert.StartsWith("Super Bowl 50 was", Best(index, question, RankingOptions.Default with { SubjectMentions = 4 }));
    }

    [Fact]
    public void Search_DefinitionQuestion_PrefersTheDefiningSentence()
    {
        var index = SearchIndex.Build(
        [
            new ArticleBuilder().WithTitle("Notes").WithBody(
                "Guides lead walkers to the glacier cave above the village every summer.",
                "A glacier cave is a hollow formed within the ice.").Build(),
        ]);

        Assert.StartsWith("A glacier cave is a hollow", Best(index, "what is a glacier cave"));
        // Without answer cues the earlier sentence wins: the words match equally and it comes first.
        Assert.StartsWith("Guides lead walkers", Best(index, "what is a glacier cave", RankingOptions.Default with { CueWeight = 0 }));
    }
}
