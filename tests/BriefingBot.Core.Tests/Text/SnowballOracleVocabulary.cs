using System.Text.RegularExpressions;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Text;

/// <summary>
/// The words the stemmer oracle check runs over: every distinct lower-case word in the seeds and the test stories,
/// plus the shared BBC news articles when they are there. Offline, so the check runs everywhere CI does.
/// </summary>
internal static partial class SnowballOracleVocabulary
{
    public const string SharedArticles = "bbc-news-2225.jsonl";

    public static IReadOnlyList<string> Words()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Seeds, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests", "data"), "*", SearchOption.AllDirectories));
        if (SharedData.Find(SharedArticles) is { } shared)
        {
            files = files.Append(shared);
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match match in Word().Matches(File.ReadAllText(file).ToLowerInvariant()))
            {
                words.Add(match.Value);
            }
        }

        return words.Order(StringComparer.Ordinal).ToList();
    }

    // Letters only: the tokenizer hands the stemmer words without digits, and apostrophes are cut before stemming.
    [GeneratedRegex("[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
