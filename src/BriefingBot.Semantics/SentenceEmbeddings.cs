using System.Runtime.CompilerServices;
using BriefingBot.Core.Retrieval;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics;

/// <summary>
/// Vectors for each index's sentences, filled from the on-disk cache when the index is first seen, then by
/// <see cref="EmbedMissing"/> in the background and <see cref="EmbedNow"/> on the request path; every new vector goes
/// back to the cache.
/// </summary>
public sealed class SentenceEmbeddings(ITextEmbedder embedder, EmbeddingCache cache) : ISentenceEmbeddings
{
    private readonly ConditionalWeakTable<SearchIndex, IndexVectors> _vectors = [];
    private readonly Lock _filling = new();

    public bool IsAvailable => true;

    public ITextEmbedder Embedder => embedder;

    public EmbeddingCache Cache => cache;

    public float[]? EmbedQuery(string text, CancellationToken cancellationToken = default) =>
        embedder.Embed([text], cancellationToken)[0];

    public SentenceVectors VectorsFor(SearchIndex index) => Entry(index).Vectors;

    /// <summary>How far <paramref name="index"/> is embedded, and how much of that the cache supplied.</summary>
    public EmbeddingProgress Progress(SearchIndex index)
    {
        var entry = Entry(index);
        return new EmbeddingProgress(index.SentenceCount, entry.FromCache, entry.Vectors.Filled);
    }

    public int EmbedNow(SearchIndex index, IReadOnlyList<int> sentences, int budget, CancellationToken cancellationToken = default)
    {
        var vectors = VectorsFor(index);
        var wanted = sentences.Where(id => !vectors.Has(id)).Distinct().Take(budget).ToArray();
        if (wanted.Length == 0)
        {
            return 0;
        }

        var texts = wanted.Select(id => EmbeddingText.For(index, id)).ToArray();
        var embedded = embedder.Embed(texts, cancellationToken);
        for (var i = 0; i < wanted.Length; i++)
        {
            vectors.Set(wanted[i], embedded[i]);
            cache.Add(texts[i], vectors, wanted[i]);
        }

        return wanted.Length;
    }

    /// <summary>
    /// Embeds every sentence of <paramref name="index"/> that has no vector, <paramref name="batch"/> at a time,
    /// reporting progress after each batch. Cancelling stops between batches; what was embedded stays.
    /// </summary>
    public void EmbedMissing(SearchIndex index, int batch, Action<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var entry = Entry(index);
        var vectors = entry.Vectors;
        var pending = new List<int>(batch);
        for (var id = 0; id < index.SentenceCount; id++)
        {
            if (vectors.Has(id))
            {
                continue;
            }

            pending.Add(id);
            if (pending.Count == batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                EmbedNow(index, pending, batch, cancellationToken);
                pending.Clear();
                progress?.Invoke(new EmbeddingProgress(index.SentenceCount, entry.FromCache, vectors.Filled));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        EmbedNow(index, pending, batch, cancellationToken);
        cache.Flush();
        progress?.Invoke(new EmbeddingProgress(index.SentenceCount, entry.FromCache, vectors.Filled));
    }

    private IndexVectors Entry(SearchIndex index)
    {
        if (_vectors.TryGetValue(index, out var entry))
        {
            return entry;
        }

        // One fill per index: a question arriving while the background worker reads the cache for a new snapshot
        // waits for that fill instead of hashing every sentence a second time.
        lock (_filling)
        {
            return _vectors.GetValue(index, Fill);
        }
    }

    private IndexVectors Fill(SearchIndex index)
    {
        var vectors = new SentenceVectors(index.SentenceCount, embedder.Dimensions);
        var fromCache = 0;
        for (var id = 0; id < index.SentenceCount; id++)
        {
            if (cache.TryFill(EmbeddingText.For(index, id), vectors, id))
            {
                fromCache++;
            }
        }

        return new IndexVectors(vectors, fromCache);
    }

    private sealed record IndexVectors(SentenceVectors Vectors, int FromCache);
}
