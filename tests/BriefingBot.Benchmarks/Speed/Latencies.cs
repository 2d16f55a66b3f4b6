using System.Diagnostics;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>Per-call latencies in milliseconds, with the order statistics the report prints.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Median => Percentile(0.5);

    public double P99 => Percentile(0.99);

    public double Total => _milliseconds.Sum();

    /// <summary>Runs <paramref name="action"/> once and records how long it took.</summary>
    public T Time<T>(Func<T> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = action();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Nearest-rank percentile; 0 when nothing was timed.</summary>
    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return 0;
        }

        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 4);
    }
}
