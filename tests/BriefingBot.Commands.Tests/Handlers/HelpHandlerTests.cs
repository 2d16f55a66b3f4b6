using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Results;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

public sealed class HelpHandlerTests
{
    private static ICommandHandler Command(CommandDefinition definition)
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Definition).Returns(definition);
        return handler.Object;
    }

    [Fact]
    public async Task ModeratorCommands_SayModeratorsOnce()
    {
        var catalog = new CommandCatalog(
        [
            Command(new CommandDefinition("reload", "Reload the articles (moderators)") { ModeratorOnly = true }),
            Command(new CommandDefinition("purge", "Purge the cache") { ModeratorOnly = true }),
        ]);
        var help = new HelpHandler(() => catalog);

        var reply = await help.HandleAsync(new CommandRequest("help", new Dictionary<string, string>(), CommandCaller.LocalOperator), CancellationToken.None);

        var fields = Assert.Single(reply.Embeds).Fields;
        Assert.Contains(fields, f => f.Value == "Reload the articles (moderators)");
        Assert.Contains(fields, f => f.Value == "Purge the cache *(moderators)*");
        Assert.All(Assert.IsType<CommandUsage[]>(reply.Data), u => Assert.True(u.ModeratorOnly));
    }
}
