using System.Text.Json;
using BriefingBot.Testing;

namespace BriefingBot.Tests;

/// <summary>The CLI end to end: real host, real seeds, real output.</summary>
public sealed class OneShotTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BotApplication.RunAsync([.. args, "--content", RepositoryPaths.Seeds], output, error, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ask_WithJson_PrintsAnsweredAndRankedAnswers()
    {
        var (exit, output, _) = await RunAsync("ask", "What did the defector ask Trump to do?", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("answered").GetBoolean());
        var answers = json.RootElement.GetProperty("answers");
        Assert.True(answers.GetArrayLength() >= 1);
        var best = answers[0];
        Assert.Equal(SeedCorpus.DefectorArticleId, best.GetProperty("articleId").GetString());
        Assert.False(string.IsNullOrEmpty(best.GetProperty("title").GetString()));
        Assert.Contains("defector", best.GetProperty("sentence").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(best.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Ask_QuestionTheSeedsCannotAnswer_JsonSaysNotAnswered()
    {
        var (exit, output, _) = await RunAsync("ask", "What is the capital of France?", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("answered").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task Ask_EmptyQuestion_ExitsWithBadInputAndAMessage()
    {
        var (exit, output, _) = await RunAsync("ask", "   ");

        Assert.Equal(2, exit);
        Assert.Contains("Please give question", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "sanctions")]
    [InlineData("summary", "Kim warned his generals")]
    [InlineData("articles")]
    [InlineData("digest")]
    [InlineData("reload")]
    [InlineData("help")]
    public async Task EveryVerb_OnTheSeeds_Succeeds(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    [Fact]
    public async Task PlainOutput_NotToATerminal_HasNoEscapesAndIsNotWrapped()
    {
        var (exit, output, error) = await RunAsync("summary", "Kim warned his generals");

        Assert.Equal(0, exit);
        Assert.DoesNotContain('\e', output + error);
        Assert.Contains(output.Split('\n'), line => line.Length > 200);
    }

    [Fact]
    public async Task Summary_NamedOptions_AreAcceptedAsFlags()
    {
        var (exit, output, _) = await RunAsync("summary", "--article", SeedCorpus.GeneralsArticleId, "--length", "medium", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(SeedCorpus.GeneralsArticleId, json.RootElement.GetProperty("articleId").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public async Task MissingContentFolder_FailsWithAClearMessage()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await BotApplication.RunAsync(["ask", "who?", "--content", "/no/such/folder"], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("/no/such/folder", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Content__Folder", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesAdd_NotAWebAddress_IsBadInputWithAFriendlyMessage()
    {
        var (exit, output, _) = await RunAsync("sources", "add", "ftp://example.org/feed");

        Assert.Equal(2, exit);
        Assert.Contains("only http and https", output, StringComparison.Ordinal);
    }
}
