using System.Text.Json;

namespace BriefingBot.Testing.Quality;

/// <summary>Reads <c>cnndm-test-250-frank.jsonl</c>: <c>{id, url, article, article_sentences[], reference}</c> per line.</summary>
public static class CnnDmDataset
{
    public const string FileName = "cnndm-test-250-frank.jsonl";

    public static IReadOnlyList<CnnDmArticle> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                return new CnnDmArticle(root.GetProperty("id").GetString()!, root.GetProperty("article").GetString()!, root.GetProperty("reference").GetString()!);
            })
            .ToArray();
}
