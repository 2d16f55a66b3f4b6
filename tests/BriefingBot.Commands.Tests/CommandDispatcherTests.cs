using BriefingBot.Commands.Access;
using BriefingBot.Commands.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Commands.Tests;

public sealed class CommandDispatcherTests
{
    private static readonly CommandCaller Member = new(7, "member") { GuildId = 1, ChannelId = 2 };

    private static Mock<ICommandHandler> Handler(CommandDefinition definition, Reply? reply = null)
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Definition).Returns(definition);
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(reply ?? Reply.Text("done"));
        return handler;
    }

    private static CommandDispatcher Dispatcher(params ICommandHandler[] handlers) =>
        Dispatcher(new ModerationOptions(), handlers);

    private static CommandDispatcher Dispatcher(ModerationOptions moderation, params ICommandHandler[] handlers) =>
        new(new CommandCatalog(handlers), new ModeratorPolicy(Options.Create(moderation)), NullLogger<CommandDispatcher>.Instance);

    private static readonly CommandDefinition Ask = new("ask", "Ask")
    {
        Options = [new("question", "The question", CommandOptionType.String) { Required = true, MaxLength = 300 }],
    };

    [Fact]
    public async Task DispatchAsync_UnknownCommand_RepliesPrivatelyWithHelpHint()
    {
        var reply = await Dispatcher().DispatchAsync(CommandRequest.Create("nope", Member), CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.True(reply.Ephemeral);
        Assert.Contains("/help", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_ModeratorCommandFromMember_IsRefusedWithoutRunning()
    {
        var handler = Handler(new CommandDefinition("reload", "Reload") { ModeratorOnly = true });

        var reply = await Dispatcher(handler.Object).DispatchAsync(CommandRequest.Create("reload", Member), CancellationToken.None);

        Assert.Equal(ReplyKind.Refused, reply.Kind);
        Assert.True(reply.Ephemeral);
        handler.Verify(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(CallerPermissions.ManageGuild)]
    [InlineData(CallerPermissions.Administrator)]
    public async Task DispatchAsync_ModeratorCommandFromManager_Runs(CallerPermissions permissions)
    {
        var handler = Handler(new CommandDefinition("reload", "Reload") { ModeratorOnly = true });

        var reply = await Dispatcher(handler.Object).DispatchAsync(CommandRequest.Create("reload", Member with { Permissions = permissions }), CancellationToken.None);

        Assert.Equal(ReplyKind.Success, reply.Kind);
    }

    [Fact]
    public async Task DispatchAsync_ModeratorCommandFromConfiguredRole_Runs()
    {
        var handler = Handler(new CommandDefinition("reload", "Reload") { ModeratorOnly = true });
        var dispatcher = Dispatcher(new ModerationOptions { RoleIds = [99] }, handler.Object);

        var reply = await dispatcher.DispatchAsync(CommandRequest.Create("reload", Member with { RoleIds = [5, 99] }), CancellationToken.None);

        Assert.Equal(ReplyKind.Success, reply.Kind);
    }

    [Fact]
    public async Task DispatchAsync_FiveThousandCharacterQuestion_IsRejectedWithTheLimit()
    {
        var handler = Handler(Ask);

        var reply = await Dispatcher(handler.Object).DispatchAsync(CommandRequest.Create("ask", Member, ("question", new string('a', 5000))), CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("5,000", reply.Content, StringComparison.Ordinal);
        Assert.Contains("300", reply.Content, StringComparison.Ordinal);
        handler.Verify(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DispatchAsync_ControlCharactersInInput_AreRemovedBeforeTheHandlerSeesThem()
    {
        var handler = Handler(Ask);
        CommandRequest? seen = null;
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .Callback<CommandRequest, CancellationToken>((r, _) => seen = r)
            .ReturnsAsync(Reply.Text("ok"));

        await Dispatcher(handler.Object).DispatchAsync(CommandRequest.Create("ask", Member, ("question", "who\u0000 wrote\u200B\tthe\r\nletter?\u0007")), CancellationToken.None);

        Assert.Equal("who wrote the letter?", seen!.Option("question"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001")]
    public async Task DispatchAsync_EmptyRequiredOption_AsksForIt(string question)
    {
        var handler = Handler(Ask);

        var reply = await Dispatcher(handler.Object).DispatchAsync(CommandRequest.Create("ask", Member, ("question", question)), CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("question", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_HandlerThrows_RepliesPrivatelyAndKeepsServing()
    {
        var handler = Handler(Ask);
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        var dispatcher = Dispatcher(handler.Object);

        var reply = await dispatcher.DispatchAsync(CommandRequest.Create("ask", Member, ("question", "q")), CancellationToken.None);

        Assert.Equal(ReplyKind.Failure, reply.Kind);
        Assert.True(reply.Ephemeral);
        Assert.DoesNotContain("boom", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_UnknownOptionTyped_NamesTheRealOptions()
    {
        var reply = await Dispatcher(Handler(Ask).Object).DispatchAsync(CommandRequest.Create("ask", Member, ("question", "q"), ("colour", "red")), CancellationToken.None);

        Assert.Equal(ReplyKind.Problem, reply.Kind);
        Assert.Contains("question", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_SubcommandMissingOrUnknown_ListsTheSubcommands()
    {
        var definition = new CommandDefinition("digest-schedule", "Schedule")
        {
            Options = [new("add", "Add", CommandOptionType.Subcommand), new("list", "List", CommandOptionType.Subcommand)],
        };
        var dispatcher = Dispatcher(Handler(definition).Object);

        var missing = await dispatcher.DispatchAsync(CommandRequest.Create("digest-schedule", Member), CancellationToken.None);
        var unknown = await dispatcher.DispatchAsync(CommandRequest.Create("digest-schedule", Member) with { Subcommand = "nope" }, CancellationToken.None);
        var known = await dispatcher.DispatchAsync(CommandRequest.Create("digest-schedule", Member) with { Subcommand = "LIST" }, CancellationToken.None);

        Assert.Contains("add, list", missing.Content, StringComparison.Ordinal);
        Assert.Contains("add, list", unknown.Content, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Success, known.Kind);
    }

    [Fact]
    public async Task DispatchAsync_EphemeralByDefaultCommand_MakesTheReplyPrivate()
    {
        var dispatcher = Dispatcher(Handler(new CommandDefinition("help", "Help") { EphemeralByDefault = true }).Object);

        var reply = await dispatcher.DispatchAsync(CommandRequest.Create("help", Member), CancellationToken.None);

        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task AutocompleteAsync_TooManyOrTooLongChoices_AreCappedForDiscord()
    {
        var handler = Handler(Ask);
        handler.Setup(h => h.AutocompleteAsync(It.IsAny<AutocompleteRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Enumerable.Range(0, 40).Select(i => new CommandChoice(new string('n', 150), i % 2 == 0 ? "id" + i : new string('v', 101))).ToArray());

        var choices = await Dispatcher(handler.Object).AutocompleteAsync(
            new AutocompleteRequest(CommandRequest.Create("ask", Member), "question", "k"), CancellationToken.None);

        Assert.Equal(20, choices.Count);
        Assert.All(choices, c => Assert.True(c.Name.Length <= 100 && c.Value.Length <= 100));
    }
}
