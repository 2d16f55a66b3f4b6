namespace BriefingBot.Commands.Tests;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("@everyone look", "@\u200beveryone look")]
    [InlineData("hi <@123456>", "hi <\u200b@123456>")]
    [InlineData("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_")]
    [InlineData("<@&456> <#789> <@!12>", "<\u200b@&456> <\u200b#789> <\u200b@!12>")]
    [InlineData("</ask:123> <t:1700000000:R>", "<\u200b/ask:123> <\u200bt:1700000000:R>")]
    [InlineData("# big", "\\# big")]
    [InlineData("> quoted\n  ## deep\n-# small", "\\> quoted\n  \\## deep\n\\-# small")]
    [InlineData("a > b # c", "a > b # c")]
    [InlineData("[click](https://evil.example)", "\\[click\\](https://evil.example)")]
    [InlineData("||spoiler|| ~~gone~~ __under__", "\\|\\|spoiler\\|\\| \\~\\~gone\\~\\~ \\_\\_under\\_\\_")]
    [InlineData("```cs\ncode```", "\\`\\`\\`cs\ncode\\`\\`\\`")]
    public void Escape_UserText_CannotPingOrFormat(string input, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(input));
    }

    [Theory]
    [InlineData("a\u202Eevil\u202C b", "aevil b")] // right-to-left override and pop
    [InlineData("zero\u200Bwidth\uFEFF", "zerowidth")]
    [InlineData("bell\u0007 tab\tnew\nline", "bell tab new line")]
    [InlineData("```\nfenced\n```", "\\`\\`\\` fenced \\`\\`\\`")]
    [InlineData("@here", "@\u200bhere")]
    public void Echo_HostileText_IsCleanedFoldedAndEscaped(string input, string expected)
    {
        Assert.Equal(expected, MarkdownText.Echo(input));
    }

    [Fact]
    public void Echo_LongText_IsBoundedWithAnEllipsis()
    {
        var echoed = MarkdownText.Echo(string.Concat(Enumerable.Repeat("word ", 1200)));

        Assert.True(echoed.Length <= MarkdownText.DefaultEchoLength, $"{echoed.Length} characters");
        Assert.EndsWith("…", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public void Echo_LongTextOfMarkdown_StaysBoundedBeforeEscapingDoublesIt()
    {
        var echoed = MarkdownText.Echo(new string('*', 6000));

        Assert.True(echoed.Length <= 2 * MarkdownText.DefaultEchoLength, $"{echoed.Length} characters");
        Assert.DoesNotContain("**", echoed.Replace("\\*", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Echo_Zalgo_KeepsAtMostTwoMarksPerLetter()
    {
        var zalgo = "Z" + new string('\u0336', 40) + "a" + string.Concat(Enumerable.Repeat("\u0301\u0308", 20)) + "l";

        var echoed = MarkdownText.Echo(zalgo);

        Assert.InRange(echoed.Length, 3, 9);
        Assert.StartsWith("Z\u0336\u0336", echoed, StringComparison.Ordinal);
        Assert.EndsWith("l", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public void Echo_EmojiAtTheCut_IsNeverSplitInHalf()
    {
        var echoed = MarkdownText.EchoPlain(new string('x', 98) + "😀😀😀", 100);

        Assert.EndsWith("…", echoed, StringComparison.Ordinal);
        Assert.True(IsWellFormed(echoed), echoed);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
