using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Testing;
using FuzzySharp;

namespace BriefingBot.Core.Tests.Retrieval.Query;

public sealed class TermCorrectorTests
{
    [Fact]
    public void Correct_OneLetterTypo_FindsTheIndexWord()
    {
        var index = Index("The psychological toll of the storm was heavy.");

        var corrections = index.Corrector.Correct("psycological");

        Assert.Equal("psychological", Assert.Single(corrections).Word);
    }

    [Fact]
    public void Correct_ShortWord_AllowsOneLetterMoreAtMost()
    {
        var index = Index("A foodie wrote about it.");

        // "fdie" scores 80 against "foodie", enough for a four-letter word, but "foodie" is two letters longer.
        Assert.Equal("foodie", Assert.Single(index.Corrector.Correct("foodi")).Word);
        Assert.Empty(index.Corrector.Correct("fdie"));
    }

    [Fact]
    public void Correct_LongerWord_AllowsTwoLettersMore()
    {
        var index = Index("The governments met on Monday.");

        Assert.Equal("governments", Assert.Single(index.Corrector.Correct("governmnt")).Word);
    }

    /// <summary>
    /// The corrector reads only the words of a close length from its trigram lists; reading every word and filtering
    /// afterwards (as a plain scan over the vocabulary does here) must give the same corrections.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Correct_EqualsAScanOfTheWholeVocabulary(int seed)
    {
        var random = new Random(seed);
        var stems = new[] { "harb", "coun", "budg", "flo", "vot", "may", "stor", "riv", "brid", "scho", "marke", "minis", "festiv" };
        var endings = new[] { "", "s", "er", "ers", "ing", "ed", "al", "ation", "ously", "ment", "ments" };
        var words = Enumerable.Range(0, 300).Select(_ => stems[random.Next(stems.Length)] + endings[random.Next(endings.Length)]).Distinct().ToArray();
        var index = Index(string.Join(". ", words.Chunk(8).Select(chunk => "The " + string.Join(' ', chunk))) + ".");

        foreach (var word in words.Take(60))
        {
            var typo = Typo(word, random);
            Assert.Equal(Scan(index, typo), index.Corrector.Correct(typo));
        }
    }

    private static (string Word, int TermId, double Similarity)[] Scan(SearchIndex index, string word)
    {
        if (word.Length < 4)
        {
            return [];
        }

        var grams = Trigrams(word);
        var needed = Math.Max(1, grams.Count / 3);
        var slack = word.Length <= 5 ? 1 : 2;
        var threshold = word.Length <= 5 ? 80 : 75;
        return index.SurfaceForms.Keys
            .Where(w => w.Length >= 4 && !w.Any(char.IsDigit) && Math.Abs(w.Length - word.Length) <= slack)
            .Where(w => Trigrams(w).Count(grams.Contains) >= needed)
            .Select(w => (Word: w, Ratio: Fuzz.Ratio(word, w)))
            .Where(x => x.Ratio >= threshold)
            .Select(x => (x.Word, TermId: index.SurfaceForms[x.Word], Similarity: x.Ratio / 100.0))
            .OrderByDescending(x => x.Similarity)
            .ThenByDescending(x => index.SentencePostings.Count(x.TermId))
            .ThenBy(x => x.Word, StringComparer.Ordinal)
            .DistinctBy(x => x.TermId)
            .Take(2)
            .ToArray();
    }

    private static HashSet<string> Trigrams(string word)
    {
        var padded = "^" + word + "$";
        return Enumerable.Range(0, padded.Length - 2).Select(i => padded.Substring(i, 3)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Typo(string word, Random random)
    {
        var at = random.Next(1, word.Length);
        return random.Next(3) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at - 1].ToString()),
            _ => word.Length > at + 1 ? word[..at] + word[at + 1] + word[at] + word[(at + 2)..] : word + "e",
        };
    }

    private static SearchIndex Index(string body) =>
        SearchIndex.Build([new ArticleBuilder().WithTitle("Notes").WithBody(body).Build()]);
}
