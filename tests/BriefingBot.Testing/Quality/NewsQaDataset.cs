using System.Text;
using System.Text.Json;
using BriefingBot.Core.Articles;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// Our news question set and the collection it is asked over: every BBC article, the 250 CNN/DailyMail articles and
/// the Reuters-21578 test stories (lewissplit TEST, with a body), loaded through the bot's own loader as a folder of
/// those files would be. The questions live in the repository (tests/data/newsqa: <c>dev</c> for tuning,
/// <c>holdout</c> read only to judge); the articles stay in the shared data folder.
/// </summary>
public static class NewsQaDataset
{
    public const string BbcFile = "bbc-news-2225.jsonl";
    public const string CnnDmFile = "cnndm-test-250-frank.jsonl";
    public const string ReutersFile = "reuters21578.jsonl";

    public static bool Available => SharedData.Find(BbcFile) is not null && SharedData.Find(CnnDmFile) is not null && SharedData.Find(ReutersFile) is not null;

    /// <summary>tests/data/newsqa/newsqa-{split}.jsonl in the repository.</summary>
    public static string QuestionFile(string split) =>
        Path.Combine(RepositoryPaths.Root, "tests", "data", "newsqa", $"newsqa-{split}.jsonl");

    public static IReadOnlyList<NewsQaQuestion> LoadQuestions(string split)
    {
        var questions = new List<NewsQaQuestion>();
        foreach (var line in File.ReadLines(QuestionFile(split)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var root = JsonDocument.Parse(line).RootElement;
            var answerable = !root.TryGetProperty("answerable", out var a) || a.GetBoolean();
            var answers = root.TryGetProperty("answers", out var list) ? list.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            questions.Add(new NewsQaQuestion(root.GetProperty("id").GetString()!, root.GetProperty("question").GetString()!, answerable, answers)
            {
                Source = Text(root, "source"),
                DocId = Text(root, "docId"),
                Type = Text(root, "type"),
                Typo = root.TryGetProperty("typo", out var typo) && typo.ValueKind == JsonValueKind.True,
                Kind = Text(root, "kind"),
            });
        }

        return questions;
    }

    /// <summary>The collection, as the bot would load a folder holding these three files.</summary>
    public static IReadOnlyList<Article> LoadCollection(CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-newsqa-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder.FullName, BbcFile), Require(BbcFile));
            File.CreateSymbolicLink(Path.Combine(folder.FullName, CnnDmFile), Require(CnnDmFile));
            WriteReutersTestStories(Require(ReutersFile), Path.Combine(folder.FullName, "reuters-test.jsonl"));
            var loader = new ArticleLoader(new ContentOptions(), NullLogger<ArticleLoader>.Instance);
            return loader.LoadFolder(folder.FullName, cancellationToken).Articles;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Lower case with every run of white space as one space, so phrases match across hard wraps.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static void WriteReutersTestStories(string source, string target)
    {
        using var writer = new StreamWriter(target);
        foreach (var line in File.ReadLines(source))
        {
            var root = JsonDocument.Parse(line).RootElement;
            if (Text(root, "type") == "NORM" && Text(root, "lewissplit") == "TEST")
            {
                writer.WriteLine(line);
            }
        }
    }

    private static string Require(string file) =>
        SharedData.Find(file) ?? throw new FileNotFoundException($"Shared data file '{file}' not found; see SOURCES.md.", file);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
