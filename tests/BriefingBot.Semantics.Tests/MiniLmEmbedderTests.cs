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
    [InlineData(ModelPrecision.Float)]
    [InlineData(ModelPrecision.Int8)]
    [InlineData(ModelPrecision.MixedInt8)]
    public void Paraphrase_IsCloserThanAnUnrelatedSentence(ModelPrecision precision)
    {
        using var embedder = new MiniLmEmbedder(precision: precision);
        var vectors = embedder.Embed(Texts[..3]);

        Assert.Equal(384, embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => x * (double)x)), 3));
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]) + 0.1);
    }

    [Theory]
    [InlineData(ModelPrecision.Float, 0.9999)]
    [InlineData(ModelPrecision.Int8, 0.99999)] // int8 runs one text at a time, so padding never moves its activations' scale
    [InlineData(ModelPrecision.MixedInt8, 0.99999)]
    public void Batches_GiveTheSameVectorsAsOneTextAtATime(ModelPrecision precision, double atLeast)
    {
        using var embedder = new MiniLmEmbedder(precision: precision);

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

    [Fact]
    public void MixedInt8Model_StaysCloserToTheFloatModelThanAllInt8()
    {
        using var float32 = new MiniLmEmbedder();
        using var int8 = new MiniLmEmbedder(precision: ModelPrecision.Int8);
        using var mixed = new MiniLmEmbedder(precision: ModelPrecision.MixedInt8);

        var exact = float32.Embed(Texts);
        var allInt8 = int8.Embed(Texts);
        var mostlyInt8 = mixed.Embed(Texts);

        Assert.Equal(3, new[] { float32.ModelId, int8.ModelId, mixed.ModelId }.Distinct().Count());
        var int8Distance = Enumerable.Range(0, Texts.Length).Sum(i => 1 - Dot(exact[i], allInt8[i]));
        var mixedDistance = Enumerable.Range(0, Texts.Length).Sum(i => 1 - Dot(exact[i], mostlyInt8[i]));
        Assert.True(mixedDistance < int8Distance, $"mixed {mixedDistance:F5} against all-int8 {int8Distance:F5} (summed 1 - cosine)");
        Assert.All(Enumerable.Range(0, Texts.Length), i => Assert.True(Dot(exact[i], mostlyInt8[i]) > 0.99, $"text {i}: cosine {Dot(exact[i], mostlyInt8[i]):F4}"));
    }

    [Theory]
    [InlineData(true, false, ModelPrecision.MixedInt8)]
    [InlineData(false, false, null)]
    [InlineData(true, true, null)] // all-int8 already: questions go through the sentence model
    public void Loader_OffersAQuestionEncoder_OnlyBesideTheFloatModel(bool quantizedQuestions, bool quantizedModel, ModelPrecision? expected)
    {
        var loader = new MiniLmLoader(Options.Create(new SemanticAnswerOptions { QuantizedQuestions = quantizedQuestions, QuantizedModel = quantizedModel }));

        using var encoder = (MiniLmEmbedder?)loader.LoadQuestionEncoder(Path.GetTempPath(), CancellationToken.None);

        Assert.Equal(expected, encoder?.Precision);
    }

    private static MiniLmEmbedder Load(bool quantized) =>
        (MiniLmEmbedder)new MiniLmLoader(Options.Create(new SemanticAnswerOptions { QuantizedModel = quantized })).Load(Path.GetTempPath(), CancellationToken.None);

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
