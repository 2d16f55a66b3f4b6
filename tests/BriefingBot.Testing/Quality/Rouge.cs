using System.Text.RegularExpressions;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// A small, documented ROUGE (Lin 2004), so summaries and the lead-3 baseline are scored by one implementation in one
/// run. Tokens are lower-cased runs of ASCII letters and digits ("Locke 's" and "Locke's" both give "locke", "s"); no
/// stemming and no stop-word removal, as in quality-anchors.md. ROUGE-N counts clipped n-gram overlap; ROUGE-L is the
/// longest common subsequence of the two whole token sequences (not the summary-level union LCS of the Perl script,
/// which can differ by a fraction of a point). Scores are F1 with β = 1.
/// </summary>
public static partial class Rouge
{
    public static string[] Tokenize(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    public static RougeScore N(string[] candidate, string[] reference, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in Grams(reference, n))
        {
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        var overlap = 0;
        foreach (var gram in Grams(candidate, n))
        {
            if (counts.TryGetValue(gram, out var left) && left > 0)
            {
                counts[gram] = left - 1;
                overlap++;
            }
        }

        return RougeScore.From(overlap, Math.Max(0, candidate.Length - n + 1), Math.Max(0, reference.Length - n + 1));
    }

    public static RougeScore L(string[] candidate, string[] reference)
    {
        // Two rows of the classic dynamic programme are enough for the length.
        var previous = new int[reference.Length + 1];
        var current = new int[reference.Length + 1];
        foreach (var word in candidate)
        {
            for (var j = 1; j <= reference.Length; j++)
            {
                current[j] = string.Equals(word, reference[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return RougeScore.From(previous[reference.Length], candidate.Length, reference.Length);
    }

    private static IEnumerable<string> Grams(string[] tokens, int n)
    {
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            yield return n == 1 ? tokens[i] : string.Join(' ', tokens, i, n);
        }
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();
}
