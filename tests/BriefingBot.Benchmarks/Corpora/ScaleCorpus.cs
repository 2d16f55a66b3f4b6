using System.Globalization;
using BriefingBot.Core.Articles;

namespace BriefingBot.Benchmarks.Corpora;

/// <summary>
/// Grows real articles to N without random words: past the real ones, each extra article joins the first half of one
/// real article's paragraphs to the second half of another's from the same category (BBC) or topic (Reuters). The
/// text stays real news with a realistic vocabulary, and no two articles are trivial duplicates.
/// </summary>
public static class ScaleCorpus
{
    private const int Seed = 20260522;

    public static IReadOnlyList<Article> Build(IReadOnlyList<Article> real, int count)
    {
        if (count <= real.Count)
        {
            return real.Take(count).ToArray();
        }

        var groups = real
            .Where(a => a.Paragraphs.Count >= 2)
            .GroupBy(a => a.Tags.Count > 0 ? a.Tags[0] : "none", StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .Select(g => g.ToArray())
            .ToArray();
        var random = new Random(Seed);
        var result = new List<Article>(count);
        result.AddRange(real);
        for (var k = 0; result.Count < count; k++)
        {
            var group = groups[random.Next(groups.Length)];
            var first = group[random.Next(group.Length)];
            var second = group[random.Next(group.Length)];
            var a = first.Paragraphs;
            var b = second.Paragraphs;
            var body = string.Join("\n\n", a.Take((a.Count + 1) / 2).Concat(b.Skip(b.Count / 2)));
            var id = first.Id + "~" + k.ToString(CultureInfo.InvariantCulture);
            result.Add(first with
            {
                Id = id,
                Body = body,
                SourcePath = first.SourcePath + "~" + k.ToString(CultureInfo.InvariantCulture),
                ContentHash = id,
                WordCount = body.Count(c => c == ' ') + 1,
            });
        }

        return result;
    }
}
