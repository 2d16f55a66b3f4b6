using BriefingBot.Commands;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Discord.Tests.Interactions;

/// <summary>
/// Overload behaviour of the interaction pipeline, against the fake Discord on loopback: deadlines count from an
/// interaction's arrival, work that can no longer be answered is dropped, a full queue answers "busy", and blocked
/// handlers never delay the gateway's heartbeats.
/// </summary>
public sealed class OverloadTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = DiscordTestHost.Timeout;
    private readonly TimerAwareFakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly BlockingHandler _blocking = new();
    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync() => _server = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        _blocking.Release();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    public void Dispose() => _blocking.Dispose();

    private void Start(int workers, int capacity, bool manualClock = true) =>
        _host = DiscordTestHost.Create(
            _server,
            settings =>
            {
                settings["Interactions:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["Interactions:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
            },
            services =>
            {
                if (manualClock)
                {
                    services.AddSingleton<TimeProvider>(_clock);
                }

                services.AddSingleton<ICommandHandler>(_blocking);
            });

    private Task HandleAsync(System.Text.Json.Nodes.JsonObject payload, long receivedAt)
    {
        var interaction = System.Text.Json.JsonSerializer.Deserialize<Models.JsonInteraction>(payload.ToJsonString(), Models.DiscordJson.Options)!;
        return _host.Interactions.HandleAsync(interaction, new CallbackInteractionResponder(_host.Rest, interaction), receivedAt, CancellationToken.None);
    }

    private static string Callback(System.Text.Json.Nodes.JsonObject payload) => $"/interactions/{payload["id"]}/{payload["token"]}/callback";

    private static string Edit(System.Text.Json.Nodes.JsonObject payload) => $"/webhooks/{FakeDiscordServer.ApplicationId}/{payload["token"]}/messages/@original";

    [Fact]
    public async Task SlowWork_IsDeferredOnTheDeadlineCountedFromArrival_ThenEditedOnce()
    {
        Start(workers: 1, capacity: 8);
        var payload = DiscordPayloads.Command("block");
        var receivedAt = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromMilliseconds(1900)); // the event waited before the pipeline saw it

        var handling = HandleAsync(payload, receivedAt);
        await _clock.WaitForTimersAsync(1, Timeout);
        _clock.Advance(TimeSpan.FromMilliseconds(150)); // 2.05 s after arrival, only 0.15 s after work was queued
        var deferred = await _server.WaitForRequestAsync("POST", Callback(payload), Timeout);
        _blocking.Release();
        var edit = await _server.WaitForRequestAsync("PATCH", Edit(payload), Timeout);
        await handling.WaitAsync(Timeout);

        Assert.Equal(5, deferred.Json!["type"]!.GetValue<int>());
        Assert.Contains("done", edit.Body, StringComparison.Ordinal);
        Assert.Single(_server.Requests, r => r.Path.Contains(payload["token"]!.GetValue<string>(), StringComparison.Ordinal) && r.Method == "PATCH");
    }

    [Fact]
    public async Task InteractionOlderThanTheResponseWindow_IsDroppedWithoutWorkOrReply()
    {
        Start(workers: 1, capacity: 8);
        var payload = DiscordPayloads.Command("block");
        var receivedAt = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(3.5));

        await HandleAsync(payload, receivedAt).WaitAsync(Timeout);

        Assert.Equal(0, _blocking.Runs);
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains(payload["token"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains($"Dropped work for interaction {payload["id"]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueuedWorkWhoseTokenExpired_IsDroppedInsteadOfDone()
    {
        Start(workers: 1, capacity: 8);
        var first = DiscordPayloads.Command("block", 0, DiscordPayloads.Option("n", 3, "1"));
        var second = DiscordPayloads.Command("block", 0, DiscordPayloads.Option("n", 3, "2"));
        // One second apart, so the two deferrals do not race for the callback route's rate-limit bucket, whose
        // waits run on this manual clock.
        var firstHandling = HandleAsync(first, _clock.GetTimestamp());
        await WaitUntilAsync(() => _blocking.Runs == 1);
        await _clock.WaitForTimersAsync(1, Timeout);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var secondHandling = HandleAsync(second, _clock.GetTimestamp());
        await _clock.WaitForTimersAsync(2, Timeout);
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        await _server.WaitForRequestAsync("POST", Callback(first), Timeout);
        _clock.Advance(TimeSpan.FromSeconds(1)); // both deferred while the first holds the only worker
        await _server.WaitForRequestAsync("POST", Callback(second), Timeout);

        _clock.Advance(InteractionPipeline.TokenLifetime);
        _blocking.Release();
        await _server.WaitForRequestAsync("PATCH", Edit(first), Timeout);
        await Task.WhenAll(firstHandling, secondHandling).WaitAsync(Timeout);

        Assert.Equal(1, _blocking.Runs);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "PATCH" && r.Path == "/api/v10" + Edit(second));
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains($"Dropped work for interaction {second["id"]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullQueue_AnswersBusyPrivatelyAtOnce()
    {
        Start(workers: 1, capacity: 1);
        var running = DiscordPayloads.Command("block");
        var queued = DiscordPayloads.Command("block");
        var refused = DiscordPayloads.Command("block");
        var now = _clock.GetTimestamp();
        var handling = new[] { HandleAsync(running, now) };
        await WaitUntilAsync(() => _blocking.Runs == 1);
        handling = [.. handling, HandleAsync(queued, now)];

        await HandleAsync(refused, now).WaitAsync(Timeout);
        var busy = await _server.WaitForRequestAsync("POST", Callback(refused), Timeout);

        Assert.Equal(4, busy.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, busy.Json["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("try again", busy.Json["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, _blocking.Runs);
        _blocking.Release();
        await Task.WhenAll(handling).WaitAsync(Timeout);
    }

    [Fact]
    public async Task HeartbeatsKeepTheirScheduleWhileEveryWorkerIsBlocked()
    {
        Start(workers: 2, capacity: 512, manualClock: false);
        using var stop = new CancellationTokenSource();
        var gateway = _host.CreateGateway();
        var run = gateway.RunAsync(stop.Token);
        var connection = await _server.NextConnectionAsync(Timeout);
        await connection.SendHelloAsync(200);
        await connection.ReceiveAsync(Timeout);
        await connection.SendReadyAsync("session-1", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);

        // Far more blocked handlers than the thread pool has threads: if handlers ran on the pool, timers would starve.
        for (var i = 0; i < 200; i++)
        {
            await connection.SendDispatchAsync("INTERACTION_CREATE", DiscordPayloads.Command("block"), i + 2);
        }

        var counted = connection.HeartbeatCount;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var times = connection.HeartbeatTimes;
        var runsWhileBlocked = _blocking.Runs; // once released, the workers move on to the queued ones
        _blocking.Release();
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);

        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        // Loose bounds for a busy CI machine; starved timers would miss them by tens of seconds, not by a few hundred ms.
        Assert.True(connection.HeartbeatCount - counted >= 3, $"only {connection.HeartbeatCount - counted} heartbeats in 3 s at a 200 ms interval");
        Assert.All(gaps, gap => Assert.True(gap < TimeSpan.FromSeconds(2.5), $"a heartbeat came {gap.TotalMilliseconds:0} ms after the previous one"));
        Assert.Equal(2, runsWhileBlocked);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(10);
        }
    }
}
