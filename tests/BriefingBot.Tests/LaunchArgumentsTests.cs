namespace BriefingBot.Tests;

public sealed class LaunchArgumentsTests
{
    [Theory]
    [InlineData(new string[0], false, null)]
    [InlineData(new[] { "ask", "who?" }, true, null)]
    [InlineData(new[] { "--content", "/data", "ask", "who?" }, true, "/data")]
    [InlineData(new[] { "ask", "who?", "--content=/x" }, true, "/x")]
    [InlineData(new[] { "--content", "/data" }, false, "/data")]
    [InlineData(new[] { "Discord:Mode=http" }, false, null)]
    public void Parse_CommandLines_FindsVerbAndContentFolder(string[] args, bool oneShot, string? content)
    {
        var launch = LaunchArguments.Parse(args);

        Assert.Equal(oneShot, launch.IsOneShot);
        Assert.Equal(content, launch.ContentFolder);
        Assert.DoesNotContain("--content", launch.CommandArgs);
    }
}
