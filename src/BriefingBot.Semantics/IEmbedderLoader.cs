using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics;

/// <summary>Creates the embedding model; a seam so tests can stand in a fast fake, or one that fails to load.</summary>
public interface IEmbedderLoader
{
    /// <summary>Loads the model; <paramref name="cacheFolder"/> may hold files it prepared on an earlier run.</summary>
    ITextEmbedder Load(string cacheFolder, CancellationToken cancellationToken);

    /// <summary>A faster model for questions, whose vectors are compared with <see cref="Load"/>'s; null when there is none.</summary>
    ITextEmbedder? LoadQuestionEncoder(string cacheFolder, CancellationToken cancellationToken) => null;
}
