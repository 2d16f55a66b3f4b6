using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Semantics;

namespace BriefingBot.Benchmarks.Semantic;

/// <summary>
/// The bot's embedder and vector cache for measurements: the cache lives in BRIEFINGBOT_VECTOR_CACHE or
/// ~/.cache/briefingbot, so a collection is embedded once and every later run starts warm, as a restarted bot does.
/// </summary>
public static class BenchEmbeddings
{
    public static string CacheFolder =>
        Environment.GetEnvironmentVariable("BRIEFINGBOT_VECTOR_CACHE") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "briefingbot");

    /// <summary>
    /// What the bot runs by default: float sentences, questions through the mixed-int8 copy
    /// (<c>Answers:QuantizedQuestions</c>). BRIEFINGBOT_MODEL=float sends questions through the float model too;
    /// BRIEFINGBOT_MODEL=int8 measures the all-int8 model (<c>Answers:QuantizedModel</c>); int8-questions keeps
    /// sentences float and sends questions through the all-int8 model.
    /// </summary>
    public static ModelPrecision Precision => Model is "int8" ? ModelPrecision.Int8 : ModelPrecision.Float;

    /// <summary>The question encoder's precision under the same switch.</summary>
    public static ModelPrecision QuestionPrecision => Model switch
    {
        "int8" or "int8-questions" => ModelPrecision.Int8,
        "float" => ModelPrecision.Float,
        _ => ModelPrecision.MixedInt8,
    };

    private static string? Model => Environment.GetEnvironmentVariable("BRIEFINGBOT_MODEL");

    public static SentenceEmbeddings Open(out MiniLmEmbedder embedder)
    {
        embedder = new MiniLmEmbedder(precision: Precision);
        var embeddings = new SentenceEmbeddings(embedder, EmbeddingCache.Open(CacheFolder, embedder));
        if (QuestionPrecision != Precision)
        {
            embeddings.UseQuestionEncoder(new MiniLmEmbedder(precision: QuestionPrecision));
        }

        return embeddings;
    }

    /// <summary>Embeds whatever the cache lacks, on <paramref name="workers"/> threads, logging progress.</summary>
    public static void Warm(SentenceEmbeddings embeddings, SearchIndex index, int workers, Action<string> log, CancellationToken cancellationToken)
    {
        var vectors = embeddings.VectorsFor(index);
        var missing = vectors.Count - vectors.Filled;
        log($"vectors: {vectors.Filled} of {vectors.Count} (sentences and titles) from the cache, {missing} to embed");
        if (missing == 0)
        {
            return;
        }

        var started = DateTime.UtcNow;
        var ids = Enumerable.Range(0, vectors.Count).Where(id => !vectors.Has(id)).ToArray();
        var done = 0;
        Parallel.ForEach(
            ids.Chunk(64),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            chunk =>
            {
                embeddings.EmbedNow(index, chunk, chunk.Length, cancellationToken);
                var now = Interlocked.Add(ref done, chunk.Length);
                if (now / 2000 != (now - chunk.Length) / 2000)
                {
                    log($"embedded {now} of {ids.Length} ({now / Math.Max(1, (DateTime.UtcNow - started).TotalSeconds):F0}/s)");
                }
            });
        embeddings.Cache.Flush();
        log($"embedded {ids.Length} sentences in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
    }
}
