using BriefingBot.Commands;
using BriefingBot.Commands.Access;
using BriefingBot.Commands.Handlers;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Terminal.Tests;

public sealed class TerminalSessionTests
{
    private static async Task<string> RunAsync(string input)
    {
        var store = new ArticleStore();
        store.Publish(new ArticleSnapshot(SeedCorpus.Index, [], DateTimeOffset.UnixEpoch, 1));
        CommandCatalog? catalog = null;
        ICommandHandler[] handlers =
        [
            new AskHandler(store, new QuestionAnswerer()),
            new SummaryHandler(store, new Summarizer()),
            new SearchHandler(store, RankingOptions.Default),
            new HelpHandler(() => catalog!),
        ];
        catalog = new CommandCatalog(handlers);
        var dispatcher = new CommandDispatcher(catalog, new ModeratorPolicy(Options.Create(new ModerationOptions())), NullLogger<CommandDispatcher>.Instance);
        var output = new StringWriter();

        await new TerminalSession(dispatcher, store, new StringReader(input), output).RunAsync("seeds", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        return output.ToString();
    }

    [Fact]
    public async Task RunAsync_AskAboutTheSeeds_PrintsTheAnsweringSentence()
    {
        var output = await RunAsync("/ask who wrote the letter?\n/quit\n");

        Assert.Contains("2 article(s) loaded", output, StringComparison.Ordinal);
        Assert.Contains("defector", output, StringComparison.Ordinal);
        Assert.Matches(@"\[\d\] Summary of the article", output);
    }

    [Fact]
    public async Task RunAsync_TypingAButtonNumber_PressesIt()
    {
        var first = await RunAsync("/ask who wrote the letter?\n");
        var number = System.Text.RegularExpressions.Regex.Match(first, @"\[(\d)\] Summary of the article").Groups[1].Value;

        var output = await RunAsync($"/ask who wrote the letter?\n{number}\n");

        Assert.Contains("min read", output, StringComparison.Ordinal);
        Assert.DoesNotContain("min read", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HelpAndMistakes_AnswerWithoutStopping()
    {
        var output = await RunAsync("/help\n/frobnicate\n7\n/ask\n/search sanctions\n");

        Assert.Contains("/ask question:<question>", output, StringComparison.Ordinal);
        Assert.Contains("There is no /frobnicate command", output, StringComparison.Ordinal);
        Assert.Contains("Please give question", output, StringComparison.Ordinal);
        Assert.Contains("Search: sanctions", output, StringComparison.Ordinal);
    }
}
