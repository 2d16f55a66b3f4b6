using System.Diagnostics;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Benchmarks.Peers;
using BriefingBot.Benchmarks.Semantic;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Testing.Quality;

namespace BriefingBot.Benchmarks.Quality;

/// <summary>The answer-quality evaluations (--eval squad|wikiqa|cnndm) on the public data, each as one JSON object.</summary>
public static class EvalRunner
{
    /// <summary>
    /// Questions the FuzzySharp scan answers (every k-th of the set): PartialRatio over all 10,216 sentences takes
    /// about 3 s per question on two cores, so the scan's accuracy is a sample; ours is reported on the same sample.
    /// </summary>
    private const int FuzzySample = 60;

    public static async Task<JsonObject> RunAsync(string which, string? split, int? limit, bool skipPeers, RankingOptions ranking, Action<string> log, CancellationToken cancellationToken, string? dump = null) => which switch
    {
        "squad" => Squad(limit, skipPeers, ranking, log),
        "wikiqa" => WikiQa(ranking, split ?? "test", skipPeers, dump, log),
        "cnndm" => await CnnDmAsync(cancellationToken),
        "newsqa" => NewsQaRunner.Run(split ?? "dev", skipPeers, ranking, dump, log, cancellationToken),
        "stories" => StoryGroupingRunner.Run(dump, log, cancellationToken),
        "search" => SearchQualityRunner.Run(split ?? "dev", ranking, log, cancellationToken),
        _ => throw new ArgumentException($"unknown evaluation '{which}' (squad, wikiqa, cnndm, newsqa, stories, search)", nameof(which)),
    };

    private static JsonObject Squad(int? limit, bool skipPeers, RankingOptions ranking, Action<string> log)
    {
        var data = SquadDataset.Load(CorpusLoader.RequireFile(SquadDataset.FileName));
        var questions = limit is { } n ? data.Questions.Take(n).ToArray() : data.Questions;
        var stopwatch = Stopwatch.StartNew();
        var index = SearchIndex.Build(data.Articles);
        var json = new JsonObject
        {
            ["evaluation"] = "squad-v1.1-dev, whole collection, sentence contains a gold answer",
            ["articles"] = data.Articles.Count,
            ["sentences"] = index.SentenceCount,
        };
        var ours = SquadEvaluation.Engine(index, questions, ranking);
        json["questions"] = ours.Questions;
        json["top1"] = Round(ours.Top1);
        json["top3"] = Round(ours.Top3);
        json["seconds"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 2);
        log($"engine (lexical): top1 {ours.Top1:F4} top3 {ours.Top3:F4}");
        var embeddings = BenchEmbeddings.Open(out var embedder);
        using (embedder)
        {
            BenchEmbeddings.Warm(embeddings, index, Environment.ProcessorCount, log, CancellationToken.None);
            var full = SquadEvaluation.Hybrid(index, questions, new HybridRanker(embeddings, SemanticOptions.Default, ranking));
            json["fullTop1"] = Round(full.Top1);
            json["fullTop3"] = Round(full.Top3);
            log($"engine (meaning and words): top1 {full.Top1:F4} top3 {full.Top3:F4}");
        }

        if (skipPeers)
        {
            return json;
        }

        var sentences = Enumerable.Range(0, index.SentenceCount).Select(index.SentenceText).ToArray();
        ScorePeer(json, "fts5", () => new Fts5Peer(sentences), sentences, questions, log);
        ScorePeer(json, "lucene", () => new LucenePeer(sentences), sentences, questions, log);

        var fuzzy = new FuzzyScanPeer(sentences);
        var step = Math.Max(1, questions.Count / FuzzySample);
        var sample = questions.Where((_, i) => i % step == 0).Take(FuzzySample).ToArray();
        var fuzzyResult = SquadEvaluation.Score(sample, q => fuzzy.Search(q).Select(id => sentences[id]).ToArray());
        var oursOnSample = SquadEvaluation.Engine(index, sample, ranking);
        json["fuzzyScanQuestions"] = sample.Length;
        json["fuzzyScanTop1"] = Round(fuzzyResult.Top1);
        json["fuzzyScanTop3"] = Round(fuzzyResult.Top3);
        json["top1OnFuzzySample"] = Round(oursOnSample.Top1);
        log($"fuzzy scan ({sample.Length} questions): top1 {fuzzyResult.Top1:F4}");
        return json;
    }

    /// <summary>Top-1/top-3 of one peer built over the whole collection, as <c>{key}Top1</c> and <c>{key}Top3</c>.</summary>
    private static void ScorePeer(JsonObject json, string key, Func<ISentencePeer> build, string[] sentences, IReadOnlyList<SquadQuestion> questions, Action<string> log)
    {
        using var peer = build();
        var result = SquadEvaluation.Score(questions, q => peer.Search(q).Select(id => sentences[id]).ToArray());
        json[$"{key}Top1"] = Round(result.Top1);
        json[$"{key}Top3"] = Round(result.Top3);
        log($"{key}: top1 {result.Top1:F4} top3 {result.Top3:F4}");
    }

    private static JsonObject WikiQa(RankingOptions ranking, string split, bool skipPeers, string? dump, Action<string> log)
    {
        var file = split switch
        {
            "test" => WikiQaDataset.TestFileName,
            "dev" => WikiQaDataset.DevFileName,
            _ => throw new ArgumentException($"unknown WikiQA split '{split}' (test, dev)", nameof(split)),
        };
        var questions = WikiQaDataset.Load(CorpusLoader.RequireFile(file));
        var result = WikiQaEvaluation.Run(questions, ranking);
        var embeddings = BenchEmbeddings.Open(out var embedder);
        WikiQaResult full;
        using (embedder)
        {
            var hybrid = new HybridRanker(embeddings, SemanticOptions.Default with { OnDemandBudget = int.MaxValue }, ranking);
            full = WikiQaEvaluation.Run(questions, ranking, hybrid: hybrid);
            embeddings.Cache.Flush();
            if (dump is not null)
            {
                DumpWikiQa(dump, questions, hybrid);
                log($"candidate evidence written to {dump}");
            }
        }

        var fullThreshold = Core.Answers.AnswerOptions.Default.AnswerabilityThreshold;
        var fullAtCurrent = full.Triggering.MinBy(p => Math.Abs(p.Threshold - fullThreshold))!;
        var current = Core.Answers.AnswerOptions.Default.ConfidenceThreshold;
        var atCurrent = result.Triggering.MinBy(p => Math.Abs(p.Threshold - current))!;
        var best = result.Triggering.MaxBy(p => p.F1)!;
        var json = new JsonObject
        {
            ["evaluation"] = $"wikiqa-{split}, filtered (questions with a correct sentence)",
            ["questions"] = result.Questions,
            ["map"] = Round(result.Map),
            ["mrr"] = Round(result.Mrr),
            ["fullMap"] = Round(full.Map),
            ["fullMrr"] = Round(full.Mrr),
            ["fullThreshold"] = fullThreshold,
            ["fullTriggerPrecision"] = Round(fullAtCurrent.Precision),
            ["fullTriggerRecall"] = Round(fullAtCurrent.Recall),
            ["fullTriggerF1"] = Round(fullAtCurrent.F1),
            ["allQuestions"] = result.AllQuestions,
            ["threshold"] = current,
            ["triggerPrecision"] = Round(atCurrent.Precision),
            ["triggerRecall"] = Round(atCurrent.Recall),
            ["triggerF1"] = Round(atCurrent.F1),
            ["bestThreshold"] = best.Threshold,
            ["bestTriggerF1"] = Round(best.F1),
            ["triggering"] = new JsonArray(result.Triggering.Select(p => (JsonNode)new JsonObject
            {
                ["threshold"] = p.Threshold,
                ["answered"] = p.Answered,
                ["correct"] = p.CorrectlyAnswered,
                ["precision"] = Round(p.Precision),
                ["recall"] = Round(p.Recall),
                ["f1"] = Round(p.F1),
            }).ToArray()),
        };
        log($"engine: map {result.Map:F4} mrr {result.Mrr:F4}");
        if (skipPeers)
        {
            return json;
        }

        var lucene = WikiQaEvaluation.Score(questions, LuceneCandidateOrder);
        json["luceneMap"] = Round(lucene.Map);
        json["luceneMrr"] = Round(lucene.Mrr);
        log($"lucene: map {lucene.Map:F4} mrr {lucene.Mrr:F4}");
        return json;
    }

    /// <summary>
    /// Every question's candidates with their evidence (see <see cref="CandidateDump"/>), so the weights can be fitted on
    /// WikiQA's dev split beside our news questions. A sentence answers when it overlaps a candidate marked correct.
    /// </summary>
    private static void DumpWikiQa(string path, IReadOnlyList<WikiQaQuestion> questions, HybridRanker hybrid)
    {
        using var writer = new StreamWriter(path);
        foreach (var question in questions.Where(q => q.HasAnswer))
        {
            var (index, ranges) = WikiQaEvaluation.Build(question);
            var query = Core.Retrieval.Query.QueryParser.Parse(index, question.Question);
            var ranked = hybrid.Rank(index, query, question.Question) ?? [];
            var line = CandidateDump.Line(question.Id, question.Question, answerable: true, type: null, query, index, ranked, id =>
            {
                var entry = index.Sentence(id);
                return Enumerable.Range(0, ranges.Length).Any(i =>
                    question.Candidates[i].Correct && entry.Start < ranges[i].Start + ranges[i].Length && ranges[i].Start < entry.Start + entry.Length);
            });
            writer.WriteLine(line.ToJsonString());
        }
    }

    /// <summary>
    /// The question's candidates ranked by a Lucene.Net index of just those candidates (one document each, as the engine
    /// gets one article of them); candidates it does not match follow in document order, as the engine's do.
    /// </summary>
    private static IReadOnlyList<int> LuceneCandidateOrder(WikiQaQuestion question)
    {
        using var peer = new LucenePeer(question.Candidates.Select(c => c.Sentence.Trim()).ToArray());
        var matched = peer.Search(question.Question, question.Candidates.Count);
        return [.. matched, .. Enumerable.Range(0, question.Candidates.Count).Except(matched)];
    }

    private static async Task<JsonObject> CnnDmAsync(CancellationToken cancellationToken)
    {
        var pairs = await SummaryEvaluation.LoadAsync(CorpusLoader.RequireFile(CnnDmDataset.FileName), cancellationToken);
        var result = SummaryEvaluation.Run(pairs);
        return new JsonObject
        {
            ["evaluation"] = "cnndm-test-250, 3-sentence summaries, ROUGE F1 x100 (lower-case alphanumeric tokens, no stemming)",
            ["articles"] = result.Articles,
            ["rouge1"] = result.Rouge1,
            ["rouge2"] = result.Rouge2,
            ["rougeL"] = result.RougeL,
            ["lead3Rouge1"] = result.Lead3Rouge1,
            ["lead3Rouge2"] = result.Lead3Rouge2,
            ["lead3RougeL"] = result.Lead3RougeL,
        };
    }

    private static double Round(double value) => Math.Round(value, 4);
}
