using System.Text.Json;
using BriefingBot.Core.Articles;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// SQuAD v1.1 dev as one collection: each Wikipedia title is an article whose body is its paragraphs (blank-line
/// separated), and every question is asked against the whole collection, not its own paragraph.
/// </summary>
public sealed record SquadDataset(IReadOnlyList<Article> Articles, IReadOnlyList<SquadQuestion> Questions)
{
    public const string FileName = "squad-dev-v1.1.json";

    /// <summary>Reads the official JSON; questions keep file order, so "the first N" is a fixed subset.</summary>
    public static SquadDataset Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var articles = new List<Article>();
        var questions = new List<SquadQuestion>();
        foreach (var entry in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var title = entry.GetProperty("title").GetString()!.Replace('_', ' ');
            var paragraphs = new List<string>();
            foreach (var paragraph in entry.GetProperty("paragraphs").EnumerateArray())
            {
                // Paragraphs are single blocks of prose; a stray newline inside one must not look like a paragraph break.
                paragraphs.Add(paragraph.GetProperty("context").GetString()!.Replace('\n', ' ').Trim());
                foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                {
                    var answers = qa.GetProperty("answers").EnumerateArray()
                        .Select(a => a.GetProperty("text").GetString()!.Trim())
                        .Where(a => a.Length > 0)
                        .Distinct(StringComparer.Ordinal)
                        .ToArray();
                    questions.Add(new SquadQuestion(qa.GetProperty("id").GetString()!, qa.GetProperty("question").GetString()!, answers));
                }
            }

            articles.Add(QualityArticles.Create("squad-" + articles.Count.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), title, string.Join("\n\n", paragraphs)));
        }

        return new SquadDataset(articles, questions);
    }

    /// <summary>A hit: the sentence contains one of the gold answers (case-insensitive, as a reader would judge it).</summary>
    public static bool Contains(string sentence, SquadQuestion question) =>
        question.Answers.Any(a => sentence.Contains(a, StringComparison.OrdinalIgnoreCase));
}
