using CsCheck;

namespace BriefingBot.Testing;

/// <summary>
/// Runs a property over a fixed sequence of seeds, one generated case per seed, on one thread: every run checks the
/// same cases (no flaky CI), and the count bounds the time. On failure CsCheck shrinks the case and prints the seed.
/// </summary>
public static class PropertyCheck
{
    public const int DefaultCases = 300;

    public static void Run<T>(Gen<T> gen, Action<T> assert, int cases = DefaultCases, ulong firstSeed = 20261126)
    {
        for (var i = 0UL; i < (ulong)cases; i++)
        {
            gen.Sample(assert, seed: new PCG(1, firstSeed + i).ToString(), iter: 1, threads: 1);
        }
    }
}
