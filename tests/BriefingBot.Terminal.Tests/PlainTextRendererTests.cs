using BriefingBot.Commands.Replies;

namespace BriefingBot.Terminal.Tests;

public sealed class PlainTextRendererTests
{
    [Fact]
    public void Render_EmbedWithMarkdown_ShowsPlainTextLinksAndNumberedButtons()
    {
        var reply = new Reply
        {
            Embeds =
            [
                new ReplyEmbed
                {
                    Title = "Bridge opens",
                    Url = "https://news.example/b",
                    Description = "> The **bridge** opened.",
                    Fields = [new ReplyField("Source", "[Example](https://news.example) · `harbour`")],
                    Footer = "From article harbour",
                },
            ],
            Buttons = [new ReplyButton("More answers") { CustomId = "ask|question=x|page=2" }, new ReplyButton("Open") { Url = "https://news.example/b" }],
        };

        var text = PlainTextRenderer.Render(reply);

        Assert.Contains("== Bridge opens ==", text, StringComparison.Ordinal);
        Assert.Contains("│ The bridge opened.", text, StringComparison.Ordinal);
        Assert.Contains("Example <https://news.example> · harbour", text, StringComparison.Ordinal);
        Assert.Contains("[1] More answers", text, StringComparison.Ordinal);
        Assert.Contains("Open: https://news.example/b", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("> quoted")]
    [InlineData("-# small")]
    [InlineData("# heading")]
    [InlineData("**bold** ~~gone~~ ||hidden|| __under__ _it_")]
    [InlineData("```cs code``` and `x`")]
    [InlineData("[click](https://evil.example)")]
    public void Plain_EscapedUserText_ShowsExactlyWhatWasTyped(string typed)
    {
        Assert.Equal(typed, PlainTextRenderer.Plain(Commands.MarkdownText.Escape(typed)));
    }

    [Fact]
    public void Render_Problem_IsMarked()
    {
        Assert.StartsWith("! ", PlainTextRenderer.Render(Reply.Problem("Nope.")), StringComparison.Ordinal);
    }
}
