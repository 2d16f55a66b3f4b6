using System.Globalization;
using System.Text.Json;
using System.Text;
using BriefingBot.Core.Articles;
using BriefingBot.Testing;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests.Articles;

[Collection(nameof(MemoryMeasurement))]
public sealed class ArticleLoaderMemoryTests(ITestOutputHelper output)
{
    private const int Records = 1500;

    [Fact]
    public async Task LoadFolderAsync_CallerRunsOnAfterTheLoad_OnlyTheArticlesStayOnTheHeap()
    {
        using var folder = new TempFolder();
        var file = folder.WriteBytes("news.jsonl", Corpus());
        var fileBytes = new FileInfo(file).Length;
        using var warmUp = new TempFolder();
        warmUp.Write("warm.jsonl", """{"title": "Warm up", "body": "Static tables load once. They belong in the baseline."}""");

        // xunit's synchronization context would post the code after each await back to itself, unwinding the
        // loader's stack first; a pool thread has none, so this code runs on the thread that completed the load,
        // as the benchmark and the reloader do.
        var (count, retained, articleBytes) = await Task.Run(async () =>
        {
            var loader = Loaders.Create();
            await loader.LoadFolderAsync(warmUp.Path, CancellationToken.None);
            var baseline = ManagedHeap.LiveBytes();
            var result = await loader.LoadFolderAsync(folder.Path, CancellationToken.None);
            var live = ManagedHeap.LiveBytes() - baseline;
            return (result.Articles.Count, live, result.Articles.Sum(StringBytes));
        });

        output.WriteLine($"file {fileBytes:N0} B, articles' strings {articleBytes:N0} B, retained {retained:N0} B");
        Assert.Equal(Records, count);

        // Measured: the articles with their objects and lists come to 1.04x their strings. When the caller ran on
        // top of the loader's frames, parts of the file's bytes and text and the drafts stayed as well: 2.07x.
        Assert.InRange(retained, articleBytes / 2, articleBytes * 13 / 10);
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
