namespace BriefingBot.Core.Tests.Articles.Parsing;

public sealed class JsonArticleParserTests
{
    [Theory]
    [InlineData("""{"title": "T", "body": "B."}""")]
    [InlineData("""{"Headline": "T", "TEXT": "B."}""")]
    [InlineData("""{"headline": "T", "content": "B."}""")]
    [InlineData("""{"title": "T", "article": "B."}""")]
    [InlineData("""{"title": "T", "description": "B."}""")]
    [InlineData("""{"title": "T", "body": "", "description": "B."}""")]
    public void Parse_TitleAndBodyAliases_AreAcceptedCaseInsensitively(string json)
    {
        var article = Assert.Single(Load("a.json", json).Articles);

        Assert.Equal(("T", "B."), (article.Title, article.Body));
    }

    [Fact]
    public void Parse_FullRecord_MapsEveryMetadataField()
    {
        const string json = """
            {
              "id": "world/17", "title": "T", "body": "B.",
              "sourceUrl": "https://example.org/t",
              "source": {"id": "ex", "name": "Example News"},
              "authors": ["Jane Doe", {"name": "John Roe"}],
              "publishedAt": "2019-05-01T10:30:00Z",
              "topics": ["trade", "asia"], "category": "World", "keywords": "Trade; Tariffs"
            }
            """;

        var article = Assert.Single(Load("feed.json", json).Articles);

        Assert.Equal("feed", article.Id);
        Assert.Equal("https://example.org/t", article.SourceUrl);
        Assert.Equal("Example News", article.Outlet);
        Assert.Equal("Jane Doe, John Roe", article.Author);
        Assert.Equal(new DateTimeOffset(2019, 5, 1, 10, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(["trade", "asia", "World", "Tariffs"], article.Tags);
        Assert.Equal("feed.json", article.SourcePath);
    }

    [Theory]
    [InlineData("""{"title": "T", "body": "B.", "byline": "Jane Doe"}""", "Jane Doe")]
    [InlineData("""{"title": "T", "body": "B.", "author": ["A", "B", " "]}""", "A, B")]
    [InlineData("""{"title": "T", "body": "B.", "pubDate": "Wed, 01 May 2019 10:30:00 GMT"}""", null)]
    public void Parse_AuthorVariants_AreJoined(string json, string? author)
    {
        var article = Assert.Single(Load("a.json", json).Articles);

        Assert.Equal(author, article.Author);
    }

    [Theory]
    [InlineData("""{"title": "T", "body": "B.", "date": "26-FEB-1987 15:01:01.79"}""", "1987-02-26T15:01:01.79Z")]
    [InlineData("""{"title": "T", "body": "B.", "published_at": 1556706600}""", "2019-05-01T10:30:00Z")]
    [InlineData("""{"title": "T", "body": "B.", "published": "gibberish"}""", null)]
    public void Parse_DateVariants_AreParsed(string json, string? expected)
    {
        var article = Assert.Single(Load("a.json", json).Articles);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.PublishedAt);
    }

    [Fact]
    public void Parse_ArrayWithBadItems_LoadsTheGoodOnesAndNamesTheBadIndexes()
    {
        const string json = """[{"id": "A/1", "title": "One", "body": "B1."}, 42, {"title": "Three", "body": "B3."}, {"title": "Four"}]""";

        var result = Load("list.json", json);

        Assert.Equal(["list-a-1", "list-3"], result.Articles.Select(a => a.Id));
        Assert.Equal(["list.json#1", "list.json#3"], result.Articles.Select(a => a.SourcePath));
        Assert.Equal(
            ["list.json#2: item 2 of the array is not an article object", "list.json#4: the article has a title but no body text"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_JsonLinesWithBadLines_LoadsTheOthersAndNamesEachLine()
    {
        var jsonl = string.Join('\n',
            """{"id": "business/001", "title": "One", "body": "B1."}""",
            "",
            """{"title": "Three", "body": "B3."}""",
            """{"title": "Four", "body": """,
            "[1, 2]",
            """{"body": "Only a body here. And more."}""",
            "   ",
            """{"title": "Seven", "body": "B7."}""") + "\n";

        var result = Load("bbc-news.jsonl", jsonl);

        Assert.Equal(["bbc-news-business-001", "bbc-news-3", "bbc-news-6", "bbc-news-8"], result.Articles.Select(a => a.Id));
        Assert.Equal("Only a body here.", result.Articles[2].Title);
        Assert.Equal(["bbc-news.jsonl#4", "bbc-news.jsonl#5"], result.Problems.Select(p => p.Source));
        Assert.StartsWith("line 4 is not valid JSON: ", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal("line 5 is not an article object", result.Problems[1].Reason);
    }

    [Fact]
    public void Parse_BrokenJsonDocument_ReportsReasonAndLine()
    {
        var problem = Assert.Single(Load("bad.json", "[\n  {\"title\": \"x\",\n  \"body\" \"y\"}\n]").Problems);

        Assert.Equal("bad.json", problem.Source);
        Assert.StartsWith("the file is not valid JSON: ", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(line 3)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WireBodyWithHardWraps_JoinsTheWraps()
    {
        const string json = """{"title": "COCOA", "body": "Showers continued throughout the week in\nthe Bahia cocoa zone.\n    The dry period means the temporao will be late."}""";

        var article = Assert.Single(Load("r.jsonl", json).Articles);

        Assert.Equal("Showers continued throughout the week in the Bahia cocoa zone.\n\nThe dry period means the temporao will be late.", article.Body);
    }

    private static Core.Articles.ArticleLoadResult Load(string fileName, string content) =>
        Loaders.LoadOneAsync(fileName, content).GetAwaiter().GetResult();
}
