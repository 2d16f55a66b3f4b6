using System.Diagnostics;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// The bot under load, in its own process so its CPU time and peak memory are its own and the load generator's
/// timing is not disturbed by the bot's work. The child is this program started with <c>--serve-bot</c>, which runs
/// the bot's own entry point (<c>BotApplication.RunAsync</c>, as <c>dotnet run</c> does) with the given arguments.
/// </summary>
public sealed class BotProcess : IDisposable
{
    public const string ServeFlag = "--serve-bot";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private int _warnings;

    private BotProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Log lines at warning level or above ("warn:", "fail:", "crit:" from the console logger).</summary>
    public int Warnings => Volatile.Read(ref _warnings);

    public static BotProcess Start(IReadOnlyList<string> botArgs, string logPath)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this program's path.");
        var start = new ProcessStartInfo(self)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BotProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ServeFlag);
        foreach (var arg in botArgs)
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StreamWriter(logPath) { AutoFlush = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot process.");
        var bot = new BotProcess(process, log);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return bot;
    }

    /// <summary>User + system CPU time the bot has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Peak resident memory (VmHWM), in bytes.</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
        }

        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }
    }
}
