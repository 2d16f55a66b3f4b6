using BriefingBot.Commands.Handlers;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Tests.Handlers;

/// <summary>/reload's report is markdown: what comes from file names must not be read as formatting.</summary>
public sealed class ReloadHandlerDescribeTests
{
    [Fact]
    public void Describe_IdsWithUnderscores_AreEscapedSoTheyAreNotItalicised()
    {
        var report = new ReloadReport(ReloadStatus.Reloaded)
        {
            Added = ["000_7686bac24476dbc3", "004_2cd50ea2d18e3eb8"],
            KeptPrevious = ["*draft*"],
            ArticleCount = 2,
        };

        var text = ReloadHandler.Describe(report);

        Assert.Contains(@"Added: 000\_7686bac24476dbc3, 004\_2cd50ea2d18e3eb8", text, StringComparison.Ordinal);
        Assert.Contains(@"Kept the previous version of: \*draft\*", text, StringComparison.Ordinal);
    }
}
