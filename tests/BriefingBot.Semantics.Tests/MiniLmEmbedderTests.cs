namespace BriefingBot.Semantics.Tests;

/// <summary>The real model: it loads from the package and its vectors mean something.</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public void Paraphrase_IsCloserThanAnUnrelatedSentence()
    {
        using var embedder = (MiniLmEmbedder)new MiniLmLoader().Load(Path.GetTempPath(), CancellationToken.None);
        var vectors = embedder.Embed(["What was the final vote on the flood wall?", "The final vote was seven to four.", "Rain is expected on Tuesday."]);

        Assert.Equal(384, embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => x * (double)x)), 3));
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]) + 0.1);
    }

    [Fact]
    public void Batches_GiveTheSameVectorsAsOneTextAtATime()
    {
        using var embedder = (MiniLmEmbedder)new MiniLmLoader().Load(Path.GetTempPath(), CancellationToken.None);
        string[] texts = ["A short one.", "A much longer sentence, so that the batch needs padding for the short one.", "Mid-length text here."];

        var batched = embedder.Embed(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(Dot(batched[i], embedder.Embed([texts[i]])[0]) > 0.9999, $"text {i} changed when batched");
        }
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
