using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Benchmarks.Semantic;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Testing;

namespace BriefingBot.Benchmarks.Quality;

/// <summary>
/// <c>--eval stories</c>: how well the digest's "same story" test separates pairs of BBC articles, by words (tf-idf of
/// title and lead), by meaning (title-and-lead vectors) and by the two combined as the grouper combines them, at a
/// range of thresholds ("current" is the grouper's own; for meaning alone, its best precision-recall balance). Positives: exact duplicates,
/// near copies (half or more of the body's five-word shingles shared) and the pairs labelled "same" in
/// tests/data/stories/bbc-pairs.tsv (one event, other words). Negatives: the pairs labelled "different" there (one
/// topic, two stories, chosen among the most similar pairs) and a fixed random sample of same-category pairs.
/// <c>--dump FILE</c> writes the unlabelled similar pairs, for labelling.
/// </summary>
public static class StoryGroupingRunner
{
    private const int RandomNegatives = 3000;

    private const double NearCopyJaccard = 0.5;

    public static JsonObject Run(string? dump, Action<string> log, CancellationToken cancellationToken)
    {
        var articles = CorpusLoader.Load("bbc", 0, cancellationToken).Articles;
        var index = SearchIndex.Build(articles);
        var embeddings = BenchEmbeddings.Open(out var embedder);
        using (embedder)
        {
            var vectors = embeddings.VectorsFor(index);
            var missing = Enumerable.Range(0, articles.Count).SelectMany(a => StoryGrouper.LeadSlots(index, a)).Where(s => !vectors.Has(s)).ToArray();
            log($"stories: {articles.Count} articles, {missing.Length} title/lead vectors to embed");
            Parallel.ForEach(
                missing.Chunk(64),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                chunk => embeddings.EmbedNow(index, chunk, chunk.Length, cancellationToken));
            embeddings.Cache.Flush();

            var meaning = StoryGrouper.LeadVectors(index, articles, embeddings, 0, cancellationToken);
            var words = articles.Select(a => StoryGrouper.Vector(index, a)).ToArray();
            var pairs = Pairs(articles, meaning, words, log);
            if (dump is not null)
            {
                Dump(dump, articles, index, pairs);
                log($"unlabelled similar pairs written to {dump}");
            }

            return Report(pairs, log);
        }
    }

    private static List<Pair> Pairs(IReadOnlyList<Article> articles, float[]?[] meaning, Dictionary<string, double>[] words, Action<string> log)
    {
        var bodies = articles.Select(a => string.Join(' ', a.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray();
        var position = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // A label holds for every copy of its two articles: the collection repeats 98 bodies.
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var canonical = bodies.Select((body, i) => first.TryAdd(body, i) ? i : first[body]).ToArray();
        var labels = LoadLabels(position, canonical);
        var shingles = new Dictionary<int, HashSet<string>>();
        HashSet<string> ShinglesOf(int i)
        {
            if (!shingles.TryGetValue(i, out var set))
            {
                var tokens = bodies[i].ToLowerInvariant().Split(' ');
                set = Enumerable.Range(0, Math.Max(1, tokens.Length - 4)).Select(k => string.Join(' ', tokens.Skip(k).Take(5))).ToHashSet(StringComparer.Ordinal);
                shingles[i] = set;
            }

            return set;
        }

        var pairs = new List<Pair>();
        var random = new Random(7);
        var sampled = new HashSet<(int, int)>();
        while (sampled.Count < RandomNegatives)
        {
            var a = random.Next(articles.Count);
            var b = random.Next(articles.Count);
            if (a != b && Topic(articles[a]) == Topic(articles[b]))
            {
                sampled.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        for (var a = 0; a < articles.Count; a++)
        {
            for (var b = a + 1; b < articles.Count; b++)
            {
                var m = meaning[a] is { } x && meaning[b] is { } y ? StoryGrouper.Dot(x, y) : 0;
                var w = StoryGrouper.Cosine(words[a], words[b]);
                var inBand = m >= 0.6 || w >= 0.3;
                var key = (Math.Min(canonical[a], canonical[b]), Math.Max(canonical[a], canonical[b]));
                var labelled = labels.TryGetValue(key, out var label);
                if (!inBand && !labelled && !sampled.Contains((a, b)) && bodies[a] != bodies[b])
                {
                    continue;
                }

                string kind;
                if (bodies[a] == bodies[b])
                {
                    kind = "duplicate";
                }
                else if (inBand && Jaccard(ShinglesOf(a), ShinglesOf(b)) >= NearCopyJaccard)
                {
                    kind = "near-copy";
                }
                else if (labelled)
                {
                    kind = label!;
                }
                else if (sampled.Contains((a, b)))
                {
                    kind = "random";
                }
                else
                {
                    kind = canonical[a] == a && canonical[b] == b ? "unlabelled" : "unlabelled-copy";
                }

                pairs.Add(new Pair(a, b, m, w, kind));
            }
        }

        log($"pairs: {string.Join(", ", pairs.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
        return pairs;
    }

    private static string Topic(Article article) => article.Tags.Count > 0 ? article.Tags[0] : string.Empty;

    private static Dictionary<(int, int), string> LoadLabels(Dictionary<string, int> position, int[] canonical)
    {
        var labels = new Dictionary<(int, int), string>();
        var path = Path.Combine(RepositoryPaths.Root, "tests", "data", "stories", "bbc-pairs.tsv");
        if (!File.Exists(path))
        {
            return labels;
        }

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var fields = line.Split('\t');
            var (a, b) = (canonical[position[fields[0]]], canonical[position[fields[1]]]);
            labels[(Math.Min(a, b), Math.Max(a, b))] = fields[2] == "same" ? "same-event" : "same-topic";
        }

        return labels;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        return (double)shared / Math.Max(1, a.Count + b.Count - shared);
    }

    private static JsonObject Report(List<Pair> pairs, Action<string> log)
    {
        var judged = pairs.Where(p => !p.Kind.StartsWith("unlabelled", StringComparison.Ordinal)).ToArray();
        var json = new JsonObject
        {
            ["evaluation"] = "stories: same-story pairs among BBC News (2,225): duplicates, near copies and labelled same-event pairs against labelled same-topic pairs and random same-category pairs",
            ["pairs"] = new JsonObject(judged.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
        };
        foreach (var (name, score, current) in new (string, Func<Pair, double>, double)[]
        {
            ("combined", p => StoryGrouper.Combined(p.Meaning, p.Words), StoryGrouper.SameStoryMeaningThreshold),
            ("meaning", p => p.Meaning, 0.825),
            ("words", p => p.Words, StoryGrouper.SameStoryThreshold),
        })
        {
            var rows = new JsonArray();
            for (var t = 0.3; t <= 0.951; t += 0.025)
            {
                rows.Add(Row(judged, score, Math.Round(t, 3)));
            }

            json[name] = new JsonObject { ["current"] = Row(judged, score, current), ["thresholds"] = rows };
            log($"{name} at {current}: {json[name]!["current"]!.ToJsonString()}");
        }

        return json;
    }

    private static JsonObject Row(Pair[] judged, Func<Pair, double> score, double threshold)
    {
        static bool Positive(Pair p) => p.Kind is "duplicate" or "near-copy" or "same-event";
        var tp = judged.Count(p => Positive(p) && score(p) >= threshold);
        var fp = judged.Count(p => !Positive(p) && score(p) >= threshold);
        var fn = judged.Count(p => Positive(p) && score(p) < threshold);
        var row = new JsonObject
        {
            ["threshold"] = threshold,
            ["precision"] = Math.Round((double)tp / Math.Max(1, tp + fp), 3),
            ["recall"] = Math.Round((double)tp / Math.Max(1, tp + fn), 3),
            ["falsePositives"] = fp,
        };
        foreach (var kind in new[] { "near-copy", "same-event", "same-topic", "random" })
        {
            var of = judged.Where(p => p.Kind == kind).ToArray();
            row[kind] = $"{of.Count(p => score(p) >= threshold)}/{of.Length}";
        }

        return row;
    }

    private static void Dump(string path, IReadOnlyList<Article> articles, SearchIndex index, List<Pair> pairs)
    {
        string Lead(int a)
        {
            var (first, end) = (index.FirstSentence[a], index.FirstSentence[a + 1]);
            return first < end ? index.SentenceText(first) : string.Empty;
        }

        var text = new StringBuilder();
        foreach (var p in pairs.Where(p => p.Kind == "unlabelled").OrderByDescending(p => Math.Max(p.Meaning, p.Words)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{articles[p.A].Id}\t{articles[p.B].Id}\t{p.Meaning:F3}\t{p.Words:F3}\n");
            text.Append(CultureInfo.InvariantCulture, $"  A: {articles[p.A].Title} | {Lead(p.A)}\n");
            text.Append(CultureInfo.InvariantCulture, $"  B: {articles[p.B].Title} | {Lead(p.B)}\n");
        }

        File.WriteAllText(path, text.ToString());
        File.WriteAllLines(Path.ChangeExtension(path, ".judged.tsv"), pairs
            .Where(p => !p.Kind.StartsWith("unlabelled", StringComparison.Ordinal))
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{articles[p.A].Id}\t{articles[p.B].Id}\t{p.Kind}\t{p.Meaning:F4}\t{p.Words:F4}")));
    }

    private sealed record Pair(int A, int B, double Meaning, double Words, string Kind);
}
