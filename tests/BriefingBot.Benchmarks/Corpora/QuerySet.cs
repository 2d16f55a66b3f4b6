using System.Text;
using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Benchmarks.Corpora;

/// <summary>
/// A fixed, mixed query set built from the indexed sentences with a fixed seed, so every run and every peer gets the
/// same queries: keyword queries (a sentence with about 40% of its words dropped), questions ("What …?" with 30%
/// dropped), the same questions with one typo injected, and title-word queries.
/// </summary>
public static class QuerySet
{
    private const int Seed = 5;

    public static IReadOnlyList<BenchQuery> Build(SearchIndex index, int count)
    {
        var random = new Random(Seed);
        var queries = new List<BenchQuery>(count);
        var attempts = 0;
        while (queries.Count < count && attempts++ < count * 50 && index.SentenceCount > 0)
        {
            var id = random.Next(index.SentenceCount);
            var sentence = index.SentenceText(id);
            var words = sentence.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('"', '\'', ',', '.', ';', ':', '(', ')', '?', '!'))
                .Where(w => w.Length > 0)
                .ToArray();
            if (words.Length is < 8 or > 45)
            {
                continue;
            }

            var kind = (queries.Count % 4) switch
            {
                0 => "keywords",
                1 => "question",
                2 => "typo",
                _ => "title",
            };
            string text;
            if (kind == "title")
            {
                var titleWords = index.Articles[index.Sentence(id).Article].Title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (titleWords.Length < 3)
                {
                    continue;
                }

                // A title's words plus a few of the sentence's: someone asking about a story they half remember.
                text = string.Join(' ', titleWords.Take(5).Concat(Keep(words, 0.3, random)));
            }
            else
            {
                var kept = Keep(words, kind == "keywords" ? 0.6 : 0.7, random);
                if (kind == "typo")
                {
                    InjectTypo(kept, random);
                }

                text = kind == "keywords" ? string.Join(' ', kept).ToLowerInvariant() : "What " + string.Join(' ', kept) + "?";
            }

            queries.Add(new BenchQuery(kind, text, sentence));
        }

        return queries;
    }

    private static List<string> Keep(string[] words, double share, Random random) =>
        words.Where(_ => random.NextDouble() < share).ToList();

    /// <summary>One typo in one longer word: a swap of two inner letters, a dropped letter or a doubled one.</summary>
    private static void InjectTypo(List<string> words, Random random)
    {
        var candidates = Enumerable.Range(0, words.Count).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToArray();
        if (candidates.Length == 0)
        {
            return;
        }

        var at = candidates[random.Next(candidates.Length)];
        var word = new StringBuilder(words[at]);
        var position = 1 + random.Next(word.Length - 2);
        switch (random.Next(3))
        {
            case 0:
                (word[position], word[position + 1]) = (word[position + 1], word[position]);
                break;
            case 1:
                word.Remove(position, 1);
                break;
            default:
                word.Insert(position, word[position]);
                break;
        }

        words[at] = word.ToString();
    }
}
