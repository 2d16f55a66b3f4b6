using System.Text.RegularExpressions;
using BriefingBot.Core.Text;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Articles;

/// <summary>The scraped seed articles shipped in <c>seeds/</c>: titles, byline, boilerplate gone, no article text lost.</summary>
public sealed partial class ArticleLoaderTests
{
    private const string DefectorTitle = "Report: North Korean defector tells Trump he’s been duped, asks president to stage coup";
    private const string GeneralsTitle = "Kim warned his generals of inadvertent movement ahead of Trump summit";

    /// <summary>The boilerplate lines the seeds carry; everything else in them is article text.</summary>
    private static readonly string[] SeedBoilerplate =
    [
        "Leave a Reply",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Your email address will not be published. Required fields are marked *",
        "Posted on by",
        "This entry was posted in , , by Grant Montgomery.",
    ];

    private static string SeedsFolder => RepositoryPaths.Seeds;

    [Fact]
    public async Task LoadFolderAsync_Seeds_LoadsBothWithTitles()
    {
        var result = await Loaders.LoadAsync(SeedsFolder);

        Assert.Empty(result.Problems);
        Assert.Equal([DefectorTitle, GeneralsTitle], result.Articles.Select(a => a.Title));
        Assert.Equal(["000_7686bac24476dbc3", "004_2cd50ea2d18e3eb8"], result.Articles.Select(a => a.Id));
    }

    [Fact]
    public async Task LoadFolderAsync_SeedWithEntryLine_TakesAuthorFromIt()
    {
        var result = await Loaders.LoadAsync(SeedsFolder);

        var generals = result.Articles.Single(a => a.Title == GeneralsTitle);
        Assert.Equal("Grant Montgomery", generals.Author);
        Assert.Empty(generals.Tags);
        Assert.Null(result.Articles.Single(a => a.Title == DefectorTitle).Author);
    }

    [Fact]
    public async Task LoadFolderAsync_Seeds_LeaveNoBoilerplate()
    {
        var result = await Loaders.LoadAsync(SeedsFolder);

        foreach (var article in result.Articles)
        {
            foreach (var phrase in new[] { "Leave a Reply", "Akismet", "Your email address", "Posted on", "This entry was posted", "Grant Montgomery" })
            {
                Assert.DoesNotContain(phrase, article.Body, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain("\n\n\n", article.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(article.Title, article.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("000_7686bac24476dbc3.txt")]
    [InlineData("004_2cd50ea2d18e3eb8.txt")]
    public async Task LoadFolderAsync_Seed_KeepsEverySentenceOfTheArticle(string fileName)
    {
        var result = await Loaders.LoadAsync(SeedsFolder);
        var article = result.Articles.Single(a => a.SourcePath == fileName);

        var rawLines = File.ReadAllText(Path.Combine(SeedsFolder, fileName))
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Skip(1) // the title
            .Where(l => !SeedBoilerplate.Contains(l))
            .ToList();

        // Every sentence survives verbatim (after display normalisation) ...
        var sentences = rawLines.SelectMany(l => Regex.Split(l, @"(?<=[.!?”])\s+(?=[A-Z“])")).Where(s => s.Length > 0).ToList();
        Assert.True(sentences.Count > 5);
        Assert.All(sentences, s => Assert.Contains(TextNormalizer.Normalize(s), article.Body, StringComparison.Ordinal));

        // ... and the body holds exactly the article's words, in order: nothing lost, nothing added.
        Assert.Equal(Words(string.Join("\n", rawLines)), Words(article.Body));
        Assert.Equal(rawLines.Count, article.Paragraphs.Count);
    }

    private static List<string> Words(string text) => [.. Regex.Matches(text, @"[\p{L}\p{Nd}]+").Select(m => m.Value)];
}
