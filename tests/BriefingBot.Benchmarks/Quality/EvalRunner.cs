using System.Diagnostics;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Benchmarks.Peers;
using BriefingBot.Core.Retrieval;
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
        "wikiqa" => WikiQa(ranking, split ?? "test"),
        "cnndm" => await CnnDmAsync(cancellationToken),
        "newsqa" => NewsQaRunner.Run(split ?? "dev", skipPeers, ranking, dump, log, cancellationToken),
        "stories" => StoryGroupingRunner.Run(dump, log, cancellationToken),
        _ => throw new ArgumentException($"unknown evaluation '{which}' (squad, wikiqa, cnndm, newsqa, stories)", nameof(which)),
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
        log($"engine: top1 {ours.Top1:F4} top3 {ours.Top3:F4}");
        if (skipPeers)
        {
            return json;
        }

        var sentences = Enumerable.Range(0, index.SentenceCount).Select(index.SentenceText).ToArray();
        using (var fts = new Fts5Peer(sentences))
        {
            var result = SquadEvaluation.Score(questions, q => fts.Search(q).Select(id => sentences[id]).ToArray());
            json["fts5Top1"] = Round(result.Top1);
            json["fts5Top3"] = Round(result.Top3);
            log($"fts5: top1 {result.Top1:F4} top3 {result.Top3:F4}");
        }

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

    private static JsonObject WikiQa(RankingOptions ranking, string split)
    {
        var file = split switch
        {
            "test" => WikiQaDataset.TestFileName,
            "dev" => WikiQaDataset.DevFileName,
            _ => throw new ArgumentException($"unknown WikiQA split '{split}' (test, dev)", nameof(split)),
        };
        var questions = WikiQaDataset.Load(CorpusLoader.RequireFile(file));
        var result = WikiQaEvaluation.Run(questions, ranking);
        var current = Core.Answers.AnswerOptions.Default.ConfidenceThreshold;
        var atCurrent = result.Triggering.MinBy(p => Math.Abs(p.Threshold - current))!;
        var best = result.Triggering.MaxBy(p => p.F1)!;
        return new JsonObject
        {
            ["evaluation"] = $"wikiqa-{split}, filtered (questions with a correct sentence)",
            ["questions"] = result.Questions,
            ["map"] = Round(result.Map),
            ["mrr"] = Round(result.Mrr),
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
