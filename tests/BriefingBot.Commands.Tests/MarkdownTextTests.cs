namespace BriefingBot.Commands.Tests;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("@everyone look", "@\u200beveryone look")]
    [InlineData("hi <@123456>", "hi <\u200b@123456>")]
    [InlineData("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_")]
    public void Escape_UserText_CannotPingOrFormat(string input, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(input));
    }
}
