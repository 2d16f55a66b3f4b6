using BriefingBot.Commands;
using BriefingBot.Testing;

namespace BriefingBot.Terminal.Tests;

public sealed class ConsoleProgressTests
{
    [Fact]
    public async Task NotInteractive_WritesNothing()
    {
        var output = new StringWriter();
        var clock = new TimerAwareFakeTimeProvider(DateTimeOffset.UnixEpoch);
        var work = new TaskCompletionSource<int>();

        var shown = new ConsoleProgress(output, interactive: false, clock).ShowWhileAsync("Loading articles…", work.Task);
        clock.Advance(TimeSpan.FromSeconds(5));
        work.SetResult(7);

        Assert.Equal(7, await shown);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task QuickStep_WritesNothing()
    {
        var output = new StringWriter();

        var result = await new ConsoleProgress(output, interactive: true, new TimerAwareFakeTimeProvider(DateTimeOffset.UnixEpoch))
            .ShowWhileAsync("Loading articles…", Task.FromResult(3));

        Assert.Equal(3, result);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task LongStep_ShowsLabelAndSeconds_ThenClearsTheLine()
    {
        var output = new StringWriter();
        var clock = new TimerAwareFakeTimeProvider(DateTimeOffset.UnixEpoch);
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var shown = new ConsoleProgress(output, interactive: true, clock).ShowWhileAsync("Loading articles…", work.Task);
        await clock.WaitForTimersAsync(1, TimeSpan.FromSeconds(10));
        clock.Advance(ConsoleProgress.Delay);
        await clock.WaitForTimersAsync(1, TimeSpan.FromSeconds(10));
        work.SetResult(1);
        await shown;

        var text = output.ToString();
        Assert.StartsWith("\r| Loading articles… 0.4 s", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\e[K", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reload", "Reloading articles…")]
    [InlineData("ask", "Working…")]
    public void Describe_SaysWhatTheCommandIsDoing(string command, string label)
    {
        Assert.Equal(label, ConsoleProgress.Describe(new CommandRequest(command, new Dictionary<string, string>(), CommandCaller.LocalOperator)));
    }
}
