using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Core.Articles;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Benchmarks.Speed;

/// <summary>
/// What a folder load leaves on the heap once the caller carries on: only the articles should stay. Measured 1.04x
/// the articles' strings; when the caller ran on top of the loader's frames, parts of the file's bytes and text and
/// the drafts stayed as well (2.07x). A whole-heap measurement, so it runs here, alone, rather than among parallel
/// unit tests where another test's allocations would count as its own.
/// </summary>
internal static class LoaderRetention
{
    private const int Records = 1500;

    public static async Task<JsonObject> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-retention-" + Guid.NewGuid().ToString("N"));
        var warmUp = Path.Combine(folder, "warm");
        var corpus = Path.Combine(folder, "corpus");
        Directory.CreateDirectory(warmUp);
        Directory.CreateDirectory(corpus);
        try
        {
            var file = Path.Combine(corpus, "news.jsonl");
            await File.WriteAllBytesAsync(file, Corpus(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(warmUp, "warm.jsonl"),
                """{"title": "Warm up", "body": "Static tables load once. They belong in the baseline."}""", cancellationToken);

            // Measured on a pool thread that completes the load, as the reloader does: code after an await then runs
            // on the thread that finished the load, not on top of the loader's stack.
            var (count, retained, articleBytes) = await Task.Run(async () =>
            {
                var loader = new ArticleLoader(new ContentOptions(), NullLogger<ArticleLoader>.Instance);
                await loader.LoadFolderAsync(warmUp, cancellationToken);
                var baseline = ManagedHeap.LiveBytes();
                var result = await loader.LoadFolderAsync(corpus, cancellationToken);
                var live = ManagedHeap.LiveBytes() - baseline;
                return (result.Articles.Count, live, result.Articles.Sum(StringBytes));
            }, cancellationToken);

            var ratio = (double)retained / articleBytes;
            log($"loaded {count} records: file {new FileInfo(file).Length:N0} B, articles' strings {articleBytes:N0} B, retained {retained:N0} B ({ratio:F2}x)");
            return new JsonObject
            {
                ["records"] = count,
                ["fileBytes"] = new FileInfo(file).Length,
                ["articleStringBytes"] = articleBytes,
                ["retainedBytes"] = retained,
                ["retainedPerStringByte"] = Math.Round(ratio, 3),
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Records of ~4 KB of plain prose with distinct words, so nothing is shared or cleaned away.</summary>
    private static byte[] Corpus()
    {
        var random = new Random(5);
        var text = new StringBuilder();
        for (var r = 0; r < Records; r++)
        {
            var body = new StringBuilder();
            for (var s = 0; s < 40; s++)
            {
                body.Append("The council discussed item ").Append(r.ToString(CultureInfo.InvariantCulture)).Append('-')
                    .Append(s.ToString(CultureInfo.InvariantCulture)).Append(" and agreed on ")
                    .Append(random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)).Append(" new homes near the river bank. ");
                if (s % 8 == 7)
                {
                    body.Append("\n\n");
                }
            }

            var record = new Dictionary<string, string>
            {
                ["id"] = r.ToString(CultureInfo.InvariantCulture),
                ["title"] = $"Council agrees plan {r}",
                ["body"] = body.ToString(),
                ["category"] = "politics",
            };
            text.Append(JsonSerializer.Serialize(record)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>What an article's strings cost on the heap: UTF-16 plus the string header.</summary>
    private static long StringBytes(Article article)
    {
        static long Of(string? text) => text is null ? 0 : 22 + (2L * text.Length);
        return Of(article.Id) + Of(article.Title) + Of(article.Body) + Of(article.SourcePath) + Of(article.ContentHash)
            + Of(article.Author) + Of(article.Outlet) + Of(article.SourceUrl) + article.Tags.Sum(Of);
    }
}
