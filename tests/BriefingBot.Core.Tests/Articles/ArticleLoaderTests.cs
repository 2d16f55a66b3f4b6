using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using BriefingBot.Core.Articles;
using BriefingBot.Testing;
using Xunit.Abstractions;

namespace BriefingBot.Core.Tests.Articles;

public sealed partial class ArticleLoaderTests(ITestOutputHelper output)
{
    private const string GoodText = "Good title\n\nGood body sentence one. Good body sentence two.\n";

    [Fact]
    public async Task LoadFolderAsync_MissingFolder_ReportsFolderUnreadable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "briefingbot-missing-" + Guid.NewGuid().ToString("N"));

        var result = await Loaders.LoadAsync(missing);

        Assert.True(result.FolderUnreadable);
        Assert.Empty(result.Articles);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(missing, problem.Source);
        Assert.Contains("does not exist", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadFolderAsync_PathIsAFile_ReportsFolderUnreadable()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", GoodText);

        var result = await Loaders.LoadAsync(file);

        Assert.True(result.FolderUnreadable);
        Assert.Contains("is a file", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadFolderAsync_EmptyFolder_ReturnsNothingAndIsReadable()
    {
        using var folder = new TempFolder();

        var result = await Loaders.LoadAsync(folder.Path);

        Assert.False(result.FolderUnreadable);
        Assert.Empty(result.Articles);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task LoadFolderAsync_EveryFormatInSubfolders_LoadsAllInRelativePathOrder()
    {
        using var folder = new TempFolder();
        folder.Write("z-last.txt", GoodText);
        folder.Write("b/page.html", "<html><head><title>Html title</title></head><body><article><p>Html body.</p></article></body></html>");
        folder.Write("a/notes.md", "# Markdown title\n\nMarkdown *body*.\n");
        folder.Write("c/one.json", """{"title": "Json title", "body": "Json body."}""");
        folder.Write("c/many.jsonl", """{"title": "Line one", "body": "First."}""" + "\n" + """{"title": "Line two", "body": "Second."}""");

        var result = await Loaders.LoadAsync(folder.Path);

        Assert.Empty(result.Problems);
        Assert.Equal(
            ["a/notes.md", "b/page.html", "c/many.jsonl#1", "c/many.jsonl#2", "c/one.json", "z-last.txt"],
            result.Articles.Select(a => a.SourcePath));
        Assert.Equal(
            ["Markdown title", "Html title", "Line one", "Line two", "Json title", "Good title"],
            result.Articles.Select(a => a.Title));
        Assert.Equal(
            ["notes", "page", "many-1", "many-2", "one", "z-last"],
            result.Articles.Select(a => a.Id));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty" },
        { "blank.txt", Encoding.UTF8.GetBytes("  \n\t\n  "), "only whitespace" },
        { "image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary" },
        { "controls.txt", [.. Enumerable.Repeat((byte)0x01, 50), .. "hello"u8.ToArray()], "binary" },
        { "latin1.txt", [.. "Caf"u8.ToArray(), 0xE9, .. " au lait\nbody"u8.ToArray()], "not valid UTF-8" },
        { "title-only.txt", Encoding.UTF8.GetBytes("Just a title\n"), "no body" },
        { "boilerplate.txt", Encoding.UTF8.GetBytes("Title\n\nLeave a Reply\n\nShare this:\n"), "boilerplate" },
        { "front.md", Encoding.UTF8.GetBytes("---\ntitle: [unclosed\n---\nBody.\n"), "front matter is not valid YAML" },
        { "open.md", Encoding.UTF8.GetBytes("---\ntitle: x\nBody without end.\n"), "front matter is not closed" },
        { "broken.json", Encoding.UTF8.GetBytes("{\"title\": \"x\", "), "not valid JSON" },
        { "scalar.json", Encoding.UTF8.GetBytes("42"), "article object" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task LoadFolderAsync_BadFileAmongGoodOnes_ReportsItAndLoadsTheOthers(string fileName, byte[] content, string cause)
    {
        using var folder = new TempFolder();
        folder.Write("a-good.txt", GoodText);
        folder.WriteBytes(fileName, content);
        folder.Write("z-good.md", "# Other good\n\nText.");

        var result = await Loaders.LoadAsync(folder.Path);

        Assert.False(result.FolderUnreadable);
        Assert.Equal(["Good title", "Other good"], result.Articles.Select(a => a.Title));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(fileName, problem.Source);
        Assert.Contains(fileName, problem.ToString(), StringComparison.Ordinal);
        Assert.Contains(cause, problem.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoadFolderAsync_FileLargerThanLimit_ReportsSizeWithoutReading()
    {
        using var folder = new TempFolder();
        folder.Write("big.txt", "Title\n\n" + new string('x', 2000));
        folder.Write("small.txt", GoodText);

        var result = await Loaders.LoadAsync(folder.Path, maxFileBytes: 1024);

        Assert.Equal("Good title", Assert.Single(result.Articles).Title);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("big.txt", problem.Source);
        Assert.Contains("larger than the 1 KiB limit", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16-le")]
    [InlineData("utf16-be")]
    public async Task LoadFolderAsync_FileWithByteOrderMark_DecodesIt(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf16-le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            _ => (Encoding)new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        };
        using var folder = new TempFolder();
        folder.WriteBytes("bom.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes("Café title\n\nBody – with “quotes”.")]);

        var result = await Loaders.LoadAsync(folder.Path);

        Assert.Empty(result.Problems);
        var article = Assert.Single(result.Articles);
        Assert.Equal("Café title", article.Title);
        Assert.Equal("Body – with “quotes”.", article.Body);
    }

    [Fact]
    public async Task LoadFolderAsync_HiddenAndUnsupportedFiles_AreIgnoredSilently()
    {
        using var folder = new TempFolder();
        folder.Write("real.txt", GoodText);
        folder.WriteBytes(".DS_Store", [0, 1, 2, 0]);
        folder.Write(".hidden.txt", GoodText);
        folder.Write(".git/notes.txt", GoodText);
        folder.Write("~$lock.txt", GoodText);
        folder.Write("notes.docx", "not really");
        folder.Write("image.png", "not really");

        var result = await Loaders.LoadAsync(folder.Path);

        Assert.Empty(result.Problems);
        Assert.Equal("real", Assert.Single(result.Articles).Id);
    }

    [Fact]
    public async Task LoadFolderAsync_LoadedTwice_GivesTheSameIdsAndHashes()
    {
        using var folder = new TempFolder();
        folder.Write("a/Story One.txt", GoodText);
        folder.Write("b/story-one.txt", "Another\n\nDifferent body.");
        folder.Write("feed.jsonl", string.Join('\n', Enumerable.Range(1, 50).Select(i => $$"""{"id": "x/{{i}}", "title": "T{{i}}", "body": "B {{i}}."}""")));

        var first = await Loaders.LoadAsync(folder.Path);
        var second = await Loaders.LoadAsync(folder.Path);

        Assert.Equal(first.Articles.Select(a => (a.Id, a.ContentHash)), second.Articles.Select(a => (a.Id, a.ContentHash)));
        Assert.Equal(["story-one", "story-one-2"], first.Articles.Take(2).Select(a => a.Id));
        Assert.Equal("feed-x-1", first.Articles[2].Id);
        Assert.Equal(first.Articles.Count, first.Articles.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task LoadFolderAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 20; i++)
        {
            folder.Write($"a{i}.txt", GoodText);
        }

        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Loaders.Create().LoadFolderAsync(folder.Path, cts.Token));
    }

    [Fact]
    public async Task LoadAsync_ConfiguredFolder_LoadsIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", GoodText);
        var loader = new ArticleLoader(
            new ContentOptions { Folder = folder.Path },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleLoader>.Instance);

        var result = await loader.LoadAsync(CancellationToken.None);

        Assert.Equal("Good title", Assert.Single(result.Articles).Title);
    }

    [Fact]
    public void Constructor_NonPositiveMaxFileBytes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Loaders.Create(maxFileBytes: 0));
    }

    [Fact]
    public void SupportedExtensions_ListsEveryFormat()
    {
        Assert.Equivalent(
            new[] { ".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson" },
            Loaders.Create().SupportedExtensions);
    }

    [SharedDataFact("bbc-news-2225.jsonl")]
    public async Task LoadFolderAsync_BbcNewsDataset_Loads2225TitledArticles()
    {
        using var folder = new TempFolder();
        File.Copy(SharedData.PathOf("bbc-news-2225.jsonl"), Path.Combine(folder.Path, "bbc-news-2225.jsonl"));
        await Loaders.LoadAsync(folder.Path); // warm-up: JIT and regex construction are not part of the load time

        var (result, timing) = await TimedLoadAsync(folder.Path);
        output.WriteLine($"bbc-news-2225.jsonl: {result.Articles.Count} articles, {result.Problems.Count} problems; {timing}");

        Assert.Empty(result.Problems);
        Assert.Equal(2225, result.Articles.Count);
        Assert.All(result.Articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.All(result.Articles, a => Assert.DoesNotContain("\n\n\n", a.Body, StringComparison.Ordinal));
        var first = result.Articles[0];
        Assert.Equal("bbc-news-2225-business-001", first.Id);
        Assert.Equal("Ad sales boost Time Warner profit", first.Title);
        Assert.Equal(["business"], first.Tags);
        Assert.Equal(2225, result.Articles.Select(a => a.Id).Distinct().Count());
    }

    [SharedDataFact("reuters21578.jsonl")]
    public async Task LoadFolderAsync_ReutersDataset_LoadsEveryRecordWithBodyAndReportsTheRest()
    {
        using var folder = new TempFolder();
        File.Copy(SharedData.PathOf("reuters21578.jsonl"), Path.Combine(folder.Path, "reuters21578.jsonl"));
        await Loaders.LoadAsync(folder.Path);

        var (result, timing) = await TimedLoadAsync(folder.Path);
        output.WriteLine($"reuters21578.jsonl: {result.Articles.Count} articles, {result.Problems.Count} problems; {timing}");

        // 1,798 BRIEF records are a headline only and one UNPROC record is empty: reported, not loaded.
        Assert.Equal(21578, result.Articles.Count + result.Problems.Count);
        Assert.Equal(1799, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Contains("body text", p.Reason, StringComparison.Ordinal));
        var first = result.Articles[0];
        Assert.Equal("reuters21578-1", first.Id);
        Assert.Equal("BAHIA COCOA REVIEW", first.Title);
        Assert.Equal(new DateTimeOffset(1987, 2, 26, 15, 1, 1, 790, TimeSpan.Zero), first.PublishedAt);
        Assert.StartsWith("Showers continued throughout the week in the Bahia cocoa zone, alleviating", first.Body, StringComparison.Ordinal);
        Assert.Contains("weekly review.\n\nThe dry period means", first.Body, StringComparison.Ordinal);
        Assert.All(result.Articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
    }

    [SharedDataTheory("bbc-news-2225.jsonl", "reuters21578.jsonl", "cnndm-test-250-frank.jsonl", "xsum-test-251-frank.jsonl")]
    [InlineData("bbc-news-2225.jsonl", "body")]
    [InlineData("reuters21578.jsonl", "body")]
    [InlineData("cnndm-test-250-frank.jsonl", "article")]
    [InlineData("xsum-test-251-frank.jsonl", "article")]
    public async Task LoadFolderAsync_SharedDataset_KeepsEveryWordOfEveryBody(string fileName, string bodyField)
    {
        using var folder = new TempFolder();
        var path = SharedData.PathOf(fileName);
        File.Copy(path, Path.Combine(folder.Path, fileName));
        var raw = File.ReadLines(path)
            .Select((line, i) => (Source: $"{fileName}#{i + 1}", Body: JsonDocument.Parse(line).RootElement.GetProperty(bodyField).GetString() ?? ""))
            .ToDictionary(x => x.Source, x => x.Body);

        var result = await Loaders.LoadAsync(folder.Path);

        Assert.NotEmpty(result.Articles);
        // DailyMail's page instruction "Scroll down for video(s)" is the one thing these files carry that is not article text.
        var changed = result.Articles
            .Where(a => !Words(Regex.Replace(raw[a.SourcePath], "Scroll down for videos?", "", RegexOptions.IgnoreCase)).SequenceEqual(Words(a.Body)))
            .Select(a => a.SourcePath)
            .ToList();
        Assert.Empty(changed);
    }

    /// <summary>Wall time plus process CPU time: the machine is shared, so wall time alone says little.</summary>
    private static async Task<(ArticleLoadResult Result, string Timing)> TimedLoadAsync(string folder)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = await Loaders.LoadAsync(folder);
        stopwatch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return (result, $"wall {stopwatch.ElapsedMilliseconds} ms, CPU {cpu.TotalMilliseconds:0} ms on {Environment.ProcessorCount} cores");
    }
}
