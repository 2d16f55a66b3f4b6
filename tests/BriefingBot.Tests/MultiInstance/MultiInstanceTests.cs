using System.Globalization;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Testing;
using BriefingBot.Testing.Discord;
using BriefingBot.Testing.Feeds;
using BriefingBot.Testing.Postgres;
using NodaTime;

namespace BriefingBot.Tests.MultiInstance;

/// <summary>
/// Three bot processes on one PostgreSQL database against the fake Discord, as several instances behind a load
/// balancer run: work that must happen once happens once, a crash mid-post neither loses nor doubles a digest, and a
/// change made through one instance reaches all of them.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class MultiInstanceTests(PostgresServer postgres) : IAsyncLifetime
{
    private const ulong Guild = 4242;
    private const ulong FirstChannel = 730000000000000001;
    private const ulong SecondChannel = 730000000000000002;
    private const ulong ManageGuild = 32;
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private FakeDiscordServer _discord = null!;
    private PostgresTempDatabase _database = null!;

    private string Content => Path.Combine(_folder, "content");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Content);
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(Content, Path.GetFileName(seed)));
        }

        _discord = await FakeDiscordServer.StartAsync();
        if (postgres.UnavailableReason is null)
        {
            _database = await PostgresTempDatabase.CreateAsync(postgres, cancellationToken: TestTimeout.Token());
        }
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // harmless leftover
        }
    }

    [PostgresFact]
    public async Task DueDigests_EachChannelGetsExactlyOne_EvenWhenTheInstanceHoldingASlotIsKilledMidPost()
    {
        RequireServer();
        await SubscribeDueAsync(FirstChannel);
        await SubscribeDueAsync(SecondChannel);
        // Discord creates the first channel's message but sits on the reply: whoever sent it is killed meanwhile.
        _discord.ChannelMessages.HoldNextReply(Id(FirstChannel), TimeSpan.FromMinutes(5));

        await using var cluster = await BotCluster.StartAsync(_discord, Arguments());
        var holder = await WhoClaimsAsync(cluster, FirstChannel);
        cluster[holder].Kill();

        await WaitUntilAsync(async () => (await SlotAsync(FirstChannel))?.State == DeliveryAttemptState.Delivered
            && (await SlotAsync(SecondChannel))?.State == DeliveryAttemptState.Delivered, cluster);

        Assert.Single(_discord.ChannelMessages.In(Id(FirstChannel)));
        Assert.Single(_discord.ChannelMessages.In(Id(SecondChannel)));
        var posts = _discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{Id(FirstChannel)}/messages", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, posts.Length); // the killed instance's send and the takeover's resend…
        Assert.Single(posts.Select(p => p.Json!["nonce"]!.GetValue<string>()).Distinct()); // …with one nonce, which Discord kept once
        Assert.Equal(2, (await SlotAsync(FirstChannel))!.Tries);
    }

    [PostgresFact]
    public async Task AFeed_IsPolledOncePerIntervalAcrossTheInstances_AndItsArticlesReachAllOfThem()
    {
        RequireServer();
        await using var feeds = await FakeFeedServer.StartAsync(cancellationToken: TestTimeout.Token());
        feeds.Serve("wire.xml", FeedDocuments.Rss("Harbour Wire",
        [
            new TestFeedItem("Lighthouse keeper retires after four decades", DateTimeOffset.UtcNow.AddMinutes(-5))
            {
                Guid = "keeper-1",
                Link = "https://news.example.org/keeper-1",
                ContentHtml = "<p>The lighthouse keeper retired after forty years of service.</p><p>Colleagues gathered at the harbour to mark the day.</p>",
            },
        ]));

        await using var cluster = await BotCluster.StartAsync(_discord, Arguments(
            "--Sources:AllowPrivateAddresses:0=127.0.0.1",
            "--Sources:MinIntervalPerHost=00:00:00",
            "--Sources:PublishDelay=00:00:00",
            $"--Sources:Feeds:0:Url={feeds.Url("wire.xml")}",
            "--Sources:Feeds:0:PollMinutes=1"));
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < cluster.Size; i++)
        {
            var index = i;
            await WaitUntilAsync(async () => (await SearchAsync(cluster, index, "lighthouse keeper")).Contains("Lighthouse keeper retires", StringComparison.Ordinal), cluster);
        }

        // Give the other instances every chance to poll too, if they were going to, before counting.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var intervals = (int)((DateTimeOffset.UtcNow - started) / TimeSpan.FromMinutes(1));
        var fetches = feeds.CountRequests("wire.xml");
        Assert.True(fetches >= 1 && fetches <= intervals + 1, $"{fetches} fetches over {intervals + 1} poll intervals{Environment.NewLine}{cluster.Logs()}");
    }

    [PostgresFact]
    public async Task AReloadOnOneInstance_IsServedByAllThreeWithinFiveSeconds_AndItsReplayIsRefusedByAnother()
    {
        RequireServer();
        await using var cluster = await BotCluster.StartAsync(_discord, Arguments());
        Assert.DoesNotContain("Harbour council approves the flood wall", await SearchAsync(cluster, 2, "flood wall"), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(Content, "harbour_flood_wall.txt"),
            "Harbour council approves the flood wall\n\nThe Harbour city council approved a $48 million flood wall on Monday. "
            + "Residents had asked for protection after two winters of flooding. The final vote was seven to four.\n");
        var command = DiscordPayloads.Command("reload", ManageGuild);
        var reload = await cluster.SendAsync(0, command);
        Assert.Contains("1 added", reload.ToJsonString(), StringComparison.Ordinal);
        var reloaded = DateTimeOffset.UtcNow;

        // A captured copy of the same signed interaction, replayed at another instance, is refused there too.
        Assert.Equal(System.Net.HttpStatusCode.Conflict, await cluster.SendForStatusAsync(1, command));

        for (var i = 0; i < cluster.Size; i++)
        {
            var index = i;
            await WaitUntilAsync(async () => (await SearchAsync(cluster, index, "flood wall vote")).Contains("Harbour council approves the flood wall", StringComparison.Ordinal), cluster);
        }

        var took = DateTimeOffset.UtcNow - reloaded;
        Assert.True(took < TimeSpan.FromSeconds(5), $"the last instance served the reload after {took.TotalSeconds:0.0} s");
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private void RequireServer()
    {
        if (postgres.UnavailableReason is { } reason)
        {
            throw new PostgresUnavailableException(reason);
        }
    }

    private List<string> Arguments(params string[] extra) =>
    [
        "--content", Content,
        "--Discord:Token=cluster-token",
        $"--Discord:ApiBaseUrl={_discord.ApiBaseUrl}",
        $"--Discord:GuildIds:0={Guild}",
        "--Storage:Provider=postgres",
        $"--Storage:ConnectionString={_database.ConnectionString}",
        // Words only: three copies of the model would only slow the machine, and nothing here is about ranking.
        "--Answers:Semantic=false",
        "--Cooldowns:Enabled=false",
        "--Digest:PollInterval=00:00:01",
        "--Digest:ClaimTimeout=00:00:03",
        .. extra,
    ];

    /// <summary>A subscription whose time today has passed and which was made yesterday: due the moment an instance looks.</summary>
    private async Task SubscribeDueAsync(ulong channel)
    {
        var now = DateTimeOffset.UtcNow;
        var time = now.AddMinutes(-2).ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.True(DailyPostTime.TryCreate(time, "UTC", TempDatabase.Zones, out var schedule, out var problem), problem);
        var saved = await _database.Subscriptions.SaveAsync(
            new DigestSubscription(Guild, channel, schedule!) { ChangedBy = "test", ActiveSince = now.AddDays(-1) }, TestTimeout.Token());
        Assert.NotNull(saved);
    }

    private async Task<DeliveryAttempt?> SlotAsync(ulong channel)
    {
        var subscription = await _database.Subscriptions.FindAsync(Guild, channel, TestTimeout.Token());
        var today = LocalDate.FromDateTime(DateTime.UtcNow);
        return await _database.Ledger.FindAsync(subscription!.Id, today, TestTimeout.Token())
            ?? await _database.Ledger.FindAsync(subscription.Id, today.PlusDays(-1), TestTimeout.Token());
    }

    private static async Task<int> WhoClaimsAsync(BotCluster cluster, ulong channel)
    {
        var fragment = $"(channel {Id(channel)}) claimed by this instance";
        var claims = Enumerable.Range(0, cluster.Size).Select(i => cluster[i].WaitForLineAsync(l => l.Contains(fragment, StringComparison.Ordinal), Soon)).ToArray();
        var first = await Task.WhenAny(claims);
        return Array.IndexOf(claims, first);
    }

    private static async Task<string> SearchAsync(BotCluster cluster, int index, string query) =>
        (await cluster.SendAsync(index, DiscordPayloads.Command("search", 0, DiscordPayloads.Option("query", 3, query)))).ToJsonString();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, BotCluster cluster)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {Soon.TotalSeconds} s.{Environment.NewLine}{cluster.Logs()}");
            }

            await Task.Delay(100);
        }
    }
}
