using BriefingBot.Commands.Replies;

namespace BriefingBot.Terminal.Tests;

public sealed class ConsoleLayoutTests
{
    private const string LongQuote =
        "> “If they acknowledge it and there’s a sense it is influencing U.S. policy or that Mr. Trump is taking the word of a defector over that of Kim Jong-un, it could undermine the president’s relationship,” the official said.";

    private static readonly Reply Answer = new()
    {
        Embeds =
        [
            new ReplyEmbed
            {
                Title = "Answer",
                Url = "https://news.example/a-very-long-address-that-is-much-wider-than-the-terminal-it-is-shown-in",
                Description = LongQuote,
                Fields = [new ReplyField("Source", "Report: North Korean defector tells Trump he’s been duped, asks president to stage coup")],
                Footer = "Confidence 0.99",
            },
        ],
    };

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(100)]
    public void Wrapped_EveryLineFitsAndNoWordIsBroken(int width)
    {
        var text = PlainTextRenderer.Render(Answer, new ConsoleCapabilities(width, Styles: false));

        foreach (var line in Lines(text))
        {
            Assert.True(line.Length <= width || !line.Trim().Contains(' ', StringComparison.Ordinal), $"too wide at {width}: {line}");
        }

        Assert.Equal(Words(PlainTextRenderer.Render(Answer)), Words(text));
    }

    [Fact]
    public void Wrapped_QuoteKeepsItsIndentAndBarOnEveryLine()
    {
        var text = PlainTextRenderer.Render(Answer, new ConsoleCapabilities(50, Styles: false));

        var quote = Lines(text).SkipWhile(l => !l.Contains('“', StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("   │ ", StringComparison.Ordinal)).ToArray();
        Assert.True(quote.Length >= 4, string.Join('\n', quote));
        Assert.EndsWith("the official said.", quote[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Wrapped_FieldValueKeepsItsIndent()
    {
        var text = PlainTextRenderer.Render(Answer, new ConsoleCapabilities(40, Styles: false));

        var value = Lines(text).SkipWhile(l => l != "-- Source").Skip(1).TakeWhile(l => !l.StartsWith("   (", StringComparison.Ordinal)).ToArray();
        Assert.True(value.Length >= 2);
        Assert.All(value, l => Assert.StartsWith("   ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void WordLongerThanTheLine_StaysWholeOnItsOwnLine()
    {
        var text = PlainTextRenderer.Render(Answer, new ConsoleCapabilities(40, Styles: false));

        Assert.Contains("   https://news.example/a-very-long-address-that-is-much-wider-than-the-terminal-it-is-shown-in", Lines(text));
    }

    [Fact]
    public void Plain_IsExactlyTheUnwrappedTextWithoutEscapes()
    {
        var text = PlainTextRenderer.Render(Answer, ConsoleCapabilities.Plain);

        Assert.Equal(PlainTextRenderer.Render(Answer), text);
        Assert.DoesNotContain('\e', text);
    }

    [Fact]
    public void NotTheConsole_IsPlain()
    {
        Assert.Equal(ConsoleCapabilities.Plain, ConsoleCapabilities.For(new StringWriter()));
    }

    [Fact]
    public void Styled_HeadingsAndQuotesAreMarked_AndTheTextIsTheSameWithoutEscapes()
    {
        var styled = PlainTextRenderer.Render(Answer, new ConsoleCapabilities(60, Styles: true));

        Assert.Contains("\e[1m== Answer ==\e[0m", styled, StringComparison.Ordinal);
        Assert.Contains("\e[36m│\e[0m", styled, StringComparison.Ordinal);
        Assert.Equal(PlainTextRenderer.Render(Answer, new ConsoleCapabilities(60, Styles: false)), StripEscapes(styled));
    }

    private static string[] Lines(string text) => text.TrimEnd().Split(Environment.NewLine);

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w != "│").ToArray();

    private static string StripEscapes(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\e\[[0-9;]*m", string.Empty);
}
