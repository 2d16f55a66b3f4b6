using System.Diagnostics;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Benchmarks.Semantic;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Semantics;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>
/// The meaning half of the quick run (<c>--quick --semantic</c>): model load time, embedding throughput on one
/// core, question encoding, how much of the corpus the vector cache already holds, then ask latency and top-1 of the
/// full engine with every vector present (a warm bot), vector memory and the process peak.
/// </summary>
/// <remarks>
/// <c>--fill embed</c> (default) embeds what the cache lacks, on every core, before timing: honest but slow for a
/// corpus never seen (hundreds of thousands of sentences at a few hundred a second). <c>--fill random</c> fills the
/// missing slots with random unit vectors instead: the work per question is identical (the same dot products over the
/// same candidates), so latency and memory still hold, but top-1 then means nothing and is not reported.
/// </remarks>
public static class SemanticRun
{
    public static void Run(JsonObject json, SearchIndex index, IReadOnlyList<BenchQuery> queries, RankingOptions ranking, string fill, Action<string> log, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var embedder = new MiniLmEmbedder(precision: BenchEmbeddings.Precision);
        json["modelLoadMs"] = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1);
        using var cache = EmbeddingCache.Open(BenchEmbeddings.CacheFolder, embedder);
        var embeddings = new SentenceEmbeddings(embedder, cache);
        stopwatch.Restart();
        using var questionEncoder = BenchEmbeddings.QuestionPrecision == BenchEmbeddings.Precision ? null : new MiniLmEmbedder(precision: BenchEmbeddings.QuestionPrecision);
        if (questionEncoder is not null)
        {
            embeddings.UseQuestionEncoder(questionEncoder);
            json["questionModelLoadMs"] = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1);
        }

        json["questionModel"] = embeddings.QuestionEncoder.ModelId;

        var sample = Enumerable.Range(0, Math.Min(500, index.SentenceCount)).Select(i => index.SentenceText(i * Math.Max(1, index.SentenceCount / 500) % index.SentenceCount)).ToArray();
        stopwatch.Restart();
        embedder.Embed(sample, cancellationToken);
        json["embedSentencesPerSecondOneCore"] = Math.Round(sample.Length / stopwatch.Elapsed.TotalSeconds, 1);

        var encode = new Latencies();
        foreach (var query in queries.Take(100))
        {
            encode.Time(() => embeddings.QuestionEncoder.Embed([query.Text], cancellationToken));
        }

        json["questionEncodeMedianMs"] = encode.Median;
        json["cacheBytesPer1000Sentences"] = cache.RecordSize * 1000;

        stopwatch.Restart();
        var vectors = embeddings.VectorsFor(index);
        json["cacheFillSeconds"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 2);
        json["vectorSlots"] = vectors.Count;
        json["vectorsFromCache"] = vectors.Filled;
        log($"vectors: {vectors.Filled} of {vectors.Count} from the cache in {stopwatch.Elapsed.TotalSeconds:F1} s; filling the rest by '{fill}'");

        var synthetic = vectors.Count - vectors.Filled;
        if (fill == "random")
        {
            var random = new Random(17);
            var vector = new float[embedder.Dimensions];
            for (var slot = 0; slot < vectors.Count; slot++)
            {
                if (!vectors.Has(slot))
                {
                    RandomUnit(random, vector);
                    vectors.Set(slot, vector);
                }
            }
        }
        else
        {
            synthetic = 0;
            BenchEmbeddings.Warm(embeddings, index, Environment.ProcessorCount, log, cancellationToken);
        }

        json["vectorsSynthetic"] = synthetic;
        json["vectorBytes"] = vectors.Bytes;

        var hybrid = new HybridRanker(embeddings, SemanticOptions.Default, ranking);
        var answerer = new QuestionAnswerer(AnswerOptions.Default, ranking, hybrid);
        foreach (var query in queries.Take(50))
        {
            answerer.Answer(index, query.Text);
        }

        var ask = new Latencies();
        var hits = 0;
        foreach (var query in queries)
        {
            var result = ask.Time(() => answerer.Answer(index, query.Text));
            hits += result.Answers.Count > 0 && result.Answers[0].Sentence == query.TargetSentence ? 1 : 0;
        }

        json["fullAskMedianMs"] = ask.Median;
        json["fullAskP99Ms"] = ask.P99;
        if (synthetic == 0)
        {
            json["fullAskTop1"] = Math.Round((double)hits / Math.Max(1, queries.Count), 4);
        }

        json["fullPeakWorkingSetBytes"] = Process.GetCurrentProcess().PeakWorkingSet64;
        log($"full engine: ask median {ask.Median} ms, p99 {ask.P99} ms");
    }

    private static void RandomUnit(Random random, float[] vector)
    {
        var sum = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
            sum += vector[i] * vector[i];
        }

        var norm = (float)Math.Sqrt(sum);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
    }
}
