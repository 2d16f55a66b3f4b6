using System.Globalization;

namespace BriefingBot.Terminal;

/// <summary>
/// Shows that a long step is still running: a spinner, what it is doing and the seconds so far, on one line of
/// standard error redrawn in place and cleared when the step ends. Nothing is written for a step shorter than
/// <see cref="Delay"/> (a flash of text reads as a glitch), nor when the writer is not an interactive terminal: logs
/// and pipes must not fill with carriage returns, and standard output stays the reply alone.
/// </summary>
public sealed class ConsoleProgress(TextWriter writer, bool interactive, TimeProvider timeProvider)
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(400);

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private const string Spinner = @"|/-\";

    /// <summary>Progress on <paramref name="error"/> when it is the console's standard error and a terminal shows it.</summary>
    public static ConsoleProgress ForStandardError(TextWriter error, TimeProvider timeProvider) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, timeProvider);

    /// <summary>What a command's progress line says: a reload reads files, everything else is working on the answer.</summary>
    public static string Describe(CommandRequest request) => request.Name == "reload" ? "Reloading articles…" : "Working…";

    public async Task<T> ShowWhileAsync<T>(string label, Task<T> work)
    {
        if (!interactive)
        {
            return await work;
        }

        var started = timeProvider.GetTimestamp();
        using var stop = new CancellationTokenSource();
        var wait = Delay;
        var frame = 0;
        while (await Task.WhenAny(work, Task.Delay(wait, timeProvider, stop.Token)) != work)
        {
            var seconds = timeProvider.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            await writer.WriteAsync($"\r{Spinner[frame++ % Spinner.Length]} {label} {seconds} s");
            await writer.FlushAsync();
            wait = Interval;
        }

        await stop.CancelAsync();
        if (frame > 0)
        {
            // Back to the line start and erase it, so the next output starts on a clean line.
            await writer.WriteAsync("\r\e[K");
            await writer.FlushAsync();
        }

        return await work;
    }
}
