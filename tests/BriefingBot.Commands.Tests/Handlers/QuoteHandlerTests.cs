using BriefingBot.Commands.Handlers;
using BriefingBot.Core.Quotes;
using BriefingBot.Testing;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class QuoteHandlerTests
{
    private static readonly Core.Articles.Article Interview = new ArticleBuilder()
        .WithId("interview")
        .WithTitle("Coach praises young squad")
        .WithUrl("https://sport.example/coach")
        .WithBody(
            "“We have the best young players in the league,” coach Maria Lopez said on Sunday.",
            "Captain Tom Reid was less certain. “The season is long and we have not won anything yet,” he said.")
        .Build();

    private readonly QuoteHandler _handler = new(TestCorpus.Store(Interview), new QuoteFinder(new QuoteExtractor()));

    [Fact]
    public async Task HandleAsync_BySpeaker_ShowsTheirQuoteWithALink()
    {
        var reply = await _handler.HandleAsync(CommandRequest.Create("quote", CommandCaller.LocalOperator, ("by", "Maria Lopez")), CancellationToken.None);

        var field = Assert.Single(reply.Embeds.Single().Fields);
        Assert.StartsWith("Coach Maria Lopez", field.Name, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("best young players", field.Value, StringComparison.Ordinal);
        Assert.Contains("https://sport.example/coach#:~:text=", field.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PronounSpeaker_IsResolvedToTheNamedPerson()
    {
        var reply = await _handler.HandleAsync(CommandRequest.Create("quote", CommandCaller.LocalOperator, ("about", "season")), CancellationToken.None);

        Assert.Contains("Tom Reid", reply.Embeds.Single().Fields[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NoMatch_SaysSo()
    {
        var reply = await _handler.HandleAsync(CommandRequest.Create("quote", CommandCaller.LocalOperator, ("by", "Zeus")), CancellationToken.None);

        Assert.Empty(reply.Embeds);
        Assert.Contains("no quotations", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutocompleteAsync_BySpeaker_SuggestsSpeakers()
    {
        var request = new AutocompleteRequest(CommandRequest.Create("quote", CommandCaller.LocalOperator), "by", "lop");

        var choices = await _handler.AutocompleteAsync(request, CancellationToken.None);

        Assert.Contains(choices, c => c.Value.Contains("Lopez", StringComparison.Ordinal));
    }
}
