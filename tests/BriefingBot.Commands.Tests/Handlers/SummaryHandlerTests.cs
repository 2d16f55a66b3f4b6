using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class SummaryHandlerTests
{
    private readonly SummaryHandler _handler = new(TestCorpus.Store(), new Summarizer());

    private Task<Reply> Summarise(string article, string? length = null)
    {
        var options = new Dictionary<string, string> { ["article"] = article };
        if (length is not null)
        {
            options["length"] = length;
        }

        return _handler.HandleAsync(new CommandRequest("summary", options, CommandCaller.LocalOperator), CancellationToken.None);
    }

    [Theory]
    [InlineData("harbour")]
    [InlineData("New harbour bridge opens after four years of work")]
    [InlineData("harbor brige")]
    public async Task HandleAsync_ArticleByIdTitleOrTypo_SummarisesIt(string typed)
    {
        var reply = await Summarise(typed);

        Assert.Equal(TestCorpus.Harbour.Title, reply.Embeds.Single().Title);
        Assert.IsType<Summary>(reply.Data);
    }

    [Fact]
    public async Task HandleAsync_UnknownArticle_SaysSoPrivately()
    {
        var reply = await Summarise("volcano eruption in iceland");

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task HandleAsync_BadLength_NamesTheChoices()
    {
        var reply = await Summarise("harbour", "enormous");

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("short, medium or long", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ShortArticle_SaysItIsTheWholeArticle()
    {
        var reply = await Summarise("orchard", "long");

        Assert.Contains("whole article", reply.Embeds.Single().Description, StringComparison.Ordinal);
        Assert.True(((Summary)reply.Data!).IsWholeArticle);
    }

    [Fact]
    public async Task AutocompleteAsync_PartialTitle_RanksPrefixBeforeFuzzy()
    {
        var request = new AutocompleteRequest(CommandRequest.Create("summary", CommandCaller.LocalOperator), "article", "late fro");

        var choices = await _handler.AutocompleteAsync(request, CancellationToken.None);

        Assert.Equal("orchard", choices[0].Value);
        Assert.All(choices, c => Assert.True(c.Name.Length <= 100));
    }

    [Fact]
    public async Task AutocompleteAsync_NothingTyped_SuggestsArticles()
    {
        var request = new AutocompleteRequest(CommandRequest.Create("summary", CommandCaller.LocalOperator), "article", string.Empty);

        var choices = await _handler.AutocompleteAsync(request, CancellationToken.None);

        Assert.Equal(2, choices.Count);
    }
}
