using System.Text.Json.Nodes;
using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Gateway;

public sealed partial class GatewayClientTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = DiscordTestHost.Timeout;
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;
    private GatewayClient _gateway = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _host = DiscordTestHost.Create(_server);
        _gateway = _host.CreateGateway();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task RunAsync_HelloAndReady_IdentifiesWithGuildsIntentAndHeartbeats()
    {
        var connection = await ConnectAndIdentifyAsync(heartbeatMs: 100);

        await connection.WaitForHeartbeatsAsync(2, Timeout);

        Assert.Equal("/gateway", connection.Path);
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);
        Assert.Equal("session-1", _gateway.Session.SessionId);
        Assert.Equal(FakeDiscordServer.ApplicationId, _gateway.Session.ApplicationId);
        var bot = await _server.WaitForRequestAsync("GET", "/gateway/bot", Timeout);
        Assert.Equal("Bot " + DiscordTestHost.Token, bot.Header("Authorization"));
    }

    [Fact]
    public async Task RunAsync_ReconnectOpcode_ResumesOnResumeUrlWithLastSequence()
    {
        var first = await ConnectAndIdentifyAsync();
        await first.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1" }, 5);
        await WaitForSequenceAsync(5);

        await first.SendOpAsync(7, null);
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var resume = await second.ReceiveAsync(Timeout);

        Assert.Equal("/resume", second.Path);
        Assert.Contains("v=10", second.Query, StringComparison.Ordinal);
        AssertResume(resume, seq: 5);
        await first.Closed.WaitAsync(Timeout);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.NotEqual(1001, first.ClientCloseCode);
    }

    [Fact]
    public async Task RunAsync_SocketDropped_ResumesWithLastSequence()
    {
        var first = await ConnectAndIdentifyAsync();
        await first.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1" }, 3);
        await WaitForSequenceAsync(3);

        first.Drop();
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var resume = await second.ReceiveAsync(Timeout);

        Assert.Equal("/resume", second.Path);
        AssertResume(resume, seq: 3);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionNotResumable_IdentifiesAgainOnGatewayUrl()
    {
        var first = await ConnectAndIdentifyAsync();

        await first.SendOpAsync(9, JsonValue.Create(false));
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var payload = await second.ReceiveAsync(Timeout);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(2, FakeGatewayConnection.Op(payload));
        Assert.Null(_gateway.Session.SessionId);
    }

    [Theory]
    [InlineData(4000, "/resume", 6)]
    [InlineData(4008, "/resume", 6)]
    [InlineData(4007, "/gateway", 2)]
    [InlineData(4009, "/gateway", 2)]
    public async Task RunAsync_ServerCloseCode_ResumesOrIdentifiesAsDocumented(int closeCode, string expectedPath, int expectedOpcode)
    {
        var first = await ConnectAndIdentifyAsync();

        await first.CloseAsync(closeCode);
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var payload = await second.ReceiveAsync(Timeout);

        Assert.Equal(expectedPath, second.Path);
        Assert.Equal(expectedOpcode, FakeGatewayConnection.Op(payload));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task RunAsync_FatalCloseCode_StopsWithOneLogLineAndNoRetry(int closeCode)
    {
        var first = await ConnectAndIdentifyAsync();

        await first.CloseAsync(closeCode, "Authentication failed.");
        await _run.WaitAsync(Timeout); // RunAsync has returned: no retry can follow, so there is nothing to wait out

        Assert.Equal(closeCode, _gateway.FatalCloseCode);
        Assert.Equal(1, _server.ConnectionCount);
        Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ShardingRequired_StopsThisShardForTheManagerWithoutAFatalLine()
    {
        var first = await ConnectAndIdentifyAsync();

        await first.CloseAsync(4011, "Sharding required.");
        await _run.WaitAsync(Timeout);

        Assert.True(_gateway.ShardingRequired);
        Assert.Null(_gateway.FatalCloseCode);
        Assert.Equal(1, _server.ConnectionCount);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task RunAsync_HeartbeatAckMissing_ClosesZombieWith4000AndResumes()
    {
        _run = _gateway.RunAsync(_stop.Token);
        var first = await _server.NextConnectionAsync(Timeout);
        first.AcknowledgeHeartbeats = false;
        await first.SendHelloAsync(150);
        await first.ReceiveAsync(Timeout); // identify
        await first.SendReadyAsync("session-1", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);

        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var resume = await second.ReceiveAsync(Timeout);

        await first.Closed.WaitAsync(Timeout);
        Assert.True(first.HeartbeatCount >= 1);
        Assert.Equal(GatewayCloseCodes.Reconnecting, first.ClientCloseCode);
        Assert.Equal("/resume", second.Path);
        AssertResume(resume, seq: 1);
    }

    [Fact]
    public async Task RunAsync_ServerRequestsHeartbeat_SendsOneImmediately()
    {
        var connection = await ConnectAndIdentifyAsync();
        var before = connection.HeartbeatCount;

        await connection.SendOpAsync(1, null);

        await connection.WaitForHeartbeatsAsync(before + 1, Timeout);
    }

    [Fact]
    public async Task RunAsync_Shutdown_ClosesNormally()
    {
        var connection = await ConnectAndIdentifyAsync();

        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        await connection.Closed.WaitAsync(Timeout);

        Assert.Equal(1000, connection.ClientCloseCode);
    }

    [Fact]
    public async Task RunAsync_DroppedBeforeHello_ConnectsAgainAndIdentifies()
    {
        _run = _gateway.RunAsync(_stop.Token);
        var first = await _server.NextConnectionAsync(Timeout);

        first.Drop();
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var identify = await second.ReceiveAsync(Timeout);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(2, FakeGatewayConnection.Op(identify));
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains("Gateway shard 0 will Resume", StringComparison.Ordinal) || e.Message.Contains("Gateway shard 0 will Identify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DroppedDuringIdentify_IdentifiesAgainOnTheGatewayUrl()
    {
        _run = _gateway.RunAsync(_stop.Token);
        var first = await _server.NextConnectionAsync(Timeout);
        await first.SendHelloAsync(45000);
        await first.ReceiveAsync(Timeout); // identify, never answered with READY

        first.Drop();
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var identify = await second.ReceiveAsync(Timeout);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(2, FakeGatewayConnection.Op(identify));
        Assert.Null(_gateway.Session.SessionId);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionResumable_ResumesOnResumeUrl()
    {
        var first = await ConnectAndIdentifyAsync();
        await first.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1" }, 4);
        await WaitForSequenceAsync(4);

        await first.SendOpAsync(9, JsonValue.Create(true));
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        var resume = await second.ReceiveAsync(Timeout);

        Assert.Equal("/resume", second.Path);
        AssertResume(resume, seq: 4);
    }

    [Fact]
    public async Task RunAsync_ResumeRefused_IdentifiesAfreshOnTheGatewayUrl()
    {
        var first = await ConnectAndIdentifyAsync();
        first.Drop();
        var second = await _server.NextConnectionAsync(Timeout);
        await second.SendHelloAsync(45000);
        AssertResume(await second.ReceiveAsync(Timeout), seq: 1);

        await second.SendOpAsync(9, JsonValue.Create(false));
        var third = await _server.NextConnectionAsync(Timeout);
        await third.SendHelloAsync(45000);
        var identify = await third.ReceiveAsync(Timeout);

        Assert.Equal("/gateway", third.Path);
        Assert.Equal(2, FakeGatewayConnection.Op(identify));
        Assert.Null(_gateway.Session.SessionId);
    }

    [Fact]
    public async Task RunAsync_ReconnectStormBeforeResumeCompletes_BacksOffInsteadOfLooping()
    {
        var connection = await ConnectAndIdentifyAsync();
        connection.Drop();

        // Every resume attempt is met with another op 7 before RESUMED: the pace must slow down each time.
        for (var i = 0; i < 6; i++)
        {
            connection = await _server.NextConnectionAsync(Timeout);
            await connection.SendHelloAsync(45000);
            await connection.ReceiveAsync(Timeout); // resume
            await connection.SendOpAsync(7, null);
        }

        await _server.NextConnectionAsync(Timeout);
        var delays = ReconnectDelays();
        Assert.True(delays.Count >= 7, $"{delays.Count} reconnects logged");
        Assert.True(delays[^1] >= 100, $"reconnect delays {string.Join(", ", delays)} ms did not back off");
    }

    [Fact]
    public async Task RunAsync_InvalidSessionStorm_BacksOffInsteadOfIdentifyingInALoop()
    {
        _run = _gateway.RunAsync(_stop.Token);

        // Every identify is answered with op 9 (not resumable): each new identify must wait longer.
        for (var i = 0; i < 6; i++)
        {
            var connection = await _server.NextConnectionAsync(Timeout);
            await connection.SendHelloAsync(45000);
            Assert.Equal(2, FakeGatewayConnection.Op(await connection.ReceiveAsync(Timeout)));
            await connection.SendOpAsync(9, JsonValue.Create(false));
        }

        await _server.NextConnectionAsync(Timeout);
        var delays = ReconnectDelays();
        Assert.True(delays.Count >= 6, $"{delays.Count} reconnects logged");
        Assert.True(delays[^1] >= 100, $"reconnect delays {string.Join(", ", delays)} ms did not back off");
    }

    private List<int> ReconnectDelays() => _host.Logs.Entries
        .Select(e => ReconnectDelay().Match(e.Message))
        .Where(m => m.Success)
        .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"Gateway shard 0 will \w+ in (\d+) ms")]
    private static partial System.Text.RegularExpressions.Regex ReconnectDelay();

    private async Task<FakeGatewayConnection> ConnectAndIdentifyAsync(int heartbeatMs = 45000)
    {
        _run = _gateway.RunAsync(_stop.Token);
        var connection = await _server.NextConnectionAsync(Timeout);
        await connection.SendHelloAsync(heartbeatMs);
        var identify = await connection.ReceiveAsync(Timeout);

        Assert.Equal(2, FakeGatewayConnection.Op(identify));
        var data = identify["d"]!;
        Assert.Equal(DiscordTestHost.Token, data["token"]!.GetValue<string>());
        Assert.Equal(1, data["intents"]!.GetValue<int>());
        Assert.Equal("BriefingBot", data["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("BriefingBot", data["properties"]!["device"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(data["properties"]!["os"]!.GetValue<string>()));
        Assert.Equal([0, 1], data["shard"]!.AsArray().Select(n => n!.GetValue<int>()));

        await connection.SendReadyAsync("session-1", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);
        await WaitForSequenceAsync(1);
        return connection;
    }

    private async Task WaitForSequenceAsync(int sequence)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (_gateway.Session.Sequence != sequence || _gateway.Session.SessionId is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Sequence {sequence} was not observed in time.");
            await Task.Delay(10);
        }
    }

    private static void AssertResume(JsonNode payload, int seq)
    {
        Assert.Equal(6, FakeGatewayConnection.Op(payload));
        Assert.Equal(DiscordTestHost.Token, payload["d"]!["token"]!.GetValue<string>());
        Assert.Equal("session-1", payload["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(seq, payload["d"]!["seq"]!.GetValue<int>());
    }
}
