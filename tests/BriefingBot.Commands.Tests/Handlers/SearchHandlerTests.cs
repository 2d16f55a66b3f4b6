using BriefingBot.Commands.Components;
using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Results;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Testing;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class SearchHandlerTests
{
    private static readonly Core.Articles.Article[] Many = Enumerable.Range(1, 12)
        .Select(i => new ArticleBuilder()
            .WithId($"storm-{i:00}")
            .WithTitle($"Storm report {i}")
            .WithBody($"The storm flooded {i} streets in the town. Residents were told to stay indoors.")
            .Build())
        .ToArray();

    private static Task<Commands.Replies.Reply> Search(SearchHandler handler, string query, string? page = null)
    {
        var options = new Dictionary<string, string> { ["query"] = query };
        if (page is not null)
        {
            options["page"] = page;
        }

        return handler.HandleAsync(new CommandRequest("search", options, CommandCaller.LocalOperator), CancellationToken.None);
    }

    [Fact]
    public async Task HandleAsync_Query_RanksTheMatchingArticleFirstWithItsSnippet()
    {
        var reply = await Search(new SearchHandler(TestCorpus.Store(), RankingOptions.Default), "frost apples");

        var data = Assert.IsType<SearchResult>(reply.Data);
        Assert.Equal("orchard", data.Results[0].ArticleId);
        Assert.Contains("frost", data.Results[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ManyResults_PagesWithButtonsThatCarryTheQuery()
    {
        var handler = new SearchHandler(TestCorpus.Store(Many), RankingOptions.Default);

        var first = await Search(handler, "storm streets");
        var next = first.Buttons.Single(b => b.Label == "Next page");
        Assert.True(ComponentId.TryDecode(next.CustomId!, CommandCaller.LocalOperator, out var request));
        var second = await handler.HandleAsync(request, CancellationToken.None);

        Assert.Equal(5, ((SearchResult)first.Data!).Results.Count);
        Assert.Equal(2, ((SearchResult)second.Data!).Page);
        Assert.Empty(((SearchResult)first.Data!).Results.Select(r => r.ArticleId).Intersect(((SearchResult)second.Data!).Results.Select(r => r.ArticleId)));
        Assert.Contains(second.Buttons, b => b.Label == "Previous page");
    }

    [Fact]
    public async Task HandleAsync_NothingMatches_SuggestsWhatToTry()
    {
        var reply = await Search(new SearchHandler(TestCorpus.Store(), RankingOptions.Default), "volcano");

        Assert.Contains("No article matches", reply.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frost @everyone apples")]
    [InlineData("frost <@123> <@&456> <#789> apples")]
    [InlineData("**frost** __apples__ ~~x~~ ||spoiler||")]
    [InlineData("frost ```apples``` `x`")]
    [InlineData("[frost apples](https://evil.example)")]
    [InlineData("# frost > apples")]
    public async Task HandleAsync_HostileQuery_HeadingEchoesItNeutralised(string query)
    {
        var reply = await Search(new SearchHandler(TestCorpus.Store(), RankingOptions.Default), query);

        var title = Assert.Single(reply.Embeds).Title!;
        Assert.StartsWith("Search: ", title, StringComparison.Ordinal);
        Assert.Equal(MarkdownText.Echo(query), title["Search: ".Length..]);
        Assert.DoesNotMatch(@"(?<!\\)(\*\*|__|~~|\|\||`|\[)", title.Replace("\\\\", "", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"@everyone|<[@#]", title);
    }

    [Fact]
    public async Task HandleAsync_LongQuery_HeadingEchoesAtMostAHundredCharacters()
    {
        var query = "frost apples " + string.Concat(Enumerable.Repeat("orchard ", 24));

        var reply = await Search(new SearchHandler(TestCorpus.Store(), RankingOptions.Default), query);

        var title = Assert.Single(reply.Embeds).Title!;
        Assert.InRange(title.Length, 1, "Search: ".Length + MarkdownText.DefaultEchoLength);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NothingMatchesHostileQuery_EchoIsNeutralised()
    {
        var reply = await Search(new SearchHandler(TestCorpus.Store(), RankingOptions.Default), "volcano @everyone **loud** " + new string('x', 150));

        Assert.Contains("volcano @\u200beveryone \\*\\*loud\\*\\*", reply.Content, StringComparison.Ordinal);
        Assert.True(reply.Content!.Length < 250, $"{reply.Content.Length} characters");
    }
}
