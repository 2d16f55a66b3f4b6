namespace BriefingBot.Core.Semantics;

/// <summary>How far the sentences of one snapshot are embedded.</summary>
/// <param name="Sentences">Sentences in the snapshot.</param>
/// <param name="FromCache">Sentences whose vectors came from the on-disk cache when the snapshot was first seen.</param>
/// <param name="Filled">Sentences with a vector now (from the cache, the background worker or on demand).</param>
public sealed record EmbeddingProgress(int Sentences, int FromCache, int Filled)
{
    public int Missing => Sentences - Filled;

    public bool IsComplete => Filled >= Sentences;
}
