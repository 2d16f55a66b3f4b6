using System.Globalization;
using System.Text.Json.Nodes;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Benchmarks.Quality;

/// <summary>
/// One question's candidates and their evidence as one JSON line, the input of <c>tools/ranking/fit.py</c>; the
/// column order is the script's <c>COLUMNS</c>.
/// </summary>
public static class CandidateDump
{
    /// <remarks><paramref name="answers"/> says whether a sentence answers; it is not asked for an unanswerable question.</remarks>
    public static JsonObject Line(string id, string question, bool answerable, string? type, ParsedQuery query, SearchIndex index, IReadOnlyList<RankedSentence> ranked, Func<int, bool> answers)
    {
        var candidates = new JsonArray();
        foreach (var r in ranked)
        {
            var f = r.Features;
            candidates.Add(new JsonArray(
                answerable && answers(r.Sentence) ? 1 : 0,
                r.Article,
                Math.Round(f.Similarity, 4),
                Math.Round(f.TitleSimilarity, 4),
                Math.Round(f.NeighbourSimilarity, 4),
                Math.Round(f.Lexical, 4),
                Math.Round(f.Article, 4),
                Math.Round(f.Coverage, 4),
                Math.Round(f.ContextCoverage, 4),
                f.Cue,
                Math.Round(f.Lead, 4),
                f.Fragment ? 1 : 0,
                f.HasVector ? 1 : 0,
                r.Sentence,
                Math.Round(f.DetailSimilarity, 4),
                Math.Round(f.DetailCoverage, 4),
                f.NovelCue));
        }

        return new JsonObject
        {
            ["id"] = id,
            ["answerable"] = answerable,
            ["type"] = type,
            ["unknownNames"] = query.UnknownNames.Count,
            ["unknownWords"] = query.UnknownWords.Count,
            ["candidates"] = candidates,
            ["question"] = question,
            ["text"] = new JsonObject(ranked.Take(400).Select(r => KeyValuePair.Create(r.Sentence.ToString(CultureInfo.InvariantCulture), (JsonNode?)index.SentenceText(r.Sentence)))),
        };
    }
}
