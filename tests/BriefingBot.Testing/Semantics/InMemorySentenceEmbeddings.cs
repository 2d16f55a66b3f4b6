using System.Runtime.CompilerServices;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Testing.Semantics;

/// <summary>
/// Meaning for tests without the model or a disk cache: vectors from any <see cref="ITextEmbedder"/>, either all
/// embedded up front (a warm bot) or none until something embeds them on demand (a cold one).
/// </summary>
public sealed class InMemorySentenceEmbeddings(ITextEmbedder embedder, bool warm = true) : ISentenceEmbeddings
{
    private readonly ConditionalWeakTable<SearchIndex, SentenceVectors> _vectors = [];

    /// <summary>Meaning switched off or failed to load: every consumer must rank lexically.</summary>
    public static ISentenceEmbeddings Unavailable { get; } = new UnavailableEmbeddings();

    public bool IsAvailable => true;

    public ITextEmbedder Embedder => embedder;

    public float[]? EmbedQuery(string text, CancellationToken cancellationToken = default) =>
        embedder.Embed([text], cancellationToken)[0];

    public SentenceVectors? VectorsFor(SearchIndex index) =>
        _vectors.GetValue(index, i =>
        {
            var vectors = new SentenceVectors(EmbeddingText.Slots(i), embedder.Dimensions);
            if (warm && vectors.Count > 0)
            {
                var all = Enumerable.Range(0, vectors.Count).ToArray();
                Fill(i, vectors, all, CancellationToken.None);
            }

            return vectors;
        });

    public int EmbedNow(SearchIndex index, IReadOnlyList<int> sentences, int budget, CancellationToken cancellationToken = default)
    {
        var vectors = VectorsFor(index)!;
        var wanted = sentences.Where(slot => !vectors.Has(slot)).Distinct().Take(budget).ToArray();
        Fill(index, vectors, wanted, cancellationToken);
        return wanted.Length;
    }

    private void Fill(SearchIndex index, SentenceVectors vectors, int[] slots, CancellationToken cancellationToken)
    {
        if (slots.Length == 0)
        {
            return;
        }

        var embedded = embedder.Embed(slots.Select(slot => EmbeddingText.For(index, slot)).ToArray(), cancellationToken);
        for (var i = 0; i < slots.Length; i++)
        {
            vectors.Set(slots[i], embedded[i]);
        }
    }

    private sealed class UnavailableEmbeddings : ISentenceEmbeddings
    {
        public bool IsAvailable => false;

        public float[]? EmbedQuery(string text, CancellationToken cancellationToken = default) => null;

        public SentenceVectors? VectorsFor(SearchIndex index) => null;

        public int EmbedNow(SearchIndex index, IReadOnlyList<int> sentences, int budget, CancellationToken cancellationToken = default) => 0;
    }
}
