using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// Meaning vectors for questions and for the sentences of an index, however they are produced and kept. When the
/// model is off or failed to load, <see cref="IsAvailable"/> is false and ranking stays lexical.
/// </summary>
public interface ISentenceEmbeddings
{
    bool IsAvailable { get; }

    /// <summary>The unit vector of a question, or null when meaning is unavailable.</summary>
    float[]? EmbedQuery(string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// The vectors of <paramref name="index"/>'s sentences and titles so far (slots as <see cref="EmbeddingText"/> lays
    /// them out; filled from the cache, then in the background); null when unavailable.
    /// </summary>
    SentenceVectors? VectorsFor(SearchIndex index);

    /// <summary>
    /// Embeds at most <paramref name="budget"/> of the slots <paramref name="sentences"/> that have no vector yet, now, on the
    /// caller's thread: a question about an article the background worker has not reached still gets meaning for
    /// its best candidates. Returns how many were embedded.
    /// </summary>
    int EmbedNow(SearchIndex index, IReadOnlyList<int> sentences, int budget, CancellationToken cancellationToken = default);
}
