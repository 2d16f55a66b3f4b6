namespace BriefingBot.Core.Tests.Articles.Parsing;

public sealed class HtmlArticleParserTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head>
          <title>Page title | Example</title>
          <meta property="og:title" content="Kim warned his generals">
          <meta property="og:site_name" content="Example News">
          <meta property="og:url" content="https://example.org/og">
          <link rel="canonical" href="https://example.org/kim">
          <meta name="author" content="Jane Doe">
          <meta property="article:published_time" content="2019-05-01T10:30:00Z">
          <meta property="article:tag" content="Korea">
          <meta property="article:tag" content="Summit">
          <meta name="keywords" content="ignored, when, tags, exist">
          <script>var x = "not text";</script>
        </head><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <header><h1>Kim warned his generals</h1></header>
          <article>
            <header><p class="byline">By Jane Doe</p></header>
            <p>First   paragraph
               of the story.</p>
            <h2>A subheading</h2>
            <p>Second paragraph with <a href="/x">a link</a> and <b>bold</b>.<br>After a break.</p>
            <blockquote><p>A quoted paragraph.</p></blockquote>
            <ul><li>Item one</li><li>Item two</li></ul>
            <aside><p>Read more: unrelated story</p></aside>
            <figure><img src="a.jpg"><figcaption>Caption</figcaption></figure>
            <div class="sharedaddy"><p>Share this:</p></div>
            <section id="comments"><p>Great article!</p><form><p>Leave a Reply</p></form></section>
            <!-- a comment -->
            <style>.x { color: red }</style>
          </article>
          <footer><p>Copyright Example</p></footer>
        </body></html>
        """;

    [Fact]
    public async Task Parse_ArticlePage_TakesMetadataFromMetaTags()
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("kim.html", Page)).Articles);

        Assert.Equal("Kim warned his generals", article.Title);
        Assert.Equal("https://example.org/kim", article.SourceUrl);
        Assert.Equal("Example News", article.Outlet);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal(new DateTimeOffset(2019, 5, 1, 10, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(["Korea", "Summit"], article.Tags);
    }

    [Fact]
    public async Task Parse_ArticlePage_KeepsOnlyTheArticleParagraphs()
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("kim.html", Page)).Articles);

        Assert.Equal(
            "First paragraph of the story.\n\nA subheading\n\nSecond paragraph with a link and bold.\nAfter a break.\n\nA quoted paragraph.\n\nItem one\n\nItem two",
            article.Body);
    }

    [Fact]
    public async Task Parse_MinimalPage_FallsBackToTitleElementBodyAndTimeElement()
    {
        const string html = """
            <html><head><title>Plain page</title><meta name="keywords" content="a, b; c"></head>
            <body><main><time datetime="2020-01-02">2 Jan</time><div>Loose text in a div.</div><div>More text.</div></main></body></html>
            """;

        var article = Assert.Single((await Loaders.LoadOneAsync("plain.htm", html)).Articles);

        Assert.Equal("Plain page", article.Title);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(["a", "b", "c"], article.Tags);
        Assert.Contains("Loose text in a div.\nMore text.", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_NoTitleAnywhere_UsesFirstH1()
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("h.html", "<body><h1>Only heading</h1><p>Text.</p></body>")).Articles);

        Assert.Equal("Only heading", article.Title);
        Assert.Equal("Text.", article.Body);
    }

    [Fact]
    public async Task Parse_PageWithoutText_ReportsProblem()
    {
        var result = await Loaders.LoadOneAsync("empty.html", "<html><head><title>Nothing</title></head><body><nav>Menu</nav></body></html>");

        Assert.Empty(result.Articles);
        Assert.Contains("no body text", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }
}
