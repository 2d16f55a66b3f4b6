namespace BriefingBot.Core.Tests.Articles;

/// <summary>A loader that loaded a folder before reuses what it made of every file whose bytes did not change.</summary>
public sealed partial class ArticleLoaderTests
{
    [Fact]
    public void LoadFolder_Again_ReusesUnchangedFiles_AndGivesTheSameArticles()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Alpha title\n\nAlpha body sentence one. Alpha body sentence two.\n");
        folder.Write("b.txt", "Beta title\n\nBeta body sentence one. Beta body sentence two.\n");
        var loader = Loaders.Create();

        var first = loader.LoadFolder(folder.Path, CancellationToken.None);
        var second = loader.LoadFolder(folder.Path, CancellationToken.None);

        Assert.Equal(first.Articles, second.Articles);
        Assert.All(first.Articles.Zip(second.Articles), pair => Assert.Same(pair.First.Body, pair.Second.Body)); // not parsed again
        Assert.NotSame(first.Articles[0].Body, Loaders.Create().LoadFolder(folder.Path, CancellationToken.None).Articles[0].Body); // a fresh loader parses
    }

    [Fact]
    public void LoadFolder_FileChangedWithItsSizeAndTimeKept_IsParsedAgain()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", "Alpha title\n\nThe vote was seven to four.\n");
        folder.Write("b.txt", "Beta title\n\nBeta body sentence one.\n");
        var loader = Loaders.Create();
        var first = loader.LoadFolder(folder.Path, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(path);

        File.WriteAllText(path, "Alpha title\n\nThe vote was seven to five.\n");
        File.SetLastWriteTimeUtc(path, written);
        var second = loader.LoadFolder(folder.Path, CancellationToken.None);

        Assert.Contains("seven to five", second.Articles.Single(a => a.Title == "Alpha title").Body, StringComparison.Ordinal);
        Assert.Same(first.Articles.Single(a => a.Title == "Beta title").Body, second.Articles.Single(a => a.Title == "Beta title").Body);
    }

    [Fact]
    public void LoadFolder_FileRemovedThenRestored_IsGoneThenBack_WithTheSameId()
    {
        using var folder = new TempFolder();
        var text = "Alpha title\n\nAlpha body sentence one.\n";
        var path = folder.Write("a.txt", text);
        folder.Write("b.txt", "Beta title\n\nBeta body sentence one.\n");
        var loader = Loaders.Create();
        var first = loader.LoadFolder(folder.Path, CancellationToken.None);

        File.Delete(path);
        var without = loader.LoadFolder(folder.Path, CancellationToken.None);
        folder.Write("a.txt", text);
        var restored = loader.LoadFolder(folder.Path, CancellationToken.None);

        Assert.Equal(["Beta title"], without.Articles.Select(a => a.Title));
        Assert.Equal(first.Articles.Select(a => (a.Id, a.Title)), restored.Articles.Select(a => (a.Id, a.Title)));
    }

    [Fact]
    public void LoadFolder_BadFileUnchanged_IsReportedEveryTime()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("bad.txt", [0x41, 0xFF, 0xFE, 0x00, 0x42]);
        var loader = Loaders.Create();

        var first = loader.LoadFolder(folder.Path, CancellationToken.None);
        var second = loader.LoadFolder(folder.Path, CancellationToken.None);

        Assert.Equal(Assert.Single(first.Problems), Assert.Single(second.Problems));
    }
}
