using BriefingBot.Commands.Components;
using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Answers;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class AskHandlerTests
{
    private static Task<Reply> Ask(string question, string? page = null, Core.Store.IArticleStore? store = null)
    {
        var handler = new AskHandler(store ?? TestCorpus.Store(), new QuestionAnswerer());
        var request = CommandRequest.Create("ask", CommandCaller.LocalOperator, ("question", question));
        if (page is not null)
        {
            request = request with { Options = new Dictionary<string, string> { ["question"] = question, ["page"] = page } };
        }

        return handler.HandleAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task HandleAsync_AnswerableQuestion_QuotesTheSentenceWithADeepLink()
    {
        var reply = await Ask("How much did the bridge cost?");

        var embed = Assert.Single(reply.Embeds);
        Assert.Equal(TestCorpus.Harbour.Title, embed.Title);
        Assert.StartsWith("> The bridge cost 420 million dollars", embed.Description, StringComparison.Ordinal);
        Assert.StartsWith("https://news.example/harbour-bridge#:~:text=", embed.Url, StringComparison.Ordinal);
        var result = Assert.IsType<AnswerResult>(reply.Data);
        Assert.True(result.Answered);
    }

    [Fact]
    public async Task HandleAsync_Answered_OffersButtonsThatAreCommands()
    {
        var reply = await Ask("Who cut the ribbon?");

        var summary = reply.Buttons.Single(b => b.Label.StartsWith("Summary", StringComparison.Ordinal));
        Assert.True(ComponentId.TryDecode(summary.CustomId!, CommandCaller.LocalOperator, out var request));
        Assert.Equal("summary", request.Name);
        Assert.Equal("harbour", request.Option("article"));
        Assert.Contains(reply.Buttons, b => b.Style == ReplyButtonStyle.Link && b.Url!.StartsWith("https://news.example/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_QuestionTheArticlesDoNotCover_SaysSoAndSuggestsArticles()
    {
        var reply = await Ask("What did the mayor say about the apple frost in Paris?");

        Assert.Empty(reply.Embeds);
        Assert.Contains("couldn't find a confident answer", reply.Content, StringComparison.Ordinal);
        Assert.Contains("paris", reply.Content, StringComparison.Ordinal);
        Assert.False(Assert.IsType<AnswerResult>(reply.Data).Answered);
    }

    [Fact]
    public async Task HandleAsync_MoreAnswersPage_ListsTheRunnersUp()
    {
        var reply = await Ask("bridge traffic", page: "2");

        Assert.Equal("More answers", reply.Embeds.Single().Title);
        Assert.NotEmpty(reply.Embeds.Single().Fields);
    }

    [Fact]
    public async Task HandleAsync_NoArticlesLoaded_ExplainsHowToAddThem()
    {
        var reply = await Ask("anything", store: TestCorpus.EmptyStore());

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("/reload", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_QuestionWithMentionsAndMarkdown_EchoesThemHarmlessly()
    {
        var reply = await Ask("@everyone **what** about <@123> Paris?");

        Assert.DoesNotContain("@everyone", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("**what**", reply.Content, StringComparison.Ordinal);
    }
}
