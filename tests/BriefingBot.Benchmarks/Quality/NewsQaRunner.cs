using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Peers;
using BriefingBot.Benchmarks.Semantic;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using BriefingBot.Semantics;
using BriefingBot.Testing.Quality;

namespace BriefingBot.Benchmarks.Quality;

/// <summary>
/// <c>--eval newsqa</c>: our news question set over BBC + CNN/DailyMail + Reuters test stories, answered by the full
/// engine (meaning and words), the lexical engine alone, the model alone (cosine over every sentence) and the peers.
/// <c>--dump FILE</c> writes every candidate's evidence per question, for fitting the weights offline.
/// </summary>
public static class NewsQaRunner
{
    public static JsonObject Run(string split, bool skipPeers, RankingOptions ranking, string? dump, Action<string> log, CancellationToken cancellationToken)
    {
        var questions = NewsQaDataset.LoadQuestions(split);
        var stopwatch = Stopwatch.StartNew();
        // The seed split asks the repository's own seed questions of the two seed articles, so a fit can weigh them too.
        var articles = split == "seeds" ? Testing.SeedCorpus.Articles : NewsQaDataset.LoadCollection(cancellationToken);
        var index = SearchIndex.Build(articles);
        log($"newsqa-{split}: {questions.Count} questions over {articles.Count} articles, {index.SentenceCount} sentences ({stopwatch.Elapsed.TotalSeconds:F1} s)");

        var unreachable = questions.Where(q => q.Answerable && !Enumerable.Range(0, index.SentenceCount).Any(id => q.IsAnsweredBy(index.SentenceText(id)))).Select(q => q.Id).ToArray();
        var json = new JsonObject
        {
            ["evaluation"] = $"newsqa-{split}: our news questions over BBC (2,225) + CNN/DailyMail (250) + Reuters-21578 test stories; a sentence answers if it contains a named phrase",
            ["articles"] = articles.Count,
            ["sentences"] = index.SentenceCount,
            ["answerable"] = questions.Count(q => q.Answerable),
            ["unanswerable"] = questions.Count(q => !q.Answerable),
            ["unreachable"] = new JsonArray(unreachable.Select(id => (JsonNode)id!).ToArray()),
        };

        var lexical = new QuestionAnswerer(AnswerOptions.Default, ranking);
        var lexicalRanking = new QuestionAnswerer(AnswerOptions.Default with { ConfidenceThreshold = 0, RelativeScoreFloor = 0 }, ranking);
        json["lexical"] = Report(NewsQaEvaluation.Score(questions, q => Outcome(index, lexical, lexicalRanking, q)), log, "lexical");

        var embeddings = BenchEmbeddings.Open(out var embedder);
        using (embedder)
        {
            var semantic = SemanticOptions.Default;
            var hybrid = new HybridRanker(embeddings, semantic, ranking);
            WarmCandidates(embeddings, index, questions, hybrid, ranking, log, cancellationToken);
            var full = new QuestionAnswerer(AnswerOptions.Default, ranking, hybrid);
            var fullRanking = new QuestionAnswerer(AnswerOptions.Default with { AnswerabilityThreshold = 0, RelativeScoreFloor = 0 }, ranking, hybrid);
            var timer = Stopwatch.StartNew();
            json["full"] = Report(NewsQaEvaluation.Score(questions, q => Outcome(index, full, fullRanking, q)), log, "full");
            json["fullMsPerQuestion"] = Math.Round(timer.Elapsed.TotalMilliseconds / Math.Max(1, questions.Count) / 2, 2);

            var vectors = embeddings.VectorsFor(index);
            if (vectors.IsComplete)
            {
                json["cosineOnly"] = Report(NewsQaEvaluation.Score(questions, q => CosineOnly(index, vectors, embeddings, q)), log, "cosine only");
            }
            else
            {
                log($"cosine over every sentence skipped: {vectors.Count - vectors.Filled} sentences have no vector yet");
            }

            if (dump is not null)
            {
                Dump(dump, questions, index, hybrid, cancellationToken);
                log($"candidate evidence written to {dump}");
            }
        }

        if (!skipPeers)
        {
            var sentences = Enumerable.Range(0, index.SentenceCount).Select(index.SentenceText).ToArray();
            using var fts = new Fts5Peer(sentences);
            json["fts5"] = Report(NewsQaEvaluation.Score(questions, q =>
            {
                var ids = fts.Search(q);
                return new NewsQaOutcome(ids.Count > 0, ids.Select(id => sentences[id]).ToArray());
            }), log, "fts5");
            using var lucene = new LucenePeer(sentences);
            json["lucene"] = Report(NewsQaEvaluation.Score(questions, q =>
            {
                var ids = lucene.Search(q, 3);
                return new NewsQaOutcome(ids.Count > 0, ids.Select(id => sentences[id]).ToArray());
            }), log, "lucene");
        }

        json["seconds"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 1);
        return json;
    }

    /// <summary>
    /// Embeds the titles, then every sentence the engine would look at for these questions, so the figures are those
    /// of a bot whose vectors are all in place without waiting for the whole collection: only candidates are ever
    /// scored by meaning.
    /// </summary>
    private static void WarmCandidates(SentenceEmbeddings embeddings, SearchIndex index, IReadOnlyList<NewsQaQuestion> questions, HybridRanker hybrid, RankingOptions ranking, Action<string> log, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var titles = Enumerable.Range(index.SentenceCount, index.Articles.Count).ToArray();
        Parallel.ForEach(titles.Chunk(256), parallel, chunk => embeddings.EmbedNow(index, chunk, chunk.Length, cancellationToken));
        log($"titles embedded ({embeddings.VectorsFor(index).Filled} vectors)");
        var warm = new HybridRanker(embeddings, hybrid.Options with { OnDemandBudget = int.MaxValue }, ranking);
        var done = 0;
        Parallel.ForEach(questions, parallel, question =>
        {
            warm.Rank(index, QueryParser.Parse(index, question.Question), question.Question, cancellationToken);
            if (Interlocked.Increment(ref done) % 40 == 0)
            {
                embeddings.Cache.Flush();
                log($"candidates embedded for {done} of {questions.Count} questions ({embeddings.VectorsFor(index).Filled} vectors)");
            }
        });
        embeddings.Cache.Flush();
    }

    private static NewsQaOutcome Outcome(SearchIndex index, QuestionAnswerer answerer, QuestionAnswerer ranking, string question)
    {
        var result = answerer.Answer(index, question, 3);
        var sentences = result.Answered ? result.Answers : ranking.Answer(index, question, 3).Answers;
        return new NewsQaOutcome(result.Answered, sentences.Select(a => a.Sentence).ToArray());
    }

    private static NewsQaOutcome CosineOnly(SearchIndex index, SentenceVectors vectors, ISentenceEmbeddings embeddings, string question)
    {
        var q = embeddings.EmbedQuery(question)!;
        var best = Enumerable.Range(0, index.SentenceCount)
            .Select(id => (Id: id, Score: vectors.Dot(id, q) ?? -1))
            .OrderByDescending(x => x.Score)
            .Take(3)
            .Select(x => index.SentenceText(x.Id))
            .ToArray();
        return new NewsQaOutcome(true, best);
    }

    private static void Dump(string path, IReadOnlyList<NewsQaQuestion> questions, SearchIndex index, HybridRanker hybrid, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(path);
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = QueryParser.Parse(index, question.Question);
            var ranked = hybrid.Rank(index, query, question.Question, cancellationToken) ?? [];
            var line = CandidateDump.Line(question.Id, question.Question, question.Answerable, question.Type, query, index, ranked, id => question.IsAnsweredBy(index.SentenceText(id)));
            writer.WriteLine(line.ToJsonString());
        }
    }

    private static JsonObject Report(NewsQaResult result, Action<string> log, string name)
    {
        log(string.Create(CultureInfo.InvariantCulture, $"{name}: top1 {result.Top1:F3} top3 {result.Top3:F3} rank-top1 {result.RankTop1:F3} wrongly declined {result.WronglyDeclined:F3} | unanswerable declined {result.DeclinedRight:F3}"));
        return new JsonObject
        {
            ["top1"] = result.Top1,
            ["top3"] = result.Top3,
            ["rankTop1"] = result.RankTop1,
            ["wronglyDeclined"] = result.WronglyDeclined,
            ["declinedRight"] = result.DeclinedRight,
            ["missed"] = JsonSerializer.SerializeToNode(result.Missed),
        };
    }
}
