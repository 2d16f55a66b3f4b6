using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// Gateway delivery: one sender writes INTERACTION_CREATE dispatches with increasing sequence numbers. Halfway it
/// sends op 7 and waits for the bot to come back on the resume URL; events due meanwhile queue up and are sent after
/// RESUMED, as Discord replays missed events. The arrival of each event at the bot starts its 3-second clock.
/// </summary>
public sealed class GatewayDriver : IDriver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly FakeDiscordServer _server;
    private readonly int _heartbeatIntervalMs;
    private readonly Channel<Outgoing?> _outgoing = Channel.CreateUnbounded<Outgoing?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Task _sender;
    private FakeGatewayConnection _connection;
    private int _sequence = 1;
    private string? _reconnect;
    private double _reconnectPauseMs;
    private int _sendFailures;
    private int _pending;

    private GatewayDriver(FakeDiscordServer server, FakeGatewayConnection connection, int heartbeatIntervalMs, CancellationToken cancellationToken)
    {
        _server = server;
        _connection = connection;
        _heartbeatIntervalMs = heartbeatIntervalMs;
        _connections.Add(connection);
        _sender = Task.Run(() => SendLoopAsync(cancellationToken), CancellationToken.None);
    }

    public static async Task<GatewayDriver> ConnectAsync(FakeDiscordServer server, int heartbeatIntervalMs, CancellationToken cancellationToken)
    {
        var connection = await server.NextConnectionAsync(Timeout, cancellationToken);
        await connection.SendHelloAsync(heartbeatIntervalMs, cancellationToken);
        var identify = await connection.ReceiveAsync(Timeout, cancellationToken);
        if (FakeGatewayConnection.Op(identify) != 2)
        {
            throw new InvalidOperationException($"Expected IDENTIFY, got op {FakeGatewayConnection.Op(identify)}.");
        }

        await connection.SendReadyAsync("load-session", server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1, cancellationToken);
        return new GatewayDriver(server, connection, heartbeatIntervalMs, cancellationToken);
    }

    public Task SendAsync(string kind, JsonObject payload, InteractionLedger ledger, CancellationToken cancellationToken)
    {
        // Tracked from now, not from when the send loop reaches it: a caller that checks the ledger right after this
        // call must see the interaction (else a run's last one, or the after-burst /ask, could be judged before it
        // was tracked and counted lost), and an open-loop run counts its time from when it was due.
        ledger.Sent(kind, payload, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _pending);
        return _outgoing.Writer.WriteAsync(new Outgoing(payload), cancellationToken).AsTask();
    }

    public void Prepare(IEnumerable<JsonObject> payloads)
    {
        // nothing to sign: gateway events are trusted by virtue of the connection
    }

    public void Midpoint()
    {
        Interlocked.Increment(ref _pending);
        _outgoing.Writer.TryWrite(null);
    }

    public async Task DrainAsync()
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(50);
        }
    }

    public void Describe(JsonObject report)
    {
        var gaps = _connections
            .Select(c => c.HeartbeatTimes)
            .SelectMany(times => times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds))
            .DefaultIfEmpty(0)
            .ToArray();
        report["gateway"] = new JsonObject
        {
            ["connections"] = _connections.Count,
            ["afterOp7"] = _reconnect ?? "not sent",
            ["reconnectPauseMs"] = Math.Round(_reconnectPauseMs, 1),
            ["heartbeatIntervalMs"] = _heartbeatIntervalMs,
            ["heartbeats"] = _connections.Sum(c => c.HeartbeatCount),
            ["heartbeatMaxGapMs"] = Math.Round(gaps.Max(), 1),
            ["sendFailures"] = _sendFailures,
        };
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            if (item is null)
            {
                await ReconnectAsync(cancellationToken);
                Interlocked.Decrement(ref _pending);
                continue;
            }

            try
            {
                await _connection.SendDispatchAsync("INTERACTION_CREATE", item.Payload, ++_sequence, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException)
            {
                _sendFailures++;
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    /// <summary>Op 7, then the bot must come back on the resume URL and RESUME (op 6), not IDENTIFY (op 2).</summary>
    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await _connection.SendOpAsync(7, null, cancellationToken);
        var next = await _server.NextConnectionAsync(Timeout, cancellationToken);
        _connections.Add(next);
        await next.SendHelloAsync(_heartbeatIntervalMs, cancellationToken);
        var hello = await next.ReceiveAsync(Timeout, cancellationToken);
        switch (FakeGatewayConnection.Op(hello))
        {
            case 6:
                _reconnect = next.Path.StartsWith("/resume", StringComparison.Ordinal) ? "resumed" : "resumed on the wrong URL";
                await next.SendDispatchAsync("RESUMED", new JsonObject(), ++_sequence, cancellationToken);
                break;
            case 2:
                _reconnect = "re-identified";
                await next.SendReadyAsync("load-session-2", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, ++_sequence, cancellationToken);
                break;
            default:
                _reconnect = $"unexpected op {FakeGatewayConnection.Op(hello)}";
                break;
        }

        _connection = next;
        _reconnectPauseMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private sealed record Outgoing(JsonObject Payload);
}
