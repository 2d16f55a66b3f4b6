using BriefingBot.Core.Semantics;
using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics;

/// <summary>
/// Loads the bundled all-MiniLM-L6-v2 (in int8 when <see cref="SemanticAnswerOptions.QuantizedModel"/> is on), and
/// its mixed-int8 copy for questions (<see cref="SemanticAnswerOptions.QuantizedQuestions"/>), each from its copy in
/// the cache folder when it can make one.
/// </summary>
public sealed class MiniLmLoader(IOptions<SemanticAnswerOptions> options) : IEmbedderLoader
{
    public ITextEmbedder Load(string cacheFolder, CancellationToken cancellationToken) =>
        Create(cacheFolder, options.Value.QuantizedModel ? ModelPrecision.Int8 : ModelPrecision.Float);

    public ITextEmbedder? LoadQuestionEncoder(string cacheFolder, CancellationToken cancellationToken) =>
        options.Value is { QuantizedQuestions: true, QuantizedModel: false } ? Create(cacheFolder, ModelPrecision.MixedInt8) : null;

    private static MiniLmEmbedder Create(string cacheFolder, ModelPrecision precision)
    {
        string? modelFile;
        try
        {
            modelFile = BundledModel.ExtractTo(cacheFolder, precision);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            modelFile = null; // a read-only folder: load from the package every time, a little slower
        }

        return new MiniLmEmbedder(modelFile: modelFile, precision: precision);
    }
}
