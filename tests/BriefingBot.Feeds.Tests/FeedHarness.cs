using BriefingBot.Core;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Cluster;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Feeds.Polling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage;
using BriefingBot.Testing;
using Microsoft.Extensions.Time.Testing;
using BriefingBot.Testing.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Feeds.Tests;

/// <summary>
/// The feed pipeline as the bot composes it, over a real SQLite file, a real (empty) content folder and a fake
/// publisher on 127.0.0.1. Polling runs on a hand-driven clock; HTTP timeouts run on the real one.
/// <see cref="RestartAsync"/> builds everything again over the same files, as a restarted process would.
/// </summary>
public sealed class FeedHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 7, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private ServiceProvider _services;

    private readonly bool _ownsShared;

    private FeedHarness(FakeFeedServer server, Dictionary<string, string?> settings, FeedHarness? peerOf = null)
    {
        Server = server;
        _settings = settings;
        _ownsShared = peerOf is null;
        Folder = peerOf?.Folder ?? Path.Combine(Path.GetTempPath(), "briefingbot-feed-tests", Guid.NewGuid().ToString("N"));
        Clock = peerOf?.Clock ?? new FakeTimeProvider(Start);
        Directory.CreateDirectory(Path.Combine(Folder, "content"));
        _services = Build();
    }

    public FakeFeedServer Server { get; }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    public Mock<IFeedAudit> Audit { get; } = new();

    public FeedPoller Poller => _services.GetRequiredService<FeedPoller>();

    public FeedSourceManager Manager => _services.GetRequiredService<FeedSourceManager>();

    public IFeedSourceStore Sources => _services.GetRequiredService<IFeedSourceStore>();

    public IFeedPollLeases Leases => _services.GetRequiredService<IFeedPollLeases>();

    public ContentReloader Reloader => _services.GetRequiredService<ContentReloader>();

    public IArticleStore Store => _services.GetRequiredService<IArticleStore>();

    public static async Task<FeedHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var server = await FakeFeedServer.StartAsync(cancellationToken: TestTimeout.Token());
        var settings = new Dictionary<string, string?>
        {
            ["Sources:AllowPrivateAddresses:0"] = "127.0.0.1",
            ["Sources:Retries"] = "0",
            ["Sources:RequestTimeout"] = "00:00:05",
            ["Sources:MinIntervalPerHost"] = "00:00:00",
            ["Sources:DefaultPollInterval"] = "00:05:00",
            ["Sources:FetchPageBelowWords"] = "0",
        };
        configure?.Invoke(settings);
        return new FeedHarness(server, settings);
    }

    /// <summary>
    /// A second instance of the bot over the same database, content folder, publisher and clock, as another process
    /// sharing this one's state would be. Disposing it leaves the shared parts to this harness.
    /// </summary>
    public FeedHarness StartPeer() => new(Server, _settings, this);

    /// <summary>What this instance does when another announces a change (the broadcast's receiving side).</summary>
    public async Task ApplyPeerChangeAsync(ContentChange change)
    {
        foreach (var handler in _services.GetServices<IContentChangeHandler>().Where(h => h.Change == change))
        {
            await handler.ApplyAsync(TestTimeout.Token());
        }
    }

    /// <summary>Subscribes a feed as a moderator would, without polling it.</summary>
    public async Task<FeedSource> SubscribeAsync(string path, TimeSpan? poll = null, DateTimeOffset? addedAt = null) =>
        await Sources.AddAsync(new FeedSource
        {
            Url = Server.Url(path).AbsoluteUri,
            PollInterval = poll ?? TimeSpan.FromMinutes(5),
            AddedAt = addedAt ?? Clock.GetUtcNow(),
            AddedBy = "test",
        }, TestTimeout.Token());

    public async Task<FeedSource> SourceAsync(long id) => (await Sources.FindAsync(id, TestTimeout.Token()))!;

    /// <summary>Polls what is due and publishes, as one tick of the polling loop does.</summary>
    public async Task<IReadOnlyList<PollResult>> TickAsync()
    {
        var results = await Poller.PollDueAsync(TestTimeout.Token());
        await Reloader.RefreshExternalAsync(TestTimeout.Token());
        return results;
    }

    /// <summary>The hosted polling loop on the hand-driven clock (not started).</summary>
    public FeedPollingService CreatePollingService() => ActivatorUtilities.CreateInstance<FeedPollingService>(_services, (TimeProvider)Clock);

    public AnswerResult Ask(string question) => new QuestionAnswerer().Answer(Store.Current.Index, question);

    public IReadOnlyList<Article> FeedArticles => Store.Current.Articles.Where(a => a.SourcePath.StartsWith("feed:", StringComparison.Ordinal)).ToArray();

    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
        await Reloader.ReloadAsync(TestTimeout.Token());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_ownsShared)
        {
            return;
        }

        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(_settings)
        {
            ["Storage:DatabasePath"] = Path.Combine(Folder, "state.db"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddBriefingCore();
        services.AddSingleton<IOptions<ContentOptions>>(Options.Create(new ContentOptions { Folder = Path.Combine(Folder, "content") }));
        services.AddSingleton<IArticleLoader>(sp => new ArticleLoader(sp.GetRequiredService<IOptions<ContentOptions>>().Value, NullLogger<ArticleLoader>.Instance));
        services.AddStorage(configuration);
        services.AddBriefingFeeds(configuration);
        services.AddSingleton(Audit.Object);

        // Polling decisions run on the hand-driven clock; sockets and timeouts keep the real one.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FeedPoller>(sp, (TimeProvider)Clock));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FeedSourceManager>(sp, (TimeProvider)Clock));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ContentReloader>(sp, (TimeProvider)Clock));
        return services.BuildServiceProvider();
    }
}
