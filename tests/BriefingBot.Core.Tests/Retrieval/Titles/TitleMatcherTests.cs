using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Titles;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Retrieval.Titles;

public sealed class TitleMatcherTests
{
    private static readonly SearchIndex Index = SearchIndex.Build(
    [
        new ArticleBuilder().WithId("alpha").WithTitle("Harbour bridge opens").WithBody("The bridge opened.").Build(),
        new ArticleBuilder().WithId("beta").WithTitle("Harbour bridge opens to cyclists next year").WithBody("Cyclists wait.").Build(),
        new ArticleBuilder().WithId("gamma").WithTitle("Frost ruins the apple harvest").WithBody("Frost came.").Build(),
    ]);

    [Theory]
    [InlineData("alpha", "alpha")]
    [InlineData("GAMMA", "gamma")]
    [InlineData("harbour bridge opens", "alpha")]
    [InlineData("Harbour Bridge Opens!", "alpha")]
    public void Match_IdOrWholeTitle_IsExactAndFirst(string typed, string expected)
    {
        var matches = TitleMatcher.Match(Index, typed);

        Assert.Equal(expected, matches[0].Article.Id);
        Assert.Equal(TitleMatchKind.Exact, matches[0].Kind);
    }

    [Fact]
    public void Match_Prefix_RanksAboveFuzzy()
    {
        var matches = TitleMatcher.Match(Index, "harbour bridge opens to");

        Assert.Equal("beta", matches[0].Article.Id);
        Assert.Equal(TitleMatchKind.Prefix, matches[0].Kind);
    }

    [Fact]
    public void Match_Typo_FindsTheTitleFuzzily()
    {
        var matches = TitleMatcher.Match(Index, "aple harvst");

        Assert.Equal("gamma", matches[0].Article.Id);
        Assert.Equal(TitleMatchKind.Fuzzy, matches[0].Kind);
    }

    [Theory]
    [InlineData("harbour bridge opens", "alpha")] // "…opens to cyclists next year" also starts with it
    [InlineData("beta", "beta")]
    public void Resolve_ExactTitleOrId_WinsOverLongerTitlesThatStartTheSame(string typed, string expected)
    {
        var (article, candidates) = TitleMatcher.Resolve(Index, typed);

        Assert.Equal(expected, article?.Id);
        Assert.Equal(expected, Assert.Single(candidates).Article.Id);
    }

    [Fact]
    public void Resolve_TwoTitlesSharingAPrefix_IsAmbiguous()
    {
        var (article, candidates) = TitleMatcher.Resolve(Index, "harbour bridge");

        Assert.Null(article);
        Assert.Equal(["alpha", "beta"], candidates.Select(c => c.Article.Id).Order());
    }
}
