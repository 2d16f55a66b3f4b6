namespace BriefingBot.Core.Semantics;

/// <summary>
/// Turns texts into unit-length vectors whose dot product measures closeness of meaning. Implementations must be
/// safe to call from several threads at once: questions are embedded on the request path while a background worker
/// embeds the collection.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and its settings; cached vectors are only reused under the same id.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One unit vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
