using BriefingBot.Commands.Handlers;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class ArticlesHandlerTests
{
    [Fact]
    public async Task HandleAsync_ListsNewestFirstWithReadingTime()
    {
        var reply = await new ArticlesHandler(TestCorpus.Store()).HandleAsync(CommandRequest.Create("articles", CommandCaller.LocalOperator), CancellationToken.None);

        var embed = reply.Embeds.Single();
        Assert.Equal("2 articles loaded", embed.Title);
        Assert.True(embed.Description!.IndexOf("harbour", StringComparison.Ordinal) < embed.Description.IndexOf("orchard", StringComparison.Ordinal));
        Assert.Contains("min read", embed.Description, StringComparison.Ordinal);
        Assert.Contains("[New harbour bridge opens after four years of work](https://news.example/harbour-bridge)", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestHandler_ShowsEachStoryWithASummaryAndLink()
    {
        var handler = new DigestHandler(TestCorpus.Store(), new DigestBuilder(new Summarizer()), TimeProvider.System);

        var reply = await handler.HandleAsync(CommandRequest.Create("digest", CommandCaller.LocalOperator), CancellationToken.None);

        var fields = reply.Embeds.Single().Fields;
        Assert.Equal(2, fields.Count);
        Assert.Equal("New harbour bridge opens after four years of work", fields[0].Name);
        Assert.Contains("[Read more](https://news.example/harbour-bridge)", fields[0].Value, StringComparison.Ordinal);
        Assert.Contains("`orchard`", fields[1].Value, StringComparison.Ordinal);
    }
}
