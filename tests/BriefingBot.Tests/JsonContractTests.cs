using BriefingBot.Testing;

namespace BriefingBot.Tests;

/// <summary>
/// One snapshot per CLI verb of what <c>--json</c> prints: field names, order and kinds. These are the contract
/// scripts rely on (README documents <c>ask</c>'s); a change here is a breaking change for them.
/// </summary>
public sealed class JsonContractTests
{
    private static async Task<string> ShapeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await BotApplication.RunAsync([.. args, "--json", "--content", RepositoryPaths.Seeds], output, error, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return JsonShape.Of(output.ToString());
    }

    [Fact]
    public async Task Ask() => Assert.Equal(
        "{question: string, answered: bool, answers: [{articleId: string, title: string, sentence: string, score: number, confidence: number, before: string}], suggestions: [], corrections: [], unknownWords: []}",
        await ShapeAsync("ask", "What was Kim's goal with the orders?"));

    [Fact]
    public async Task Search() => Assert.Equal(
        "{query: string, page: number, results: [{articleId: string, title: string, score: number, snippet: string}]}",
        await ShapeAsync("search", "sanctions"));

    [Fact]
    public async Task Summary() => Assert.Equal(
        "{articleId: string, title: string, sentences: [string], length: string, text: string, isWholeArticle: bool}",
        await ShapeAsync("summary", "Kim warned his generals"));

    [Fact]
    public async Task Quote() => Assert.Equal(
        "[{articleId: string, title: string, text: string, speaker: string, score: number}]",
        await ShapeAsync("quote", "--about", "nuclear weapons", "--by", "defector"));

    [Fact]
    public async Task Articles() => Assert.Equal(
        "{total: number, page: number, pages: number, articles: [{articleId: string, title: string, author: string, wordCount: number, readingMinutes: number}]}",
        await ShapeAsync("articles"));

    [Fact]
    public async Task Digest() => Assert.Equal(
        "{items: [{articleId: string, title: string, summary: string, date: string, relatedArticleIds: []}], generatedAt: string, fellBackToLatest: bool, articleCount: number}",
        await ShapeAsync("digest"));

    [Fact]
    public async Task Reload() => Assert.Equal(
        "{status: string, added: [string], changed: [], removed: [], skipped: [], keptPrevious: [], articleCount: number, duration: string}",
        await ShapeAsync("reload"));

    [Fact]
    public async Task Help() => Assert.Equal(
        "[{name: string, usage: string, description: string, moderatorOnly: bool}]",
        await ShapeAsync("help"));

    [Fact]
    public async Task SourcesList() => Assert.Equal(
        "[]",
        await ShapeAsync("sources", "list"));

    [Fact]
    public async Task Problem() => Assert.Equal(
        "{kind: string, message: string}",
        await ShapeAsync("ask", "   "));
}
