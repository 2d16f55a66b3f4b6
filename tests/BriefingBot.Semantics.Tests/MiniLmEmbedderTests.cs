using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics.Tests;

/// <summary>The real model, float and int8: it loads from the package and its vectors mean something.</summary>
public sealed class MiniLmEmbedderTests
{
    private static readonly string[] Texts =
    [
        "What was the final vote on the flood wall?",
        "The final vote was seven to four.",
        "Rain is expected on Tuesday.",
        "A much longer sentence about the harbour council's budget, so that a batch needs padding for the short ones.",
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Paraphrase_IsCloserThanAnUnrelatedSentence(bool quantized)
    {
        using var embedder = Load(quantized);
        var vectors = embedder.Embed(Texts[..3]);

        Assert.Equal(384, embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => x * (double)x)), 3));
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]) + 0.1);
    }

    [Theory]
    [InlineData(false, 0.9999)]
    [InlineData(true, 0.99999)] // int8 runs one text at a time, so padding never moves its activations' scale
    public void Batches_GiveTheSameVectorsAsOneTextAtATime(bool quantized, double atLeast)
    {
        using var embedder = Load(quantized);

        var batched = embedder.Embed(Texts);
        for (var i = 0; i < Texts.Length; i++)
        {
            var alone = embedder.Embed([Texts[i]])[0];
            Assert.True(Dot(batched[i], alone) > atLeast, $"text {i} moved to a cosine of {Dot(batched[i], alone):F5} when batched");
        }
    }

    [Fact]
    public void Int8Model_StaysCloseToTheFloatModel_UnderItsOwnModelId()
    {
        using var float32 = Load(quantized: false);
        using var int8 = Load(quantized: true);

        var exact = float32.Embed(Texts);
        var quantized = int8.Embed(Texts);

        Assert.NotEqual(float32.ModelId, int8.ModelId);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.True(Dot(exact[i], quantized[i]) > 0.98, $"text {i}: cosine {Dot(exact[i], quantized[i]):F4} between the float and int8 vectors");
        }
    }

    private static MiniLmEmbedder Load(bool quantized) =>
        (MiniLmEmbedder)new MiniLmLoader(Options.Create(new SemanticAnswerOptions { QuantizedModel = quantized })).Load(Path.GetTempPath(), CancellationToken.None);

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
