using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Commands.Access;
using BriefingBot.Commands.Handlers;
using BriefingBot.Core;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Store;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Tests.Translation;

/// <summary>
/// An HTML page with scripts, styles, event handlers and inline markup, loaded by the real loader and answered
/// through the real handlers and renderer: none of the page's code or tags reaches a reply.
/// </summary>
public sealed class HostileArticleTests : IAsyncLifetime
{
    private const string Page = """
        <!doctype html>
        <html><head>
        <title>Harbour bridge opens</title>
        <style>body { color: red } .hidden { display: none }</style>
        <script>alert('head script'); document.cookie</script>
        <meta property="og:url" content="https://news.example/bridge">
        </head><body>
        <nav><a href="/">Home</a> <script>trackNavigation()</script></nav>
        <article>
        <h1>Harbour bridge opens</h1>
        <p>The new harbour bridge opened to traffic on Friday. <script>alert('inline script')</script><b>Engineers</b> said the <i>steel</i> came from three countries.</p>
        <style>.x { background: url(javascript:alert(1)) }</style>
        <p>The mayor said the bridge would halve commuting times. <img src="x" onerror="alert('img')"><span style="color:red">Residents</span> cheered at dawn.</p>
        <p>Critics said the <a href="javascript:alert('link')">bridge</a> cost 420 million dollars.<noscript>Enable scripts</noscript></p>
        </article>
        </body></html>
        """;

    private static readonly string[] Forbidden =
    [
        "<", "alert(", "document.cookie", "trackNavigation", "color: red", "color:red", "display: none", "javascript:",
        "onerror", "Enable scripts",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-html-" + Guid.NewGuid().ToString("N"));
    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;
    private IReadOnlyList<Article> _articles = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "bridge.html"), Page);
        var loaded = await new ArticleLoader(new ContentOptions(), NullLogger<ArticleLoader>.Instance).LoadFolderAsync(_folder, CancellationToken.None);
        _articles = loaded.Articles;
        _server = await FakeDiscordServer.StartAsync();
        _host = DiscordTestHost.Create(_server, commands: AddRealCommands);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Load_HtmlPage_KeepsTheTextAndDropsScriptsStylesAndTags()
    {
        var article = Assert.Single(_articles);

        Assert.Contains("Engineers said the steel came from three countries.", article.Body, StringComparison.Ordinal);
        Assert.Contains("Residents cheered at dawn.", article.Body, StringComparison.Ordinal);
        Assert.All(Forbidden, f => Assert.DoesNotContain(f, article.Title + "\n" + article.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ask", "question", "Where did the steel come from?")]
    [InlineData("ask", "question", "What did the mayor say about commuting times?")]
    [InlineData("search", "query", "bridge engineers steel")]
    [InlineData("summary", "article", "Harbour bridge opens")]
    public async Task Reply_FromHtmlArticle_CarriesNoScriptStyleOrMarkup(string command, string option, string value)
    {
        var interaction = DiscordPayloads.Command(command, 0, DiscordPayloads.Option(option, 3, value));
        var responder = new CapturingResponder();

        await _host.Interactions.HandleAsync(
            JsonSerializer.Deserialize<JsonInteraction>(interaction.ToJsonString(), DiscordJson.Options)!, responder, CancellationToken.None);
        var response = await responder.Response.WaitAsync(DiscordTestHost.Timeout);

        var message = Assert.IsType<JsonMessageContent>(response.Data);
        var text = MessageText.Visible(message);
        Assert.Contains("bridge", text, StringComparison.OrdinalIgnoreCase); // the article did answer
        Assert.All(Forbidden, f => Assert.DoesNotContain(f, text, StringComparison.Ordinal));
        Assert.Empty(message.AllowedMentions!.Parse);
    }

    private void AddRealCommands(IServiceCollection services)
    {
        services.AddBriefingCore();
        var store = new ArticleStore();
        store.Publish(new ArticleSnapshot(SearchIndex.Build(_articles), [], DateTimeOffset.UnixEpoch, 1));
        services.AddSingleton<IArticleStore>(store);
        services.AddSingleton<ICommandHandler, Commands.Handlers.AskHandler>();
        services.AddSingleton<ICommandHandler, SearchHandler>();
        services.AddSingleton<ICommandHandler, Commands.Handlers.SummaryHandler>();
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton(new ModeratorPolicy(Options.Create(new ModerationOptions())));
        services.AddSingleton<CommandDispatcher>();
    }
}
