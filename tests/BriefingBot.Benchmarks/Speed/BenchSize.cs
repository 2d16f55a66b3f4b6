using System.Globalization;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>
/// BenchmarkDotNet runs each benchmark in a child process without our command line, so the corpus size travels in
/// an environment variable (BRIEFINGBOT_BENCH_ARTICLES, default 10,000).
/// </summary>
public static class BenchSize
{
    public const string Variable = "BRIEFINGBOT_BENCH_ARTICLES";

    public static int Articles =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10_000;
}
