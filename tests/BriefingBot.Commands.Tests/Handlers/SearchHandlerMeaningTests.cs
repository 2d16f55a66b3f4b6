using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Results;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Testing;
using BriefingBot.Testing.Semantics;

namespace BriefingBot.Commands.Tests.Handlers;

/// <summary>/search with meaning: the model is replaced by keyword directions, so which words "mean" what is visible here.</summary>
public sealed class SearchHandlerMeaningTests
{
    private static readonly Article Flood = new ArticleBuilder()
        .WithId("flood")
        .WithTitle("River bursts its banks in Millford")
        .WithBody(
            "Millford council met on Monday to count the cost.",
            "The river flooded hundreds of homes on Sunday night. Volunteers handed out sandbags.")
        .Build();

    private static readonly Article[] Corpus = [TestCorpus.Harbour, TestCorpus.Orchard, Flood];

    private static KeywordEmbedder Embedder() => new(new Dictionary<string, string[]>
    {
        ["flood"] = ["flood", "deluge", "inundat", "burst", "submerge"],
        ["frost"] = ["frost", "freez", "cold"],
        ["bridge"] = ["bridge", "traffic", "commut"],
    });

    private static async Task<SearchResult> Search(SearchHandler handler, string query)
    {
        var reply = await handler.HandleAsync(
            new CommandRequest("search", new Dictionary<string, string> { ["query"] = query }, CommandCaller.LocalOperator),
            CancellationToken.None);
        return Assert.IsType<SearchResult>(reply.Data);
    }

    [Fact]
    public async Task HandleAsync_ParaphrasedQuery_FindsTheArticleLexicalSearchMisses()
    {
        var store = TestCorpus.Store(Corpus);

        var lexical = await Search(new SearchHandler(store, RankingOptions.Default), "deluge in the valley");
        var meaning = await Search(new SearchHandler(store, RankingOptions.Default, new InMemorySentenceEmbeddings(Embedder())), "deluge in the valley");

        Assert.DoesNotContain(lexical.Results, r => r.ArticleId == "flood");
        Assert.Equal("flood", meaning.Results[0].ArticleId);
    }

    [Fact]
    public async Task HandleAsync_ParaphrasedQuery_SnippetIsTheSentenceClosestInMeaning()
    {
        var handler = new SearchHandler(TestCorpus.Store(Corpus), RankingOptions.Default, new InMemorySentenceEmbeddings(Embedder()));

        // Every sentence is embedded after its title ("River bursts its banks in Millford"), so all three lean
        // towards floods; the one that itself speaks of the flood leans furthest.
        var result = await Search(handler, "deluge");

        Assert.Equal("flood", result.Results[0].ArticleId);
        Assert.Equal("The river flooded hundreds of homes on Sunday night.", result.Results[0].Snippet);
    }

    [Fact]
    public async Task HandleAsync_WordsAndMeaningAgree_KeepsTheLexicalWinnerFirst()
    {
        var handler = new SearchHandler(TestCorpus.Store(Corpus), RankingOptions.Default, new InMemorySentenceEmbeddings(Embedder()));

        var result = await Search(handler, "frost apples");

        Assert.Equal("orchard", result.Results[0].ArticleId);
        Assert.Contains("frost", result.Results[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NothingCloseInWordsOrMeaning_StillSaysNoArticleMatches()
    {
        var handler = new SearchHandler(TestCorpus.Store(Corpus), RankingOptions.Default, new InMemorySentenceEmbeddings(Embedder()));

        var reply = await handler.HandleAsync(
            new CommandRequest("search", new Dictionary<string, string> { ["query"] = "volcano" }, CommandCaller.LocalOperator),
            CancellationToken.None);

        Assert.Contains("No article matches", reply.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frost apples")]
    [InlineData("deluge in the valley")]
    [InlineData("bridge traffic")]
    public void Search_MeaningUnavailable_RanksExactlyAsLexicalSearch(string text)
    {
        var index = SearchIndex.Build(Corpus);
        var query = QueryParser.Parse(index, text);

        var lexical = ArticleSearcher.Search(index, query, 10, RankingOptions.Default);
        var unavailable = ArticleSearcher.Search(index, query, 10, RankingOptions.Default, InMemorySentenceEmbeddings.Unavailable);
        var none = ArticleSearcher.Search(index, query, 10, RankingOptions.Default, embeddings: null);

        Assert.Equal(lexical, unavailable);
        Assert.Equal(lexical, none);
    }

    [Fact]
    public void Search_ColdVectorsAndNoBudget_FallsBackToLexicalOrderAndSnippets()
    {
        var index = SearchIndex.Build(Corpus);
        var query = QueryParser.Parse(index, "storm flooded homes bridge");
        var cold = new InMemorySentenceEmbeddings(Embedder(), warm: false);

        var lexical = ArticleSearcher.Search(index, query, 10, RankingOptions.Default);
        var hits = ArticleSearcher.Search(index, query, 10, RankingOptions.Default, cold, SemanticOptions.Default with { OnDemandBudget = 0 });

        Assert.Equal(lexical.Select(h => h.Article.Id), hits.Select(h => h.Article.Id));
        Assert.Equal(lexical.Select(h => h.Snippet), hits.Select(h => h.Snippet));
    }

    [Fact]
    public void Search_ColdVectors_EmbedsOnlyWithinTheBudget()
    {
        var index = SearchIndex.Build(Corpus);
        var embedder = Embedder();
        var cold = new InMemorySentenceEmbeddings(embedder, warm: false);

        ArticleSearcher.Search(index, QueryParser.Parse(index, "flooded homes bridge frost"), 10, RankingOptions.Default, cold, SemanticOptions.Default with { OnDemandBudget = 3 });

        Assert.Equal(3, cold.VectorsFor(index)!.Filled);
        Assert.Equal(1 + 3, embedder.Embedded); // the query and the budget, nothing more
    }
}
