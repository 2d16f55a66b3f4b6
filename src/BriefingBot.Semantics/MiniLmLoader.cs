using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics;

/// <summary>Loads the bundled all-MiniLM-L6-v2.</summary>
public sealed class MiniLmLoader : IEmbedderLoader
{
    public ITextEmbedder Load(string cacheFolder, CancellationToken cancellationToken) => new MiniLmEmbedder();
}
