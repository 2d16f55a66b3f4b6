using BriefingBot.Core.Retrieval.Ranking;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>What the quick run measures: the corpus, how many queries, and how much of the slow FuzzySharp scan is timed.</summary>
public sealed record QuickRunOptions(string Corpus, int Articles)
{
    public int Queries { get; init; } = 400;

    public int FuzzyMaxQueries { get; init; } = 8;

    /// <summary>Sentences each sampled FuzzySharp query scans; beyond it the time is extrapolated (see QuickRun).</summary>
    public int FuzzySlice { get; init; } = 10_000;

    public bool SkipPeers { get; init; }

    /// <summary>Also measure the full engine with meaning (<c>--semantic</c>); see <see cref="SemanticRun"/>.</summary>
    public bool Semantic { get; init; }

    /// <summary>How vectors the cache lacks are filled before timing: <c>embed</c> or <c>random</c> (see <see cref="SemanticRun"/>).</summary>
    public string Fill { get; init; } = "embed";

    /// <summary>Ranking used for ask/search (defaults unless --set overrides a knob).</summary>
    public RankingOptions Ranking { get; init; } = RankingOptions.Default;
}
