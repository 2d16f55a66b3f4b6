using BriefingBot.Commands;
using BriefingBot.Commands.Replies;
using BriefingBot.Testing;
using CsCheck;
using Moq;

namespace BriefingBot.Terminal.Tests.Properties;

/// <summary>Any typed line parses to exactly one of a request or a problem, and typed option text comes back intact.</summary>
public sealed class SlashLineParserProperties
{
    private static readonly SlashLineParser Parser = new(new CommandCatalog(
    [
        Handler(new CommandDefinition("ask", "Ask") { Options = [new("question", "q", CommandOptionType.String) { Required = true }] }),
        Handler(new CommandDefinition("summary", "Summary")
        {
            Options = [new("article", "a", CommandOptionType.String) { Required = true }, new("length", "l", CommandOptionType.String)],
        }),
        Handler(new CommandDefinition("articles", "List")),
    ]));

    /// <summary>Words as people type them, without ':' (which would name an option) or surrounding quotes.</summary>
    private static readonly Gen<string> Words = Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789?,.!'é-"].Array[1, 12].Select(chars => new string(chars)).Array[1, 15]
        .Select(words => string.Join(' ', words));

    private static ICommandHandler Handler(CommandDefinition definition)
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Definition).Returns(definition);
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Reply.Text("ok"));
        return handler.Object;
    }

    [Fact]
    public void Parse_AnyLine_GivesExactlyARequestOrAProblem() => PropertyCheck.Run(Gen.OneOf(Gen.String[0, 80], Words.Select(w => "/" + w), Words.Select(w => "/ask " + w + " question: " + w)), line =>
    {
        var result = Parser.Parse(line, CommandCaller.LocalOperator);

        Assert.True((result.Request is null) != (result.Problem is null), $"request {result.Request}, problem {result.Problem}");
    });

    [Fact]
    public void Parse_ShortForm_PutsTheWholeTextInTheMainOption() => PropertyCheck.Run(Gen.Select(Words, Gen.Bool), input =>
    {
        var (text, shout) = input;

        var result = Parser.Parse((shout ? "/ASK   " : "/ask ") + text + "  ", CommandCaller.LocalOperator);

        Assert.Equal("ask", result.Request!.Name);
        Assert.Equal(text, result.Request.Option("question"));
    });

    [Fact]
    public void Parse_NamedOptions_ComeBackIntactInAnyOrder() => PropertyCheck.Run(Gen.Select(Words, Words, Gen.Bool), input =>
    {
        var (article, length, lengthFirst) = input;
        var line = lengthFirst ? $"/summary length: {length} article: {article}" : $"/summary article: {article} length: {length}";

        var result = Parser.Parse(line, CommandCaller.LocalOperator);

        Assert.Equal(article, result.Request!.Option("article"));
        Assert.Equal(length, result.Request.Option("length"));
    });
}
