using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics;

/// <summary>Loads the bundled all-MiniLM-L6-v2, from its copy in the cache folder when it can make one.</summary>
public sealed class MiniLmLoader : IEmbedderLoader
{
    public ITextEmbedder Load(string cacheFolder, CancellationToken cancellationToken)
    {
        string? modelFile;
        try
        {
            modelFile = BundledModel.ExtractTo(cacheFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            modelFile = null; // a read-only folder: load from the package every time, a little slower
        }

        return new MiniLmEmbedder(modelFile: modelFile);
    }
}
