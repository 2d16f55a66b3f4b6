using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// Asks SQuAD questions against the whole collection and checks the returned sentences for a gold answer. The engine
/// ranks exactly as <c>QuestionAnswerer</c> does (parse, then <see cref="SentenceSearcher"/>), without the decline
/// threshold, since top-k accuracy is about ranking.
/// </summary>
public static class SquadEvaluation
{
    /// <summary>Scores any ranker that returns a question's best sentences, best first.</summary>
    public static SquadResult Score(IReadOnlyList<SquadQuestion> questions, Func<string, IReadOnlyList<string>> rank)
    {
        int top1 = 0, top3 = 0;
        foreach (var question in questions)
        {
            var sentences = rank(question.Question);
            for (var i = 0; i < Math.Min(3, sentences.Count); i++)
            {
                if (SquadDataset.Contains(sentences[i], question))
                {
                    top1 += i == 0 ? 1 : 0;
                    top3++;
                    break;
                }
            }
        }

        var count = Math.Max(1, questions.Count);
        return new SquadResult(questions.Count, (double)top1 / count, (double)top3 / count);
    }

    public static SquadResult Engine(SearchIndex index, IReadOnlyList<SquadQuestion> questions, RankingOptions? ranking = null) =>
        Score(questions, q => EngineTop(index, q, 3, ranking));

    /// <summary>The hybrid engine (meaning and words): its best sentences, best first.</summary>
    public static SquadResult Hybrid(SearchIndex index, IReadOnlyList<SquadQuestion> questions, HybridRanker hybrid) =>
        Score(questions, q => (hybrid.Rank(index, QueryParser.Parse(index, q), q) ?? [])
            .Take(3)
            .Select(r => index.SentenceText(r.Sentence))
            .ToArray());

    /// <summary>The engine's best distinct sentences for a question.</summary>
    public static IReadOnlyList<string> EngineTop(SearchIndex index, string question, int top, RankingOptions? ranking = null)
    {
        var query = QueryParser.Parse(index, question);
        return SentenceSearcher.Search(index, query, top, ranking)
            .Select(h => index.SentenceText(h.Sentence))
            .ToArray();
    }
}
