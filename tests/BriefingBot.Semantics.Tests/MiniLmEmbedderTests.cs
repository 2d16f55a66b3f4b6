using System.Diagnostics;
using Xunit.Abstractions;

namespace BriefingBot.Semantics.Tests;

/// <summary>The real model, loaded once for the class (about a second): it loads from the package and means something.</summary>
public sealed class MiniLmEmbedderTests(ITestOutputHelper output) : IClassFixture<MiniLmEmbedderTests.Model>
{
    [Fact]
    public void Paraphrase_IsCloserThanAnUnrelatedSentence()
    {
        var embedder = new MiniLmLoader().Load(Path.GetTempPath(), CancellationToken.None);
        var vectors = embedder.Embed(["What was the final vote on the flood wall?", "The final vote was seven to four.", "Rain is expected on Tuesday."]);

        Assert.Equal(384, embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => x * (double)x)), 3));
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]) + 0.1);
        (embedder as IDisposable)?.Dispose();
    }

    [Fact]
    public void Loading_TakesAboutASecond()
    {
        var watch = Stopwatch.StartNew();
        using var embedder = (MiniLmEmbedder)new MiniLmLoader().Load(Path.GetTempPath(), CancellationToken.None);
        var loaded = watch.Elapsed;
        embedder.Embed(["warm-up"]);
        output.WriteLine($"load {loaded.TotalMilliseconds:F0} ms, first call {(watch.Elapsed - loaded).TotalMilliseconds:F0} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    /// <summary>Loads the native runtime once so the timed test measures the model, not the first P/Invoke.</summary>
    public sealed class Model : IDisposable
    {
        private readonly MiniLmEmbedder _embedder = new();

        public void Dispose() => _embedder.Dispose();
    }
}
