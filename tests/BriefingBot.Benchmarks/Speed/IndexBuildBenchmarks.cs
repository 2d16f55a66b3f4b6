using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>Index build time and allocations for the same corpus as <see cref="EngineBenchmarks"/>; a few cold runs suffice.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<Article> _articles = [];

    [GlobalSetup]
    public void Setup() =>
        _articles = CorpusLoader.Load("scale", BenchSize.Articles, CancellationToken.None).Articles;

    [Benchmark]
    public SearchIndex Build() => SearchIndex.Build(_articles);
}
