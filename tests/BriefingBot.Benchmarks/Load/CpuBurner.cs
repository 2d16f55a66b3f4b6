using System.Diagnostics;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// The competing load for <c>--compete</c>: a busy-loop shell pinned to the last core with <c>taskset</c>, so the bot
/// keeps one core to itself and fights for the other, as when another service shares a small VM.
/// </summary>
public sealed class CpuBurner : IDisposable
{
    private readonly Process _process;

    private CpuBurner(Process process, int core)
    {
        _process = process;
        Core = core;
    }

    public int Core { get; }

    public static CpuBurner Start()
    {
        var core = Environment.ProcessorCount - 1;
        var start = new ProcessStartInfo("taskset", ["-c", core.ToString(System.Globalization.CultureInfo.InvariantCulture), "sh", "-c", "while :; do :; done"])
        {
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CPU burner (taskset).");
        return new CpuBurner(process, core);
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
