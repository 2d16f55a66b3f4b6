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
    private readonly ConditionalWeakTable<SearchIndex, SentenceVectors> _vectors = [];

    public bool IsAvailable => true;

    public ITextEmbedder Embedder => embedder;

    public EmbeddingCache Cache => cache;

    public float[]? EmbedQuery(string text, CancellationToken cancellationToken = default) =>
        embedder.Embed([text], cancellationToken)[0];

    public float[][]? EmbedQueries(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        embedder.Embed(texts, cancellationToken);

    public SentenceVectors VectorsFor(SearchIndex index) =>
        _vectors.GetValue(index, i =>
        {
            var vectors = new SentenceVectors(EmbeddingText.Slots(i), embedder.Dimensions);
            for (var id = 0; id < vectors.Count; id++)
            {
                cache.TryFill(EmbeddingText.For(i, id), vectors, id);
            }

            return vectors;
        });

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
    /// Embeds every slot of <paramref name="index"/> (sentences, then titles) that has no vector, <paramref name="batch"/> at a time,
    /// reporting the running count of filled vectors after each batch.
    /// </summary>
    public void EmbedMissing(SearchIndex index, int batch, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var vectors = VectorsFor(index);
        var pending = new List<int>(batch);
        for (var id = 0; id < vectors.Count; id++)
        {
            if (vectors.Has(id))
            {
                continue;
            }

            pending.Add(id);
            if (pending.Count == batch)
            {
                EmbedNow(index, pending, batch, cancellationToken);
                pending.Clear();
                progress?.Report(vectors.Filled);
            }
        }

        EmbedNow(index, pending, batch, cancellationToken);
        cache.Flush();
        progress?.Report(vectors.Filled);
    }
}
