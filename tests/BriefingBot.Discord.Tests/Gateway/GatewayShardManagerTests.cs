using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Gateway;

/// <summary>Several shards of one instance against the fake Discord over loopback sockets.</summary>
public sealed class GatewayShardManagerTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = DiscordTestHost.Timeout;
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordServer _server = null!;
    private DiscordTestHost? _host;
    private GatewayShardManager _shards = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync() => _server = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task RunAsync_ShardCount2_IdentifiesAsShard0And1Of2WithOneSessionEach()
    {
        _server.MaxConcurrency = 2;
        Start(shardCount: 2);

        var connections = await AcceptAsync(2);

        Assert.Equal(["[0, 2]", "[1, 2]"], ShardsIdentified());
        await WaitUntilAsync(() => _shards.IsReady);
        Assert.Equal([0, 1], _shards.Shards.Select(s => s.Shard.Id).Order());
        Assert.All(_shards.Shards, s => Assert.Equal(2, s.Shard.Count));
        Assert.Equal(2, connections.Select(c => c.Path).Count(p => p == "/gateway"));
        Assert.Single(_server.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)); // one read for both shards
    }

    [Fact]
    public async Task RunAsync_MaxConcurrency1_IdentifiesAWindowApart()
    {
        var window = TimeSpan.FromSeconds(1);
        _server.MaxConcurrency = 1;
        Start(shardCount: 2, identifyWindow: window);

        await AcceptAsync(2);

        var identifies = _server.Identifies;
        Assert.Equal([0, 1], identifies.Select(i => i.ShardId));
        var gap = identifies[1].At - identifies[0].At;

        // The window runs from the send; allow for the first identify having taken a little longer to arrive.
        Assert.True(gap >= window - TimeSpan.FromMilliseconds(100), $"identifies {gap.TotalMilliseconds} ms apart");
    }

    [Fact]
    public async Task RunAsync_MaxConcurrency2_BothShardsIdentifyWithoutWaitingForTheWindow()
    {
        _server.MaxConcurrency = 2;

        // A window far longer than the test's timeout: only separate buckets can get both identifies through.
        Start(shardCount: 2, identifyWindow: TimeSpan.FromMinutes(5));

        await AcceptAsync(2);

        Assert.Equal(["[0, 2]", "[1, 2]"], ShardsIdentified());
    }

    [Fact]
    public async Task RunAsync_ShardIds1Of2_RunsOnlyShard1()
    {
        _server.MaxConcurrency = 2;
        Start(shardCount: 2, shardIds: [1]);

        await AcceptAsync(1);
        await WaitUntilAsync(() => _shards.IsReady);
        await Task.Delay(200); // room for a wrong second shard to show up

        Assert.Equal(["[1, 2]"], ShardsIdentified());
        Assert.Equal(1, _server.ConnectionCount);
        Assert.Equal([1], _shards.Shards.Select(s => s.Shard.Id));
    }

    [Fact]
    public async Task RunAsync_NoShardSettings_RunsDiscordsRecommendedCount()
    {
        _server.GatewayShards = 3;
        _server.MaxConcurrency = 4;
        Start();

        await AcceptAsync(3);

        Assert.Equal(["[0, 3]", "[1, 3]", "[2, 3]"], ShardsIdentified());
        Assert.Equal(3, _shards.Plan!.Count);
    }

    [Fact]
    public async Task RunAsync_NotEveryShardReady_IsNotReadyAndSaysWhichIs()
    {
        _server.MaxConcurrency = 2;
        Start(shardCount: 2);
        var first = await _server.NextConnectionAsync(Timeout);
        var second = await _server.NextConnectionAsync(Timeout);
        await first.SendHelloAsync(45000);
        await second.SendHelloAsync(45000);
        await first.ReceiveAsync(Timeout);
        await second.ReceiveAsync(Timeout);

        await first.SendReadyAsync("session-a", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);
        await WaitUntilAsync(() => _shards.Shards.Count(s => s.IsReady) == 1);

        Assert.False(_shards.IsReady);
        await second.SendReadyAsync("session-b", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);
        await WaitUntilAsync(() => _shards.IsReady);
    }

    [Fact]
    public async Task RunAsync_ShardingRequired_ReadsGatewayBotAgainAndIdentifiesWithTheNewCount()
    {
        _server.MaxConcurrency = 2;
        Start();
        var only = Assert.Single(await AcceptAsync(1));
        Assert.Equal(["[0, 1]"], ShardsIdentified());

        await _server.RequireShardingAsync(only, recommendedShards: 2);
        await AcceptAsync(2);

        Assert.Equal(["[0, 1]", "[0, 2]", "[1, 2]"], ShardsIdentified());
        Assert.Equal(2, _server.Requests.Count(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)));
        await WaitUntilAsync(() => _shards.IsReady);
        Assert.Null(_shards.FatalCloseCode);
        Assert.False(_run.IsCompleted);
        Assert.DoesNotContain(_host!.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("recommends 2; restarting every shard with 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ShardingRequiredWithConfiguredShards_MovesToAMultipleKeepingItsGuildsAndSaysWhatToSet()
    {
        _server.MaxConcurrency = 4;
        Start(shardCount: 2, shardIds: [1]);
        var only = Assert.Single(await AcceptAsync(1));

        await _server.RequireShardingAsync(only, recommendedShards: 3);
        await AcceptAsync(2);

        // Old shard 1 of 2 held the odd guild buckets; of 4 shards those are 1 and 3.
        Assert.Equal(["[1, 2]", "[1, 4]", "[3, 4]"], ShardsIdentified());
        var error = Assert.Single(_host!.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("recommends 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set Discord:ShardCount=4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InteractionOnShard1_IsAnsweredOnce()
    {
        _server.MaxConcurrency = 2;
        Start(shardCount: 2);
        var connections = await AcceptAsync(2);
        var shard1 = connections.Single(c => c.Identify!.ShardId == 1);
        var interaction = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, "What did the council decide?"));
        var callbackPath = $"/interactions/{interaction["id"]}/{interaction["token"]}/callback";

        await shard1.SendDispatchAsync("INTERACTION_CREATE", interaction.DeepClone(), 2);
        var callback = await _server.WaitForRequestAsync("POST", callbackPath, Timeout);
        await Task.Delay(300); // room for a second answer, which must not come

        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Single(_server.Requests, r => r.Path.Contains(callbackPath, StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/webhooks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FatalCloseCodeOnAShard_StopsThatShardAndReportsIt()
    {
        Start(shardCount: 1);
        var only = Assert.Single(await AcceptAsync(1));

        await only.CloseAsync(4004, "Authentication failed.");
        await _run.WaitAsync(Timeout);

        Assert.Equal(4004, _shards.FatalCloseCode);
        Assert.False(_shards.IsReady);
        Assert.Equal(1, _server.ConnectionCount);
    }

    private void Start(int? shardCount = null, int[]? shardIds = null, TimeSpan? identifyWindow = null)
    {
        _host = DiscordTestHost.Create(_server, settings =>
        {
            if (shardCount is { } count)
            {
                settings["Discord:ShardCount"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            for (var i = 0; i < (shardIds?.Length ?? 0); i++)
            {
                settings[$"Discord:ShardIds:{i}"] = shardIds![i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        _shards = _host.CreateShards(identifyWindow ?? TimeSpan.FromMilliseconds(50));
        _run = _shards.RunAsync(_stop.Token);
    }

    /// <summary>Plays Discord for the next <paramref name="count"/> connections: Hello, read the Identify, READY.</summary>
    private async Task<List<FakeGatewayConnection>> AcceptAsync(int count)
    {
        var connections = new List<FakeGatewayConnection>();
        for (var i = 0; i < count; i++)
        {
            var connection = await _server.NextConnectionAsync(Timeout);
            await connection.SendHelloAsync(45000);
            var identify = await connection.ReceiveAsync(Timeout);
            Assert.Equal(2, FakeGatewayConnection.Op(identify));
            Assert.Equal(DiscordTestHost.Token, identify["d"]!["token"]!.GetValue<string>());
            await connection.SendReadyAsync($"session-{connection.Index}", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);
            connections.Add(connection);
        }

        return connections;
    }

    /// <summary>The shard arrays of every Identify so far, as "[id, count]", sorted within each count.</summary>
    private List<string> ShardsIdentified() => _server.Identifies
        .OrderBy(i => i.At).GroupBy(i => i.ShardCount)
        .SelectMany(g => g.OrderBy(i => i.ShardId))
        .Select(i => $"[{i.ShardId}, {i.ShardCount}]").ToList();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(10);
        }
    }
}
