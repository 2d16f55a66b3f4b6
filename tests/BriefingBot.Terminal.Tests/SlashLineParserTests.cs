using BriefingBot.Commands;
using BriefingBot.Commands.Replies;
using Moq;

namespace BriefingBot.Terminal.Tests;

public sealed class SlashLineParserTests
{
    private static ICommandHandler Handler(CommandDefinition definition)
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Definition).Returns(definition);
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Reply.Text("ok"));
        return handler.Object;
    }

    private static readonly SlashLineParser Parser = new(new CommandCatalog(
    [
        Handler(new CommandDefinition("ask", "Ask") { Options = [new("question", "q", CommandOptionType.String) { Required = true }] }),
        Handler(new CommandDefinition("summary", "Summary")
        {
            Options = [new("article", "a", CommandOptionType.String) { Required = true }, new("length", "l", CommandOptionType.String)],
        }),
        Handler(new CommandDefinition("articles", "List")),
        Handler(new CommandDefinition("digest-schedule", "Schedule")
        {
            Options =
            [
                new("add", "Add", CommandOptionType.Subcommand)
                {
                    Options = [new("channel", "c", CommandOptionType.Channel) { Required = true }, new("time", "t", CommandOptionType.String), new("timezone", "z", CommandOptionType.String)],
                },
                new("list", "List", CommandOptionType.Subcommand),
            ],
        }),
    ]));

    [Theory]
    [InlineData("/ask question: who wrote the letter?", "who wrote the letter?")]
    [InlineData("/ask who wrote the letter?", "who wrote the letter?")]
    [InlineData("ask who wrote the letter?", "who wrote the letter?")]
    [InlineData("/ASK   what time: is it?", "what time: is it?")]
    [InlineData("/ask question:\"quoted\"", "quoted")]
    public void Parse_AskLines_PutTheTextInTheQuestion(string line, string question)
    {
        var result = Parser.Parse(line, CommandCaller.LocalOperator);

        Assert.Null(result.Problem);
        Assert.Equal("ask", result.Request!.Name);
        Assert.Equal(question, result.Request.Option("question"));
    }

    [Fact]
    public void Parse_SeveralNamedOptions_SplitsThem()
    {
        var result = Parser.Parse("/summary article: Kim warned his generals length: long", CommandCaller.LocalOperator);

        Assert.Equal("Kim warned his generals", result.Request!.Option("article"));
        Assert.Equal("long", result.Request.Option("length"));
    }

    [Fact]
    public void Parse_Subcommand_IsRecognisedWithItsOptions()
    {
        var result = Parser.Parse("/digest-schedule add channel:123 time:08:00 timezone:Europe/London", CommandCaller.LocalOperator);

        Assert.Equal("add", result.Request!.Subcommand);
        Assert.Equal("123", result.Request.Option("channel"));
        Assert.Equal("08:00", result.Request.Option("time"));
        Assert.Equal("Europe/London", result.Request.Option("timezone"));
    }

    [Theory]
    [InlineData("/nope", "no /nope command")]
    [InlineData("/", "Type a command")]
    [InlineData("/digest-schedule frobnicate", "add, list")]
    [InlineData("/articles extra words", "takes no options")]
    public void Parse_BadLines_ExplainWhatIsWrong(string line, string expected)
    {
        var result = Parser.Parse(line, CommandCaller.LocalOperator);

        Assert.Null(result.Request);
        Assert.Contains(expected, result.Problem, StringComparison.Ordinal);
    }
}
