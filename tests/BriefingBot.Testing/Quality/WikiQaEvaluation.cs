using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// Ranks each WikiQA question's candidates with the engine. The candidates (one Wikipedia summary paragraph, in order)
/// become one article titled after the page, as the bot would hold it; each candidate takes the best score of the
/// indexed sentences it overlaps, and candidates the engine does not match keep document order after the matched ones.
/// </summary>
public static class WikiQaEvaluation
{
    /// <summary>MAP/MRR over questions with a correct candidate, and answer triggering over all of them.</summary>
    /// <remarks>With <paramref name="hybrid"/>, ranks by meaning and words together; the lexical engine alone otherwise.</remarks>
    public static WikiQaResult Run(IReadOnlyList<WikiQaQuestion> questions, RankingOptions? ranking = null, IReadOnlyList<double>? thresholds = null, HybridRanker? hybrid = null)
    {
        ranking ??= RankingOptions.Default;
        thresholds ??= Enumerable.Range(0, 21).Select(i => i * 0.05).ToArray();
        var noDecline = new QuestionAnswerer(AnswerOptions.Default with { ConfidenceThreshold = 0, AnswerabilityThreshold = 0, RelativeScoreFloor = 0 }, ranking, hybrid);
        double apSum = 0, rrSum = 0;
        var ranked = 0;
        var confidences = new List<(double Confidence, bool Correct)>();
        foreach (var question in questions)
        {
            var (index, ranges) = Build(question);
            if (question.HasAnswer)
            {
                var order = Rank(index, ranges, question.Question, ranking, hybrid);
                var (ap, rr) = AveragePrecision(order.Select(i => question.Candidates[i].Correct).ToArray());
                apSum += ap;
                rrSum += rr;
                ranked++;
            }

            var result = noDecline.Answer(index, question.Question, 1);
            if (result.Answered)
            {
                var answer = result.Answers[0];
                var start = index.Articles[0].Body.IndexOf(answer.Sentence, StringComparison.Ordinal);
                var correct = Enumerable.Range(0, ranges.Length).Any(i => Overlaps(ranges[i], start, answer.Sentence.Length) && question.Candidates[i].Correct);
                confidences.Add((answer.Confidence, correct));
            }
        }

        var withAnswer = questions.Count(q => q.HasAnswer);
        var points = thresholds.Select(t =>
        {
            var answered = confidences.Count(c => c.Confidence >= t);
            var correct = confidences.Count(c => c.Confidence >= t && c.Correct);
            var precision = answered == 0 ? 0 : (double)correct / answered;
            var recall = withAnswer == 0 ? 0 : (double)correct / withAnswer;
            return new TriggerPoint(Math.Round(t, 3), answered, correct, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }).ToArray();

        return new WikiQaResult(ranked, ranked == 0 ? 0 : apSum / ranked, ranked == 0 ? 0 : rrSum / ranked)
        {
            AllQuestions = questions.Count,
            Triggering = points,
        };
    }

    /// <summary>
    /// MAP and MRR of any ranker over the questions that have a correct candidate, counted exactly as <see cref="Run"/>
    /// counts the engine, so a peer's figures sit beside ours. <paramref name="rank"/> returns candidate indices, best
    /// first, each candidate once.
    /// </summary>
    public static WikiQaResult Score(IReadOnlyList<WikiQaQuestion> questions, Func<WikiQaQuestion, IReadOnlyList<int>> rank)
    {
        double apSum = 0, rrSum = 0;
        var ranked = 0;
        foreach (var question in questions.Where(q => q.HasAnswer))
        {
            var (ap, rr) = AveragePrecision(rank(question).Select(i => question.Candidates[i].Correct).ToArray());
            apSum += ap;
            rrSum += rr;
            ranked++;
        }

        return new WikiQaResult(ranked, ranked == 0 ? 0 : apSum / ranked, ranked == 0 ? 0 : rrSum / ranked) { AllQuestions = questions.Count };
    }

    /// <summary>Candidate indices, best first.</summary>
    public static int[] Rank(SearchIndex index, (int Start, int Length)[] ranges, string question, RankingOptions ranking, HybridRanker? hybrid = null)
    {
        var query = QueryParser.Parse(index, question);
        var scores = new double[ranges.Length];
        Array.Fill(scores, double.NegativeInfinity);
        var hits = hybrid?.Rank(index, query, question)?.Select(r => (r.Sentence, r.Score))
            ?? SentenceSearcher.Search(index, query, index.SentenceCount, ranking).Select(h => (h.Sentence, h.Score));
        foreach (var hit in hits)
        {
            var entry = index.Sentence(hit.Sentence);
            for (var i = 0; i < ranges.Length; i++)
            {
                if (Overlaps(ranges[i], entry.Start, entry.Length))
                {
                    scores[i] = Math.Max(scores[i], hit.Score);
                }
            }
        }

        return Enumerable.Range(0, ranges.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
    }

    /// <summary>The question's candidates as one paragraph of one article, and where each candidate sits in its body.</summary>
    public static (SearchIndex Index, (int Start, int Length)[] Ranges) Build(WikiQaQuestion question)
    {
        var ranges = new (int Start, int Length)[question.Candidates.Count];
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < question.Candidates.Count; i++)
        {
            var text = question.Candidates[i].Sentence.Trim();
            if (i > 0)
            {
                // Candidates without closing punctuation are image captions, headings and list entries: on the page
                // they stand in their own block, and run into the next sentence they would merge with it.
                body.Append(EndsSentence(question.Candidates[i - 1].Sentence) ? " " : "\n\n");
            }

            ranges[i] = (body.Length, text.Length);
            body.Append(text);
        }

        var article = QualityArticles.Create(question.Id, question.DocumentTitle, body.ToString());
        return (SearchIndex.Build([article]), ranges);
    }

    // Not the engine's SentenceEnding: that asks whether a text states something and so accepts a lead-in ending in
    // ":"; here the question is the page's layout, where a line ending in ":" opens a list and stands on its own.
    private static bool EndsSentence(string text) => text.TrimEnd().TrimEnd('"', '\'', ')', '”', '’') is [.., '.' or '!' or '?' or '…'];

    private static bool Overlaps((int Start, int Length) range, int start, int length) =>
        start >= 0 && start < range.Start + range.Length && range.Start < start + length;

    private static (double AveragePrecision, double ReciprocalRank) AveragePrecision(bool[] correctInOrder)
    {
        double hits = 0, sum = 0, rr = 0;
        for (var i = 0; i < correctInOrder.Length; i++)
        {
            if (correctInOrder[i])
            {
                hits++;
                sum += hits / (i + 1);
                if (rr == 0)
                {
                    rr = 1.0 / (i + 1);
                }
            }
        }

        return (hits == 0 ? 0 : sum / hits, rr);
    }
}
