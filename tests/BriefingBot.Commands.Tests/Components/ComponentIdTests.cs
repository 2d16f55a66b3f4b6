using BriefingBot.Commands.Components;

namespace BriefingBot.Commands.Tests.Components;

public sealed class ComponentIdTests
{
    [Fact]
    public void TryEncode_ThenDecode_GivesBackTheCommandAndOptions()
    {
        var id = ComponentId.TryEncode("ask", [new("question", "who | what = 100%?"), new("page", "2")]);

        Assert.NotNull(id);
        Assert.True(ComponentId.TryDecode(id, CommandCaller.LocalOperator, out var request));
        Assert.Equal("ask", request.Name);
        Assert.Equal("who | what = 100%?", request.Option("question"));
        Assert.Equal("2", request.Option("page"));
        Assert.Equal(CommandSource.Component, request.Source);
    }

    [Fact]
    public void TryEncode_StateLongerThanDiscordAllows_ReturnsNull()
    {
        Assert.Null(ComponentId.TryEncode("ask", [new("question", new string('q', 120))]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("|question=x")]
    [InlineData("ask|noequals")]
    public void TryDecode_IdsThisBotDidNotMake_AreRejected(string customId)
    {
        Assert.False(ComponentId.TryDecode(customId, CommandCaller.LocalOperator, out _));
    }

    [Fact]
    public void TryDecode_SubcommandMarker_SetsTheSubcommand()
    {
        Assert.True(ComponentId.TryDecode("digest-schedule|_sub=preview|channel=42", CommandCaller.LocalOperator, out var request));

        Assert.Equal("preview", request.Subcommand);
        Assert.Equal("42", request.Option("channel"));
    }
}
