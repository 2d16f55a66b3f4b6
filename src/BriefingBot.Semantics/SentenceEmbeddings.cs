using System.Runtime.CompilerServices;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics;

/// <summary>
/// Vectors for each index's sentences and titles (slots as <see cref="EmbeddingText"/> lays them out). The request
/// path never scans a whole index's sentences: titles are taken from the cache when an index is first seen (one per
/// article, so cheap, and every question compares itself with all of them), and <see cref="EmbedNow"/> takes a
/// question's candidates from the on-disk cache, and embeds only those the cache lacks, within a budget. The
/// background worker scans the whole index once (<see cref="Progress"/>), then embeds what is missing
/// (<see cref="EmbedMissing"/>). Every new vector goes back to the cache.
/// </summary>
/// <remarks>
/// Looking a sentence up in the cache means hashing its text; over 40,000 sentences that is a fifth of a second of
/// CPU, over two million, seconds. A one-shot CLI call needs a few hundred of them, so it should hash no more.
/// </remarks>
public sealed class SentenceEmbeddings(ITextEmbedder embedder, EmbeddingCache cache) : ISentenceEmbeddings
{
    private const int MaxRememberedQueries = 10_000;

    private readonly ConditionalWeakTable<SearchIndex, IndexVectors> _vectors = [];
    private QuestionVectors _questions = new(embedder);

    public bool IsAvailable => true;

    /// <summary>The model of every sentence and title vector (and of the cache).</summary>
    public ITextEmbedder Embedder => embedder;

    /// <summary>The model questions go through: <see cref="Embedder"/> unless <see cref="UseQuestionEncoder"/> swapped in another.</summary>
    public ITextEmbedder QuestionEncoder => Volatile.Read(ref _questions).Encoder;

    public EmbeddingCache Cache => cache;

    /// <summary>
    /// A question's vector, remembered by text: the same question comes back with every "More answers" press and from
    /// every member who asks it, and encoding one is most of what meaning costs a question.
    /// </summary>
    public float[] EmbedQuery(string text, CancellationToken cancellationToken = default)
    {
        var questions = Volatile.Read(ref _questions);
        if (questions.Remembered.TryGetValue(text, out var known))
        {
            return known;
        }

        var vector = questions.Encoder.Embed([text], cancellationToken)[0];
        if (questions.Remembered.Count >= MaxRememberedQueries)
        {
            questions.Remembered.Clear(); // bounded: a full memory starts afresh rather than tracking recency on every hit
        }

        questions.Remembered.TryAdd(text, vector);
        return vector;
    }

    /// <summary>
    /// Sends questions through <paramref name="encoder"/> from now on: a faster model whose vectors live in the same
    /// space as <see cref="Embedder"/>'s. Questions remembered from the previous encoder are forgotten with it, so
    /// every question is answered by one encoder's vector whatever was asked before.
    /// </summary>
    public void UseQuestionEncoder(ITextEmbedder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (encoder.Dimensions != embedder.Dimensions)
        {
            throw new ArgumentException($"A question encoder of {encoder.Dimensions} dimensions cannot be compared with sentence vectors of {embedder.Dimensions}.", nameof(encoder));
        }

        Volatile.Write(ref _questions, new QuestionVectors(encoder));
    }

    /// <summary>The vectors of <paramref name="index"/> so far; cached ones arrive as they are asked for or scanned.</summary>
    public SentenceVectors VectorsFor(SearchIndex index) => Entry(index).Vectors;

    /// <summary>
    /// How far <paramref name="index"/> is embedded, and how much of it the cache supplied. The first call scans the
    /// whole index for cached vectors (once per index; callers meanwhile wait for that scan).
    /// </summary>
    public EmbeddingProgress Progress(SearchIndex index)
    {
        var entry = Entry(index);
        lock (entry)
        {
            if (entry.FromCache < 0)
            {
                var fromCache = 0;
                for (var id = 0; id < entry.Vectors.Count; id++)
                {
                    if (entry.Vectors.Has(id) || cache.TryFill(EmbeddingText.For(index, id), entry.Vectors, id))
                    {
                        fromCache++;
                    }
                }

                entry.FromCache = fromCache;
            }

            return new EmbeddingProgress(entry.Vectors.Count, entry.FromCache, entry.Vectors.Filled);
        }
    }

    /// <summary>
    /// Gives <paramref name="sentences"/> vectors: from the cache when it has them, else by embedding at most
    /// <paramref name="budget"/> of them now. Returns how many were embedded.
    /// </summary>
    public int EmbedNow(SearchIndex index, IReadOnlyList<int> sentences, int budget, CancellationToken cancellationToken = default)
    {
        var vectors = VectorsFor(index);
        var wanted = new List<int>(Math.Min(budget, sentences.Count));
        var texts = new List<string>(wanted.Capacity);
        foreach (var id in sentences)
        {
            if (wanted.Count >= budget)
            {
                break;
            }

            if (vectors.Has(id))
            {
                continue;
            }

            var text = EmbeddingText.For(index, id);
            if (!cache.TryFill(text, vectors, id) && !wanted.Contains(id))
            {
                wanted.Add(id);
                texts.Add(text);
            }
        }

        if (wanted.Count == 0)
        {
            return 0;
        }

        var embedded = embedder.Embed(texts, cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
        {
            vectors.Set(wanted[i], embedded[i]);
            cache.Add(texts[i], vectors, wanted[i]);
        }

        return wanted.Count;
    }

    /// <summary>
    /// Embeds every slot of <paramref name="index"/> (sentences, then titles) that has no vector, <paramref name="batch"/> at a time,
    /// reporting progress after each batch. Cancelling stops between batches; what was embedded stays.
    /// </summary>
    public void EmbedMissing(SearchIndex index, int batch, Action<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var fromCache = Progress(index).FromCache;
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
                cancellationToken.ThrowIfCancellationRequested();
                EmbedNow(index, pending, batch, cancellationToken);
                pending.Clear();
                progress?.Invoke(new EmbeddingProgress(vectors.Count, fromCache, vectors.Filled));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        EmbedNow(index, pending, batch, cancellationToken);
        cache.Flush();
        progress?.Invoke(new EmbeddingProgress(vectors.Count, fromCache, vectors.Filled));
    }

    private IndexVectors Entry(SearchIndex index) =>
        _vectors.GetValue(index, i =>
        {
            var vectors = new SentenceVectors(EmbeddingText.Slots(i), embedder.Dimensions);
            for (var slot = i.SentenceCount; slot < vectors.Count; slot++)
            {
                cache.TryFill(EmbeddingText.For(i, slot), vectors, slot);
            }

            return new IndexVectors(vectors);
        });

    private sealed class QuestionVectors(ITextEmbedder encoder)
    {
        public ITextEmbedder Encoder { get; } = encoder;

        public System.Collections.Concurrent.ConcurrentDictionary<string, float[]> Remembered { get; } = new(StringComparer.Ordinal);
    }

    private sealed class IndexVectors(SentenceVectors vectors)
    {
        public SentenceVectors Vectors { get; } = vectors;

        /// <summary>Sentences the whole-index scan found cached; -1 until that scan ran.</summary>
        public int FromCache { get; set; } = -1;
    }
}
