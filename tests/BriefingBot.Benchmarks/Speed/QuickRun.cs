using System.Diagnostics;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Benchmarks.Peers;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Retrieval.Titles;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>
/// The scripted measurement (--quick): load and index a corpus, time ask/search/autocomplete/summary over a fixed
/// query set, measure memory, rebuild under query load, then run the peers (FTS5, Lucene.Net, FuzzySharp scan) on the same
/// sentences and queries. Every figure goes into one JSON object.
/// </summary>
public static class QuickRun
{
    private const double WarmUpSeconds = 3;

    public static async Task<JsonObject> RunAsync(QuickRunOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var json = new JsonObject();

        // A tiny load before the baseline puts what the first load leaves for good (static tables such as the date
        // formats) into the baseline, so the figures below are the articles and the index alone. No flush is needed
        // after the corpus load: nothing of the load outlives it (see ArticleLoader.LoadFolderAsync).
        WarmUpLoader(cancellationToken);
        var baseline = ManagedHeap.LiveBytes();

        var corpus = CorpusLoader.Load(options.Corpus, options.Articles, cancellationToken);
        log($"loaded {corpus.Articles.Count} articles ({corpus.Description}) in {corpus.LoadSeconds:F1} s");
        var articlesOnly = ManagedHeap.LiveBytes() - baseline;

        var stopwatch = Stopwatch.StartNew();
        var index = SearchIndex.Build(corpus.Articles);
        var indexSeconds = stopwatch.Elapsed.TotalSeconds;
        log($"indexed {index.SentenceCount} sentences in {indexSeconds:F1} s");

        var queries = QuerySet.Build(index, options.Queries);
        var answerer = new QuestionAnswerer(AnswerOptions.Default, options.Ranking);
        var prefixes = TitlePrefixes(index, 300);

        // Warm-up, so the tiered JIT has promoted the hot loops (a long-running bot runs optimised code; the first
        // few hundred calls do not), and the lazily built parts (typo corrector, title lookup, vocabulary) that the
        // first typo or autocomplete pays for exist; memory below includes them.
        WarmUp(queries, query => answerer.Answer(index, query.Text));

        foreach (var prefix in prefixes)
        {
            TitleMatcher.Match(index, prefix);
        }
        var managed = ManagedHeap.LiveBytes() - baseline;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var raw = corpus.RawTextBytes;

        json["corpus"] = corpus.Name;
        json["corpusDescription"] = corpus.Description;
        json["articles"] = corpus.Articles.Count;
        json["sentences"] = index.SentenceCount;
        json["rawTextBytes"] = raw;
        json["loadSeconds"] = Math.Round(corpus.LoadSeconds, 3);
        json["indexSeconds"] = Math.Round(indexSeconds, 3);
        json["managedBytes"] = managed;
        json["managedArticleBytes"] = articlesOnly;
        json["articleStringBytes"] = corpus.Articles.Sum(StringBytes);
        json["managedIndexBytes"] = managed - articlesOnly;
        json["managedBytesPerArticle"] = corpus.Articles.Count == 0 ? 0 : managed / corpus.Articles.Count;
        json["managedToRawRatio"] = raw == 0 ? 0 : Math.Round((double)managed / raw, 3);
        json["peakWorkingSetBytes"] = peak;
        json["processManagedBytes"] = GC.GetTotalMemory(forceFullCollection: false);

        var ask = new Latencies();
        var hits = 0;
        foreach (var query in queries)
        {
            var result = ask.Time(() => answerer.Answer(index, query.Text));
            hits += result.Answers.Count > 0 && result.Answers[0].Sentence == query.TargetSentence ? 1 : 0;
        }

        // The lexical first stage alone, which is the work Lucene.Net's search does: parse the question, read the
        // postings, keep the candidates the rerank would read. Warmed up first, as every timed operation is.
        var firstStage = new Latencies();
        WarmUp(queries, query => FirstStage(index, query.Text, options.Ranking));

        foreach (var query in queries)
        {
            firstStage.Time(() => FirstStage(index, query.Text, options.Ranking));
        }

        json["firstStageMedianMs"] = firstStage.Median;
        json["firstStageP99Ms"] = firstStage.P99;

        var rankedHits = queries.Count(q => SquadLikeTop1(index, q, options.Ranking));
        json["queries"] = queries.Count;
        json["queryKinds"] = string.Join(",", queries.Select(q => q.Kind).Distinct());
        json["askMedianMs"] = ask.Median;
        json["askP99Ms"] = ask.P99;
        json["askTop1"] = Fraction(hits, queries.Count);
        json["rankTop1"] = Fraction(rankedHits, queries.Count);

        var search = new Latencies();
        foreach (var query in queries.Take(200))
        {
            search.Time(() => ArticleSearcher.Search(index, QueryParser.Parse(index, query.Text), 5, options.Ranking));
        }

        json["searchMedianMs"] = search.Median;
        json["searchP99Ms"] = search.P99;

        var autocomplete = new Latencies();
        foreach (var prefix in prefixes)
        {
            autocomplete.Time(() => TitleMatcher.Match(index, prefix));
        }

        json["autocompleteMedianMs"] = autocomplete.Median;
        json["autocompleteP99Ms"] = autocomplete.P99;

        var summarizer = new Summarizer();
        var summary = new Latencies();
        var random = new Random(7);
        for (var i = 0; i < Math.Min(200, corpus.Articles.Count); i++)
        {
            var article = corpus.Articles[random.Next(corpus.Articles.Count)];
            summary.Time(() => summarizer.Summarize(index, article, SummaryLength.Short));
        }

        json["summaryMedianMs"] = summary.Median;
        json["summaryP99Ms"] = summary.P99;
        log($"ask median {ask.Median} ms, p99 {ask.P99} ms; first stage median {firstStage.Median} ms, p99 {firstStage.P99} ms; autocomplete median {autocomplete.Median} ms");

        await ReloadUnderLoadAsync(json, corpus.Articles, index, queries, answerer, cancellationToken);
        log($"reload under load: {json["reloadSeconds"]} s, {json["queriesDuringReload"]} queries answered meanwhile");

        if (!options.SkipPeers)
        {
            RunPeers(json, options, index, queries, ask, firstStage, log);
        }

        if (options.Semantic)
        {
            SemanticRun.Run(json, index, queries, options.Ranking, options.Fill, log, cancellationToken);
        }

        return json;
    }

    private static void WarmUpLoader(CancellationToken cancellationToken)
    {
        var discarded = CorpusLoader.Load("seeds", 0, cancellationToken);
        GC.KeepAlive(discarded);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> over the queries, untimed, until <see cref="WarmUpSeconds"/> have passed (at
    /// least one pass). A fixed number of passes is not enough: the tiered JIT compiles optimised code in the
    /// background after a method has been called a few dozen times, so a short warm-up leaves part of the timed pass
    /// on the first tiers (docs/performance-history.md). Every peer gets the same.
    /// </summary>
    private static void WarmUp(IReadOnlyList<BenchQuery> queries, Action<BenchQuery> operation)
    {
        var stopwatch = Stopwatch.StartNew();
        do
        {
            foreach (var query in queries)
            {
                operation(query);
            }
        }
        while (stopwatch.Elapsed.TotalSeconds < WarmUpSeconds);
    }

    private static int FirstStage(SearchIndex index, string question, RankingOptions ranking) =>
        SentenceSearcher.Candidates(index, QueryParser.Parse(index, question), ranking.Candidates, ranking).Length;

    /// <summary>Top-1 of the plain ranking (no decline), as the quality evaluation counts it.</summary>
    private static bool SquadLikeTop1(SearchIndex index, BenchQuery query, RankingOptions ranking)
    {
        var hits = SentenceSearcher.Search(index, QueryParser.Parse(index, query.Text), 1, ranking);
        return hits.Count > 0 && index.SentenceText(hits[0].Sentence) == query.TargetSentence;
    }

    /// <summary>
    /// A rebuild of the same articles on a worker while this thread keeps asking against the published snapshot, then
    /// the swap: what members see during /reload. Both compete for the same two cores.
    /// </summary>
    private static async Task ReloadUnderLoadAsync(
        JsonObject json, IReadOnlyList<Article> articles, SearchIndex index, IReadOnlyList<BenchQuery> queries, QuestionAnswerer answerer, CancellationToken cancellationToken)
    {
        var current = index;
        var during = new Latencies();
        var stopwatch = Stopwatch.StartNew();
        var rebuild = Task.Run(() => SearchIndex.Build(articles), cancellationToken);
        var i = 0;
        while (!rebuild.IsCompleted)
        {
            var snapshot = Volatile.Read(ref current);
            during.Time(() => answerer.Answer(snapshot, queries[i++ % queries.Count].Text));
        }

        Volatile.Write(ref current, await rebuild);
        var reloadSeconds = stopwatch.Elapsed.TotalSeconds;
        var after = answerer.Answer(Volatile.Read(ref current), queries[0].Text);
        json["reloadSeconds"] = Math.Round(reloadSeconds, 3);
        json["queriesDuringReload"] = during.Count;
        json["askMedianMsDuringReload"] = during.Median;
        json["askP99MsDuringReload"] = during.P99;
        json["answersAfterSwap"] = after.Answers.Count > 0;
    }

    private static void RunPeers(
        JsonObject json, QuickRunOptions options, SearchIndex index, IReadOnlyList<BenchQuery> queries, Latencies ask, Latencies firstStage, Action<string> log)
    {
        var sentences = Enumerable.Range(0, index.SentenceCount).Select(index.SentenceText).ToArray();
        TimePeer(json, "fts5", "FTS5", () => new Fts5Peer(sentences), sentences, queries, ask, firstStage, log);
        TimePeer(json, "lucene", "Lucene.Net", () => new LucenePeer(sentences), sentences, queries, ask, firstStage, log);

        // PartialRatio costs ~0.3 ms per sentence here, so a full scan of 10k articles takes about 30 s per query.
        // Each sampled query is timed on a fixed slice of sentences and extrapolated linearly (the scan is linear by
        // construction); when the corpus fits in the slice the scan is complete and its answers are scored too.
        var fuzzy = new FuzzyScanPeer(sentences);
        var slice = Math.Min(fuzzy.Count, options.FuzzySlice);
        var complete = slice == fuzzy.Count;
        var step = Math.Max(1, queries.Count / options.FuzzyMaxQueries);
        var sample = queries.Where((_, i) => i % step == 0).Take(options.FuzzyMaxQueries).ToArray();
        var fuzzyLatencies = new Latencies();
        var fuzzyHits = 0;
        var oursOnSample = 0;
        var answerer = new QuestionAnswerer(AnswerOptions.Default, options.Ranking);
        foreach (var query in sample)
        {
            var ids = fuzzyLatencies.Time(() => fuzzy.Search(query.Text, slice));
            fuzzyHits += ids.Count > 0 && sentences[ids[0]] == query.TargetSentence ? 1 : 0;
            var ours = answerer.Answer(index, query.Text);
            oursOnSample += ours.Answers.Count > 0 && ours.Answers[0].Sentence == query.TargetSentence ? 1 : 0;
        }

        var scale = (double)fuzzy.Count / Math.Max(1, slice);
        json["fuzzyScanQueries"] = fuzzyLatencies.Count;
        json["fuzzyScanSentencesTimed"] = slice;
        json["fuzzyScanExtrapolated"] = !complete;
        json["fuzzyScanAskMedianMs"] = Math.Round(fuzzyLatencies.Median * scale, 1);
        json["fuzzyScanMedianRatio"] = Ratio(fuzzyLatencies.Median * scale, ask.Median);
        if (complete)
        {
            json["fuzzyScanTop1"] = Fraction(fuzzyHits, fuzzyLatencies.Count);
            json["askTop1OnFuzzySample"] = Fraction(oursOnSample, fuzzyLatencies.Count);
        }

        log($"FuzzySharp scan: {fuzzyLatencies.Count} queries over {slice} of {fuzzy.Count} sentences, median {fuzzyLatencies.Median * scale:F0} ms (extrapolated: {!complete})");
    }

    /// <summary>
    /// Builds one peer over the sentences and times it on the query set as ours was timed: warmed up first (the
    /// managed peers' hot paths are JIT-compiled and promoted, as ours are), then every query once. Its figures go into
    /// <paramref name="json"/> as <c>{key}IndexSeconds</c>, <c>{key}AskMedianMs</c>, <c>{key}AskP99Ms</c>,
    /// <c>{key}Top1</c> and the ratios to our whole ask and to our first stage alone (<c>{key}FirstStageMedianRatio</c>,
    /// <c>{key}FirstStageP99Ratio</c>: above 1 when ours is faster).
    /// </summary>
    private static void TimePeer(
        JsonObject json, string key, string label, Func<ISentencePeer> build, string[] sentences, IReadOnlyList<BenchQuery> queries, Latencies ask, Latencies firstStage, Action<string> log)
    {
        var stopwatch = Stopwatch.StartNew();
        using var peer = build();
        var buildSeconds = stopwatch.Elapsed.TotalSeconds;
        WarmUp(queries, query => peer.Search(query.Text));

        var latencies = new Latencies();
        var hits = 0;
        foreach (var query in queries)
        {
            var ids = latencies.Time(() => peer.Search(query.Text));
            hits += ids.Count > 0 && sentences[ids[0]] == query.TargetSentence ? 1 : 0;
        }

        json[$"{key}IndexSeconds"] = Math.Round(buildSeconds, 3);
        json[$"{key}AskMedianMs"] = latencies.Median;
        json[$"{key}AskP99Ms"] = latencies.P99;
        json[$"{key}Top1"] = Fraction(hits, queries.Count);
        json[$"{key}MedianRatio"] = Ratio(latencies.Median, ask.Median);
        json[$"{key}P99Ratio"] = Ratio(latencies.P99, ask.P99);
        json[$"{key}FirstStageMedianRatio"] = Ratio(latencies.Median, firstStage.Median);
        json[$"{key}FirstStageP99Ratio"] = Ratio(latencies.P99, firstStage.P99);
        log($"{label}: built in {buildSeconds:F1} s, median {latencies.Median} ms, p99 {latencies.P99} ms, top-1 {Fraction(hits, queries.Count)}");
    }

    /// <summary>What members type into the article option: the start of a title, sometimes with a typo.</summary>
    private static string[] TitlePrefixes(SearchIndex index, int count)
    {
        var random = new Random(11);
        var prefixes = new List<string>(count);
        for (var i = 0; i < count && index.Articles.Count > 0; i++)
        {
            var title = index.Articles[random.Next(index.Articles.Count)].Title;
            var length = Math.Min(title.Length, 3 + random.Next(12));
            var prefix = title[..length];
            if (i % 3 == 2 && prefix.Length > 5)
            {
                prefix = prefix.Remove(2 + random.Next(prefix.Length - 3), 1); // a dropped letter
            }

            prefixes.Add(prefix);
        }

        return prefixes.Count == 0 ? ["a"] : [.. prefixes];
    }

    /// <summary>What an article's strings cost on the heap (UTF-16 plus the string header), to tell text from overhead.</summary>
    private static long StringBytes(Article article)
    {
        static long Of(string? text) => text is null ? 0 : 22 + (2L * text.Length);
        return Of(article.Id) + Of(article.Title) + Of(article.Body) + Of(article.SourcePath) + Of(article.ContentHash)
            + Of(article.Author) + Of(article.Outlet) + Of(article.SourceUrl) + article.Tags.Sum(Of);
    }

    private static double Fraction(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private static double Ratio(double peer, double ours) => ours <= 0 ? 0 : Math.Round(peer / ours, 1);
}
