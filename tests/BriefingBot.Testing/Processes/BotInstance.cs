using System.Diagnostics;

namespace BriefingBot.Testing.Processes;

/// <summary>
/// One bot in its own process (<c>dotnet BriefingBot.dll</c>, as deployed), for tests of several instances over one
/// database: each has its own memory, schedulers and pollers, and can be killed outright. Every output line is kept,
/// so a test can wait for a log message and a failure can show what the bot said.
/// </summary>
public sealed class BotInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly object _sync = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private BotInstance(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_sync)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>Starts <c>BriefingBot.dll</c> from <paramref name="binFolder"/> (a test's output folder holds it) with the given arguments.</summary>
    public static BotInstance Start(string name, string binFolder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = binFolder,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(binFolder, "BriefingBot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The parent test run's settings must not leak into the bot (DOTNET_ environment, ASPNETCORE_URLS, …).
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bot instance {name}.");
        var instance = new BotInstance(name, process);
        process.OutputDataReceived += (_, e) => instance.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => instance.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>The first output line (already printed or still to come) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            _waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    public bool Printed(string fragment) => Lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: nothing is flushed or given back.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>The last lines the bot printed, for a failing test's message.</summary>
    public string Tail(int count = 40) => $"--- {Name} ---{Environment.NewLine}{string.Join(Environment.NewLine, Lines.TakeLast(count))}";

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_sync)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToArray())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Seen);
            }
        }

        foreach (var seen in matched)
        {
            seen.TrySetResult(line);
        }
    }
}
