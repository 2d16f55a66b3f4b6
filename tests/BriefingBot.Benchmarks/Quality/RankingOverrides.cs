using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Core.Retrieval.Ranking;

namespace BriefingBot.Benchmarks.Quality;

/// <summary>
/// <c>--set Name=value</c> (repeatable) overrides <see cref="RankingOptions"/> for one evaluation run, so a weight can
/// be tried against the numbers without a rebuild. The defaults stay the tuned values in RankingOptions itself.
/// </summary>
public static class RankingOverrides
{
    public static RankingOptions Apply(IReadOnlyList<string> args)
    {
        var settings = new List<(string Name, string Value)>();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "--set" && args[i + 1].Split('=', 2) is [var name, var value])
            {
                settings.Add((name, value));
            }
        }

        if (settings.Count == 0)
        {
            return RankingOptions.Default;
        }

        var node = JsonSerializer.SerializeToNode(RankingOptions.Default)!.AsObject();
        foreach (var (name, value) in settings)
        {
            if (!node.ContainsKey(name))
            {
                throw new ArgumentException($"RankingOptions has no '{name}'", nameof(args));
            }

            node[name] = JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
        }

        return node.Deserialize<RankingOptions>()!;
    }
}
