using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BriefingBot.Core;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Feeds;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage;
using BriefingBot.Testing.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Benchmarks.Feeds;

/// <summary>
/// <c>--feeds</c>: the bot's feed pipeline (real polling loop, safe HTTP client, SQLite, snapshot publishing) polls
/// feeds served by loopback publishers on 127.0.0.1…127.0.0.N at the default politeness (2 requests per host at a
/// time, 1 s apart). After the first read of every feed's back catalogue, new items appear on random feeds, and
/// each is asked about after every published snapshot until it is answered: that is its delay. Words only (no
/// embedding model), so the CPU is the feeds' own plus indexing; the publishers run in the same process.
/// </summary>
internal static class FeedsRun
{
    public static async Task<JsonObject> RunAsync(FeedsRunOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "briefingbot-feeds-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "content"));
        var servers = new List<FakeFeedServer>();
        try
        {
            for (var h = 0; h < options.Hosts; h++)
            {
                servers.Add(await FakeFeedServer.StartAsync(IPAddress.Parse($"127.0.0.{h + 1}"), cancellationToken));
            }

            var start = DateTimeOffset.UtcNow;
            var feeds = Enumerable.Range(0, options.FeedCount).Select(i => new SyntheticFeed(i, servers[i % servers.Count], $"feeds/{i}.xml")).ToArray();
            foreach (var feed in feeds)
            {
                for (var n = 0; n < options.ItemsPerFeed; n++)
                {
                    feed.Add(start.AddHours(-options.ItemsPerFeed + n));
                }
            }

            await using var services = Compose(folder, options);
            var sources = services.GetRequiredService<IFeedSourceStore>();
            foreach (var feed in feeds)
            {
                await sources.AddAsync(new FeedSource { Url = feed.Url.AbsoluteUri, PollInterval = TimeSpan.FromMinutes(options.PollMinutes), AddedAt = start, AddedBy = "bench" }, cancellationToken);
            }

            var store = services.GetRequiredService<IArticleStore>();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await services.GetRequiredService<ContentReloader>().ReloadAsync(cancellationToken);
            var hosted = services.GetServices<IHostedService>().ToArray();
            foreach (var service in hosted)
            {
                await service.StartAsync(cancellationToken);
            }

            var backCatalogue = options.FeedCount * options.ItemsPerFeed;
            while (store.Current.Articles.Count < backCatalogue && clock.Elapsed < TimeSpan.FromMinutes(options.PollMinutes))
            {
                await Task.Delay(100, cancellationToken);
            }

            var firstRead = clock.Elapsed;
            var cpuFirstRead = process.TotalProcessorTime - cpuBefore;
            log($"First read: {store.Current.Articles.Count} articles from {options.FeedCount} feeds in {firstRead.TotalSeconds:0.0} s ({cpuFirstRead.TotalSeconds:0.0} s CPU)");

            var pending = new ConcurrentDictionary<string, (string Title, long AppearedAt)>();
            var delays = new ConcurrentBag<double>();
            var random = new Random(11);
            var answerer = new QuestionAnswerer();
            var cpuSteady = process.TotalProcessorTime;
            var steadyClock = Stopwatch.StartNew();
            var nextNew = TimeSpan.Zero;
            var lastVersion = store.Current.Version;
            var peakWorkingSet = 0L;
            var produced = 0;
            while (steadyClock.Elapsed < TimeSpan.FromMinutes(options.Minutes))
            {
                if (steadyClock.Elapsed >= nextNew)
                {
                    for (var k = 0; k < 5; k++)
                    {
                        var (marker, title) = feeds[random.Next(feeds.Length)].Add(DateTimeOffset.UtcNow);
                        pending[marker] = (title, Stopwatch.GetTimestamp());
                        produced++;
                    }

                    nextNew += TimeSpan.FromSeconds(options.NewEverySeconds);
                }

                var snapshot = store.Current;
                if (snapshot.Version != lastVersion)
                {
                    lastVersion = snapshot.Version;
                    foreach (var (marker, (title, appeared)) in pending)
                    {
                        var answer = answerer.Answer(snapshot.Index, SyntheticFeed.Question(marker), 1);
                        if (answer.Answered && answer.Answers[0].Title == title && pending.TryRemove(marker, out _))
                        {
                            delays.Add(Stopwatch.GetElapsedTime(appeared).TotalSeconds);
                        }
                    }
                }

                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(200, cancellationToken);
            }

            var steadyCpu = process.TotalProcessorTime - cpuSteady;
            var wall = steadyClock.Elapsed;
            foreach (var service in hosted.Reverse())
            {
                await service.StopAsync(CancellationToken.None);
            }

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            var sorted = delays.Order().ToArray();
            double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            var requests = servers.Sum(s => s.Requests.Count);
            var notModified = servers.Sum(s => s.NotModifiedCount);
            var result = new JsonObject
            {
                ["feeds"] = options.FeedCount,
                ["itemsPerFeed"] = options.ItemsPerFeed,
                ["pollMinutes"] = options.PollMinutes,
                ["hosts"] = options.Hosts,
                ["articles"] = store.Current.Articles.Count,
                ["firstReadSeconds"] = Math.Round(firstRead.TotalSeconds, 1),
                ["firstReadCpuSeconds"] = Math.Round(cpuFirstRead.TotalSeconds, 1),
                ["steadyMinutes"] = Math.Round(wall.TotalMinutes, 1),
                ["steadyCpuSeconds"] = Math.Round(steadyCpu.TotalSeconds, 1),
                ["steadyCpuPercentOfOneCore"] = Math.Round(100 * steadyCpu.TotalSeconds / wall.TotalSeconds, 2),
                ["newItems"] = produced,
                ["answered"] = sorted.Length,
                ["delaySecondsP50"] = Math.Round(Percentile(0.5), 1),
                ["delaySecondsP95"] = Math.Round(Percentile(0.95), 1),
                ["delaySecondsMax"] = sorted.Length == 0 ? double.NaN : Math.Round(sorted[^1], 1),
                ["requests"] = requests,
                ["notModified"] = notModified,
                ["managedMB"] = Math.Round(managed / (1024.0 * 1024), 1),
                ["peakWorkingSetMB"] = Math.Round(peakWorkingSet / (1024.0 * 1024), 1),
            };
            return result;
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static ServiceProvider Compose(string folder, FeedsRunOptions options)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "state.db"),
            ["Sources:AllowPrivateAddresses:0"] = "127.0.0.0/8",
            ["Sources:MinPollInterval"] = "00:01:00",
            // The items carry their full text and their links are not on this machine: never fetch their pages.
            ["Sources:FetchPageBelowWords"] = "0",
            ["Sources:DefaultPollInterval"] = TimeSpan.FromMinutes(Math.Max(1, options.PollMinutes)).ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddBriefingCore();
        services.AddSingleton<IOptions<ContentOptions>>(Microsoft.Extensions.Options.Options.Create(new ContentOptions { Folder = Path.Combine(folder, "content") }));
        services.AddSingleton<IArticleLoader>(sp => new ArticleLoader(sp.GetRequiredService<IOptions<ContentOptions>>().Value, NullLogger<ArticleLoader>.Instance));
        services.AddStorage(configuration);
        services.AddBriefingFeeds(configuration);
        services.AddFeedPolling();
        return services.BuildServiceProvider();
    }
}
