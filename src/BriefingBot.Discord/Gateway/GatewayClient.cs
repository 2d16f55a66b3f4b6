using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Timing;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Gateway;

/// <summary>
/// One shard's gateway connection that keeps itself alive: Hello → jittered heartbeats → Identify or Resume,
/// READY/RESUMED bookkeeping, and <see cref="InteractionCreated"/> raised from the read loop the moment the event is
/// read (subscribers only queue work, so a slow handler never delays a read or a heartbeat). After op 7, a drop or a resumable close it resumes on the resume URL; after an invalid
/// session it identifies again after 1–5 s; a missing heartbeat ACK closes the zombie link with 4000; fatal close
/// codes stop it with one log line, and 4011 (sharding required) stops it with <see cref="ShardingRequired"/> set so
/// <see cref="GatewayShardManager"/> can restart every shard with a new count. It closes with 1000 only when the host
/// shuts down. Fresh identifies wait for their turn in the shared <see cref="IdentifyScheduler"/>. Created by
/// <see cref="GatewayClientFactory"/>; session, sequence, heartbeat and resume URL are this shard's own.
/// </summary>
public sealed partial class GatewayClient(
    GatewayShard shard,
    IdentifyScheduler identifies,
    string? initialGatewayUrl,
    DiscordRestClient rest,
    IWebSocketConnectionFactory sockets,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<GatewayClient> logger,
    BotMetrics? metrics = null)
{
    /// <summary>GUILDS only: interactions need no intent, and nothing privileged is asked for.</summary>
    public const int Intents = 1;

    private const int MaxPayloadBytes = 4096;

    /// <summary>Interaction tokens live 15 minutes, so a replay older than that could not be answered anyway.</summary>
    private readonly RecentIds _seenInteractions = new(16_384, TimeSpan.FromMinutes(15), timeProvider);
    private volatile bool _ready;

    /// <summary>
    /// Raised for every INTERACTION_CREATE on the read loop, so the arrival time a subscriber stamps is when the event
    /// was read even when the thread pool is busy. Subscribers must return quickly (queue the work and await it);
    /// anything slow before their first await delays the next read.
    /// </summary>
    public event Func<JsonInteraction, CancellationToken, Task>? InteractionCreated;

    public GatewaySession Session { get; } = new();

    public GatewayShard Shard => shard;

    /// <summary>Set when Discord closed with 4011: the bot needs more shards, so this one stopped.</summary>
    public bool ShardingRequired { get; private set; }

    /// <summary>True between READY (or RESUMED) and the end of that connection: what readiness checks report.</summary>
    public bool IsReady => _ready;

    /// <summary>Set when a fatal close code stopped the client (e.g. 4004); null while running or after a normal stop.</summary>
    public int? FatalCloseCode { get; private set; }

    internal GatewayTimings Timings { get; set; } = GatewayTimings.Default;

    /// <summary>Connects and stays connected until <paramref name="cancellationToken"/> fires or a fatal close.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var gatewayUrl = initialGatewayUrl;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var resuming = Session.CanResume;
            ConnectionResult result;
            IdentifyTurn? turn = null;
            try
            {
                gatewayUrl ??= resuming ? null : await DiscoverAsync(cancellationToken);
                if (!resuming)
                {
                    // Taken before connecting, so no socket idles while the bucket is busy.
                    turn = await identifies.WaitTurnAsync(shard.Id, cancellationToken);
                }

                result = await RunConnectionAsync(resuming ? Session.ResumeGatewayUrl! : gatewayUrl!, resuming, turn, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                FatalCloseCode = (int)GatewayCloseCode.AuthenticationFailed;
                var reason = GatewayCloseCodes.Describe((int)GatewayCloseCode.AuthenticationFailed);
                LogFatal(logger, shard.Id, (int)GatewayCloseCode.AuthenticationFailed, reason);
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or DiscordRestException or HttpRequestException or JsonException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                LogConnectFailed(logger, shard.Id, ex.Message);
                gatewayUrl = null; // fetch the URL again in case it moved
                result = new ConnectionResult(GatewayReconnect.Resume, Healthy: false);
            }
            finally
            {
                turn?.Dispose();
            }

            if (result.Next == GatewayReconnect.Reshard)
            {
                ShardingRequired = true;
                LogShardingRequired(logger, shard.Id, shard.Count);
                return;
            }

            if (result.Next == GatewayReconnect.Stop)
            {
                FatalCloseCode = result.CloseCode;
                var reason = GatewayCloseCodes.Describe(result.CloseCode);
                LogFatal(logger, shard.Id, result.CloseCode ?? 0, reason);
                return;
            }

            failures = result.Healthy ? 0 : failures + 1;
            var delay = failures == 0 ? Timings.HealthyReconnectJitter * Random.Shared.NextDouble() : Backoff(failures);
            if (result.Next == GatewayReconnect.Identify)
            {
                Session.Reset();
                var range = Timings.ReidentifyMaxDelay - Timings.ReidentifyMinDelay;
                var reidentify = Timings.ReidentifyMinDelay + (range * Random.Shared.NextDouble());
                delay = reidentify > delay ? reidentify : delay;
            }

            LogReconnecting(logger, shard.Id, result.Next, (long)delay.TotalMilliseconds);
            metrics?.Reconnect(result.Next == GatewayReconnect.Identify ? "identify" : "resume", shard.Id);
            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> DiscoverAsync(CancellationToken cancellationToken)
    {
        var gateway = await rest.GetGatewayBotAsync(cancellationToken);
        if (gateway.SessionStartLimit is { } limit)
        {
            identifies.UpdateLimit(limit); // the scheduler waits out an exhausted budget before the next identify
        }

        return gateway.Url;
    }

    private async Task<ConnectionResult> RunConnectionAsync(string url, bool resuming, IdentifyTurn? turn, CancellationToken cancellationToken)
    {
        await using var socket = sockets.Create();

        // Not linked to the host's token: cancelling a receive aborts the socket, and on shutdown the 1000 close
        // frame must go out first (see CloseForShutdownAsync).
        using var connectionCancel = new CancellationTokenSource();
        using var connection = new Connection(socket, new GatewaySendLimiter(timeProvider));
        var heartbeat = Task.CompletedTask;
        var healthy = false;

        await socket.ConnectAsync(WithQuery(url), cancellationToken);
        LogConnected(logger, shard.Id, resuming);
        await using var shutdown = cancellationToken.Register(() => _ = CloseForShutdownAsync(connection, connectionCancel));
        try
        {
            while (true)
            {
                WebSocketMessage message;
                try
                {
                    message = await socket.ReceiveAsync(connectionCancel.Token);
                }
                catch (OperationCanceledException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return new ConnectionResult(GatewayReconnect.Resume, healthy); // the heartbeat found a zombie link
                }
                catch (WebSocketException ex)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    LogDropped(logger, shard.Id, ex.Message);
                    return new ConnectionResult(GatewayReconnect.Resume, healthy);
                }

                if (message.IsClose)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    LogClosed(logger, shard.Id, message.CloseCode ?? 0, message.CloseReason ?? "");
                    return new ConnectionResult(GatewayCloseCodes.Classify(message.CloseCode), healthy, message.CloseCode);
                }

                var payload = JsonSerializer.Deserialize<JsonGatewayPayload>(message.Data.Span, DiscordJson.Options)!;
                if (payload.Sequence is { } sequence)
                {
                    Session.Observe(sequence);
                }

                switch ((GatewayOpcode)payload.Opcode)
                {
                    case GatewayOpcode.Hello:
                        var hello = payload.Data!.Value.Deserialize<JsonHello>(DiscordJson.Options)!;
                        heartbeat = HeartbeatAsync(connection, TimeSpan.FromMilliseconds(hello.HeartbeatInterval), connectionCancel);
                        if (resuming)
                        {
                            await SendResumeAsync(connection, cancellationToken);
                        }
                        else
                        {
                            await SendIdentifyAsync(connection, cancellationToken);
                            turn?.Sent();
                        }

                        break;
                    case GatewayOpcode.HeartbeatAck:
                        connection.AckReceived = true;
                        break;
                    case GatewayOpcode.Heartbeat:
                        await connection.SendAsync(GatewayOpcode.Heartbeat, Session.Sequence, heartbeat: true, cancellationToken);
                        break;
                    case GatewayOpcode.Reconnect:
                        LogReconnectRequested(logger, shard.Id);
                        await connection.CloseQuietlyAsync(GatewayCloseCodes.Reconnecting);

                        // Healthy only if this connection got as far as READY/RESUMED: a storm of op 7s before that
                        // must meet the growing backoff, not a reconnect every few milliseconds.
                        return new ConnectionResult(GatewayReconnect.Resume, healthy);
                    case GatewayOpcode.InvalidSession:
                        var resumable = payload.Data is { ValueKind: JsonValueKind.True };
                        LogInvalidSession(logger, shard.Id, resumable);
                        await connection.CloseQuietlyAsync(GatewayCloseCodes.Reconnecting);

                        // Not healthy: a server that keeps invalidating must meet a growing backoff, not a loop of identifies.
                        return new ConnectionResult(resumable && Session.CanResume ? GatewayReconnect.Resume : GatewayReconnect.Identify, Healthy: false);
                    case GatewayOpcode.Dispatch:
                        healthy |= OnDispatch(payload, cancellationToken);
                        break;
                }
            }
        }
        finally
        {
            _ready = false;
            await connectionCancel.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Handles a dispatch; true when it proves the session works (READY, RESUMED).</summary>
    private bool OnDispatch(JsonGatewayPayload payload, CancellationToken cancellationToken)
    {
        switch (payload.EventName)
        {
            case "READY":
                var ready = payload.Data!.Value.Deserialize<JsonReady>(DiscordJson.Options)!;
                Session.Start(ready.SessionId, ready.ResumeGatewayUrl, ready.Application?.Id ?? 0);
                LogReady(logger, shard.Id, shard.Count, ready.User?.Username ?? "?", Session.ApplicationId);
                _ready = true;
                return true;
            case "RESUMED":
                LogResumed(logger, shard.Id, Session.Sequence ?? 0);
                _ready = true;
                return true;
            case "INTERACTION_CREATE":
                if (ReadInteraction(payload) is { } interaction && _seenInteractions.Add(interaction.Id))
                {
                    RaiseInteraction(interaction, cancellationToken);
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The interaction in a dispatch, or null (logged once) when it is not one we can answer. One bad event must not
    /// cost the connection: a throw here would end the read loop and reconnect, dropping every event in flight.
    /// </summary>
    private JsonInteraction? ReadInteraction(JsonGatewayPayload payload)
    {
        if (payload.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            LogBadInteraction(logger, shard.Id, payload.Sequence ?? 0, "its data is " + (payload.Data?.ValueKind.ToString() ?? "missing"));
            return null;
        }

        JsonInteraction? interaction;
        try
        {
            interaction = data.Deserialize<JsonInteraction>(DiscordJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            LogBadInteraction(logger, shard.Id, payload.Sequence ?? 0, "it is not an interaction object");
            return null;
        }

        var problem = interaction is null ? "no body" : InteractionValidator.Problem(interaction);
        if (problem is not null)
        {
            LogBadInteraction(logger, shard.Id, payload.Sequence ?? 0, "it has " + problem);
            return null;
        }

        return interaction;
    }

    private void RaiseInteraction(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        if (InteractionCreated is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<JsonInteraction, CancellationToken, Task>>())
        {
            Task handling;
            try
            {
                handling = handler(interaction, cancellationToken);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, ex, interaction.Id);
                continue;
            }

            _ = ObserveAsync(handling, interaction.Id, cancellationToken);
        }
    }

    private async Task ObserveAsync(Task handling, ulong interactionId, CancellationToken cancellationToken)
    {
        try
        {
            await handling;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, ex, interactionId);
        }
    }

    private async Task HeartbeatAsync(Connection connection, TimeSpan interval, CancellationTokenSource connectionCancel)
    {
        var token = connectionCancel.Token;
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), timeProvider, token);
            while (true)
            {
                if (!connection.AckReceived)
                {
                    LogZombie(logger, shard.Id);
                    await connection.CloseQuietlyAsync(GatewayCloseCodes.Reconnecting);
                    await connectionCancel.CancelAsync();
                    return;
                }

                connection.AckReceived = false;
                await connection.SendAsync(GatewayOpcode.Heartbeat, Session.Sequence, heartbeat: true, token);
                await Task.Delay(interval, timeProvider, token);
            }
        }
        catch (OperationCanceledException)
        {
            // the connection ended; the read loop decides what happens next
        }
        catch (WebSocketException)
        {
            // the read loop sees the same failure and reconnects
        }
    }

    private Task SendIdentifyAsync(Connection connection, CancellationToken cancellationToken)
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "unknown";
        // Always sent, [0, 1] included: Discord treats that as unsharded, and one code path is one thing to test.
        var identify = new JsonIdentify(options.Value.Token!, Intents, new JsonIdentifyProperties(os, "BriefingBot", "BriefingBot"), shard.ToIdentifyArray());
        LogIdentifying(logger, shard.Id, shard.Count);
        return connection.SendAsync(GatewayOpcode.Identify, identify, heartbeat: false, cancellationToken);
    }

    private Task SendResumeAsync(Connection connection, CancellationToken cancellationToken)
    {
        LogResuming(logger, shard.Id, Session.Sequence ?? 0);
        return connection.SendAsync(GatewayOpcode.Resume, new JsonResume(options.Value.Token!, Session.SessionId!, Session.Sequence), heartbeat: false, cancellationToken);
    }

    /// <summary>The only place the bot closes with 1000: the host is stopping, so the session should end.</summary>
    private static async Task CloseForShutdownAsync(Connection connection, CancellationTokenSource connectionCancel)
    {
        await connection.CloseQuietlyAsync((int)WebSocketCloseStatus.NormalClosure);
        try
        {
            connectionCancel.CancelAfter(TimeSpan.FromSeconds(2)); // stop waiting for the server's close reply
        }
        catch (ObjectDisposedException)
        {
            // the connection already ended
        }
    }

    /// <summary>Doubles per consecutive failure up to the cap; jitter (half to all of it) so a fleet does not reconnect in step.</summary>
    private TimeSpan Backoff(int failures) =>
        new ExponentialBackoff(Timings.ReconnectBaseDelay, Timings.ReconnectMaxDelay) { JitterMin = 0.5, JitterMax = 1.0 }.Delay(failures - 1);

    private static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Gateway shard {ShardId} connected (resuming: {Resuming})")]
    private static partial void LogConnected(ILogger logger, int shardId, bool resuming);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Gateway shard {ShardId} of {ShardCount} ready as {User} (application {ApplicationId})")]
    private static partial void LogReady(ILogger logger, int shardId, int shardCount, string user, ulong applicationId);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Gateway shard {ShardId} resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int shardId, int sequence);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Gateway shard {ShardId} closed with {CloseCode} {Reason}")]
    private static partial void LogClosed(ILogger logger, int shardId, int closeCode, string reason);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Gateway shard {ShardId} connection dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, int shardId, string reason);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Information, Message = "Gateway shard {ShardId} will {Next} in {DelayMs} ms")]
    private static partial void LogReconnecting(ILogger logger, int shardId, GatewayReconnect next, long delayMs);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Critical, Message = "Discord gateway shard {ShardId} stopped for good: {CloseCode} {Description}. Not retrying.")]
    private static partial void LogFatal(ILogger logger, int shardId, int closeCode, string description);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: no heartbeat ACK since the last heartbeat; closing the zombie connection and resuming")]
    private static partial void LogZombie(ILogger logger, int shardId);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Information, Message = "Discord asked gateway shard {ShardId} to reconnect (op 7)")]
    private static partial void LogReconnectRequested(ILogger logger, int shardId);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "Discord invalidated the session of gateway shard {ShardId} (resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, int shardId, bool resumable);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Warning, Message = "Gateway shard {ShardId} could not connect: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, int shardId, string reason);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Error, Message = "Interaction handler failed for {InteractionId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, ulong interactionId);

    [LoggerMessage(EventId = 3314, Level = LogLevel.Debug, Message = "Gateway shard {ShardId} of {ShardCount} identifying (intents GUILDS)")]
    private static partial void LogIdentifying(ILogger logger, int shardId, int shardCount);

    [LoggerMessage(EventId = 3315, Level = LogLevel.Debug, Message = "Gateway shard {ShardId} resuming at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, int shardId, int sequence);

    [LoggerMessage(EventId = 3316, Level = LogLevel.Warning, Message = "Ignored INTERACTION_CREATE at sequence {Sequence} on gateway shard {ShardId}: {Reason}")]
    private static partial void LogBadInteraction(ILogger logger, int shardId, int sequence, string reason);

    [LoggerMessage(EventId = 3317, Level = LogLevel.Warning, Message = "Discord closed gateway shard {ShardId} of {ShardCount} with 4011: sharding required (more shards needed)")]
    private static partial void LogShardingRequired(ILogger logger, int shardId, int shardCount);

    private sealed record ConnectionResult(GatewayReconnect Next, bool Healthy, int? CloseCode = null);

    /// <summary>Per-connection send state: one send at a time, the 120/60 s budget, and the ACK flag.</summary>
    private sealed class Connection(IWebSocketConnection socket, GatewaySendLimiter limiter) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private volatile bool _ackReceived = true;

        public IWebSocketConnection Socket => socket;

        public bool AckReceived
        {
            get => _ackReceived;
            set => _ackReceived = value;
        }

        public async Task SendAsync(GatewayOpcode opcode, object? data, bool heartbeat, CancellationToken cancellationToken)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new JsonGatewayCommand((int)opcode, data), DiscordJson.Options);
            if (bytes.Length > MaxPayloadBytes)
            {
                throw new InvalidOperationException($"Gateway payload for op {(int)opcode} is {bytes.Length} bytes; Discord closes the connection above {MaxPayloadBytes}.");
            }

            await limiter.WaitAsync(heartbeat, cancellationToken);
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(bytes, cancellationToken);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        /// <summary>Sends a close frame (never waiting long for a dead peer); aborts if even that fails.</summary>
        public async Task CloseQuietlyAsync(int code)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await socket.CloseAsync(code, "", timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Abort(); // the link is already gone; nothing to tell the server
            }
        }

        public void Dispose() => _sendLock.Dispose();
    }
}
