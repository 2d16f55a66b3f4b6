using System.Globalization;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// What a <c>--load</c> run does. Public interface (README "Reliability"):
/// <c>--load http|gateway [--rate 200] [--seconds 60] [--reload-every 10] [--corpus bbc|seeds] [--compete]
/// [--instances 1] [--storage sqlite|postgres] [--warmup 0] [--json]</c>. More than one instance means HTTP mode behind a
/// round-robin proxy, with the state on a throwaway PostgreSQL server.
/// </summary>
public sealed record LoadOptions(string Mode, int Rate, int Seconds, int ReloadEverySeconds, string Corpus, bool Compete)
{
    public bool Http => Mode == "http";

    public int Instances { get; init; } = 1;

    public string Storage { get; init; } = "sqlite";

    /// <summary>
    /// Seconds of the same load sent before the measured run, reported on their own (<c>warmup</c>): a fresh process
    /// spends its first seconds compiling its hot code, which a bot that has been up for a while does not.
    /// </summary>
    public int WarmupSeconds { get; init; }

    public bool Postgres => Storage == "postgres";

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
        }

        int Number(string name, int fallback, int min, int max)
        {
            if (Value(name) is not { } text)
            {
                return fallback;
            }

            var value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return value >= min && value <= max ? value : throw new ArgumentException($"{name} must be between {min} and {max}.");
        }

        var mode = Value("--load") ?? throw new ArgumentException("--load needs a mode: http or gateway.");
        if (mode is not ("http" or "gateway"))
        {
            throw new ArgumentException($"--load {mode}: the mode is http or gateway.");
        }

        var corpus = Value("--corpus") ?? "bbc";
        if (corpus is not ("bbc" or "seeds"))
        {
            throw new ArgumentException($"--corpus {corpus}: a load run uses bbc or seeds.");
        }

        var instances = Number("--instances", 1, 1, 8);
        var storage = Value("--storage") ?? (instances > 1 ? "postgres" : "sqlite");
        if (storage is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--storage {storage}: the provider is sqlite or postgres.");
        }

        if (instances > 1 && (mode != "http" || storage != "postgres"))
        {
            throw new ArgumentException("--instances above 1 needs --load http and --storage postgres (instances share state through the database).");
        }

        return new LoadOptions(
            mode,
            Number("--rate", 200, 1, 5000),
            Number("--seconds", 60, 1, 3600),
            Number("--reload-every", 10, 0, 3600),
            corpus,
            args.Contains("--compete"))
        {
            Instances = instances,
            Storage = storage,
            WarmupSeconds = Number("--warmup", 0, 0, 600),
        };
    }
}
