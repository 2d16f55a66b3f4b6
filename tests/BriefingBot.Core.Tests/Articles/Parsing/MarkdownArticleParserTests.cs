namespace BriefingBot.Core.Tests.Articles.Parsing;

public sealed class MarkdownArticleParserTests
{
    [Fact]
    public async Task Parse_FrontMatter_TakesEveryMetadataField()
    {
        const string md = """
            ---
            title: "Summit ends without a deal"
            source_url: https://example.org/summit
            publisher: Example News
            authors: [Jane Doe, John Roe]
            published_at: 2019-02-28T09:00:00Z
            categories:
              - Asia
              - Diplomacy
            ---
            # Summit ends without a deal

            The **two leaders** left [Hanoi](https://example.org/hanoi) early.
            """;

        var article = Assert.Single((await Loaders.LoadOneAsync("summit.md", md)).Articles);

        Assert.Equal("Summit ends without a deal", article.Title);
        Assert.Equal("https://example.org/summit", article.SourceUrl);
        Assert.Equal("Example News", article.Outlet);
        Assert.Equal("Jane Doe, John Roe", article.Author);
        Assert.Equal(new DateTimeOffset(2019, 2, 28, 9, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(["Asia", "Diplomacy"], article.Tags);
        Assert.Equal("The two leaders left Hanoi early.", article.Body);
    }

    [Theory]
    [InlineData("title: Front title\n", "# Heading title\n\nBody.", "Front title", "Heading title\n\nBody.")]
    [InlineData("", "Intro line\n\n# Heading title\n\nBody.", "Heading title", "Intro line\n\nBody.")]
    [InlineData("", "First line title\nrest of the paragraph.\n\nBody.", "First line title", "rest of the paragraph.\n\nBody.")]
    [InlineData("", "Setext title\n============\n\nBody.", "Setext title", "Body.")]
    [InlineData("", "## Sub heading first\n\nBody.", "Sub heading first", "Body.")]
    public async Task Parse_TitleSources_UsesFrontMatterThenH1ThenFirstLine(string frontMatter, string markdown, string title, string body)
    {
        var text = frontMatter.Length > 0 ? $"---\n{frontMatter}---\n{markdown}" : markdown;

        var article = Assert.Single((await Loaders.LoadOneAsync("a.md", text)).Articles);

        Assert.Equal(title, article.Title);
        Assert.Equal(body, article.Body);
    }

    [Theory]
    [InlineData("Some *emphasis* and **strong** and __bold__ and _italic_ text.", "Some emphasis and strong and bold and italic text.")]
    [InlineData("A [link](https://x.org/a_(b)) and ![a photo](p.png) and <https://x.org>.", "A link and a photo and https://x.org.")]
    [InlineData("A [ref link][1] here.\n\n[1]: https://x.org", "A ref link here.")]
    [InlineData("Use `code_here` and snake_case_names and 5 * 3 * 2.", "Use code_here and snake_case_names and 5 * 3 * 2.")]
    [InlineData("> A quoted\n> sentence.", "A quoted sentence.")]
    [InlineData("- one\n- two\n1. three", "one\n\ntwo\n\nthree")]
    [InlineData("Line one wraps\nonto line two.\n\n***\n\nNext.", "Line one wraps onto line two.\n\nNext.")]
    [InlineData("Before\n\n```\nkeep  this\n  code\n```\n\nAfter", "Before\n\nkeep this\ncode\n\nAfter")]
    [InlineData("An <em>inline</em> tag and a \\*literal\\* star.", "An inline tag and a *literal* star.")]
    public async Task Parse_MarkdownSyntax_IsStrippedToPlainText(string markdown, string body)
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("a.md", $"# T\n\n{markdown}")).Articles);

        Assert.Equal(body, article.Body);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nBody.", "front matter is not valid YAML:", "(line 3)")]
    [InlineData("---\ntitle: ok\n  bad: indent: here\n---\nBody.", "front matter is not valid YAML:", "(line 3)")]
    [InlineData("---\n- just\n- a list\n---\nBody.", "expected 'key: value' lines", "(line 2)")]
    [InlineData("---\ntitle: never closed\n\nBody.", "front matter is not closed", "line 1")]
    public async Task Parse_BrokenFrontMatter_ReportsReasonAndLine(string markdown, string reason, string line)
    {
        var result = await Loaders.LoadOneAsync("bad.md", markdown);

        Assert.Empty(result.Articles);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("bad.md", problem.Source);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Contains(line, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_BoilerplateInMarkdown_IsRemoved()
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("a.md", "# T\n\nBody text.\n\n## Leave a Reply\n\n*Share this:*")).Articles);

        Assert.Equal("Body text.", article.Body);
    }
}
